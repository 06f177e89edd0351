/**
 * Which template the form in a modal was last filled from, so the Jurnal can say "from a
 * template" (and which) for the save that follows. Shared by the filler and the save watcher,
 * which run in the same content script; forgotten with the modal.
 */
import type { TemplateRecord } from '../db/schema';
import type { FillSession } from './fill-modal';

const filledFrom = new WeakMap<HTMLElement, string>();

export function setFilledFrom(modal: HTMLElement, templateId: string | null): void {
  if (templateId) filledFrom.set(modal, templateId);
  else filledFrom.delete(modal);
}

export function getFilledFrom(modal: HTMLElement): string | null {
  return filledFrom.get(modal) ?? null;
}

/**
 * `session`, noting on each fill which template the modal's form was filled from (undo forgets
 * it). A new session starts with a typed form: the site may reuse the modal's element.
 */
export function trackFilledTemplate(modal: HTMLElement, session: FillSession): FillSession {
  setFilledFrom(modal, null);
  const tracked = Object.create(session) as FillSession;
  tracked.fill = async (template, overwrite, date) => {
    const report = await session.fill(template, overwrite, date);
    setFilledFrom(modal, (template as Partial<TemplateRecord>).id ?? null);
    return report;
  };
  tracked.undo = async () => {
    const left = await session.undo();
    setFilledFrom(modal, null);
    return left;
  };
  return tracked;
}

/**
 * The "Tambah Progress Harian" form as a template would hold it (issue 11, item 5: "Simpan isian
 * ini sebagai template"), and the Rencana Aksi options the site offers in it. Read through the
 * same label mapping as the filler; plain data only (the background checks it like any input).
 */
import { listedOptions, readOptions } from '../fill/vue-select';
import { mapProgressForm } from './ekinerja-form';
import { readSentValues } from './sent-values';
import type { TemplateEntryText } from '../db/schema';

/** The form's values a template keeps (every field but the date), as the page shows them. */
export function readFormEntry(modal: HTMLElement): TemplateEntryText {
  const { date: _date, ...entry } = readSentValues(modal);
  return entry;
}

/** Every Rencana Aksi option of the form's choice (its list opened and closed again; the choice is kept); null when unreadable. */
export async function readRencanaAksiOptions(modal: HTMLElement, signal?: AbortSignal): Promise<string[] | null> {
  const field = mapProgressForm(modal).fields.rencanaAksi;
  return field ? readOptions(field.widget, signal) : null;
}

/**
 * Calls `seen` with the Rencana Aksi options each time the user opens the form's choice (its
 * list shown whole: loaded, nothing typed), when they differ from the last ones; until `signal`
 * aborts. Only reads: the list is the user's.
 */
export function watchRencanaAksiOptions(modal: HTMLElement, signal: AbortSignal, seen: (options: string[]) => void): void {
  let last = '';
  let queued = false;
  let widget: HTMLElement | undefined;
  const look = () => {
    queued = false;
    if (!widget?.isConnected) widget = mapProgressForm(modal).fields.rencanaAksi?.widget;
    const options = widget ? listedOptions(widget) : null;
    if (!options || signal.aborted) return;
    const key = JSON.stringify(options);
    if (key === last) return;
    last = key;
    seen(options);
  };
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    setTimeout(look, 50);
  });
  observer.observe(modal, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

/**
 * The e-Kinerja replica (tests/fixtures/replica/dist, built from the real vue-select,
 * vue2-datepicker and vue-cal) running in happy-dom, for unit tests of the filler against the
 * real widgets. Each call starts a fresh app on a fresh <body>.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ReplicaApi } from '../../fixtures/replica/routes';

const CODE = readFileSync(resolve(import.meta.dirname, '../../fixtures/replica/dist/replica.js'), 'utf8');

export const replica = (): ReplicaApi => (window as unknown as { __replica: ReplicaApi }).__replica;

/** Starts the replica with `query` (e.g. 'date=2026-10-05' or 'relabeled=1'). */
export function loadReplica(query = ''): ReplicaApi {
  history.replaceState(null, '', `/kinerja_harian${query ? `?${query}` : ''}`);
  document.body.innerHTML = '<div id="app"></div>';
  (0, eval)(CODE);
  return replica();
}

/** Resolves after Vue's re-render (and any 0 ms timers). */
export const tick = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Clicks "Tambah Progress Harian" and returns the open modal. */
export async function openModal(): Promise<HTMLElement> {
  [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('Tambah Progress Harian'))!.click();
  await tick();
  return document.querySelector<HTMLElement>('.modal.show')!;
}

/** The form group whose label reads `label`. */
export function group(modal: HTMLElement, label: string): HTMLElement {
  return [...modal.querySelectorAll('label')].find((l) => l.textContent?.trim() === label)!.closest<HTMLElement>('.form-group')!;
}

export function footerButton(modal: HTMLElement, text: string): HTMLButtonElement {
  return [...modal.querySelectorAll<HTMLButtonElement>('.modal-footer button')].find((b) => b.textContent?.trim() === text)!;
}

export const byText = (root: ParentNode, selector: string, text: string) =>
  [...root.querySelectorAll<HTMLElement>(selector)].find((el) => el.textContent?.trim() === text);

/** A click by the user: the browser marks it trusted (happy-dom has no isTrusted, so it is set here). */
export function userClick(el: HTMLElement): void {
  const e = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, detail: 1 });
  Object.defineProperty(e, 'isTrusted', { value: true });
  el.dispatchEvent(e);
}

export async function until<T>(f: () => T | null | undefined | false | Promise<T | null | undefined | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await tick(5);
  }
}

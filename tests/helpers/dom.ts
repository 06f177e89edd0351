/**
 * Mounting a component and talking to it as a user would, for component tests: one root element
 * per test, controls found by their accessible names and labels, and waiting for a condition
 * (never for a fixed time), so the tests hold on a busy machine.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

/** How long a test waits for a condition before it fails: generous, for a busy 2-core machine. */
export const WAIT_MS = 20_000;

/** The element the current test's component is mounted in (see `rootPerTest`). */
export let root: HTMLElement;

/** Gives each test of the calling file a fresh `root` in the document, unmounted and removed after it. */
export function rootPerTest(): void {
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });
}

/** Renders `ui` into `root` (replacing what was there), with its first effects run. */
export function mount(ui: ComponentChild): void {
  void act(() => { render(ui, root); });
}

/**
 * Retries `check` (an assertion or a finder that throws until it succeeds) until it passes,
 * letting the component render and run its effects in between; returns what `check` returned.
 */
export function waitFor<T>(check: () => T | Promise<T>): Promise<T> {
  return vi.waitFor(async () => {
    let result!: T;
    await act(async () => { result = await check(); });
    return result;
  }, { timeout: WAIT_MS, interval: 10 });
}

/** What a screen reader calls a control: its aria-label, else its trimmed text. */
export const accessibleName = (el: Element): string => el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';

/** The button whose accessible name is `name`; throws (naming the buttons there are) when none is. */
export function button(name: string, scope: ParentNode = root): HTMLButtonElement {
  const all = [...scope.querySelectorAll('button')];
  const found = all.find((b) => accessibleName(b) === name);
  if (!found) throw new Error(`no button "${name}" among ${all.map(accessibleName).join(' | ')}`);
  return found;
}

/** The form control whose <label> reads `text` (by `for`, or the control inside the label). */
export function field(text: string): HTMLInputElement {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
  if (!label) throw new Error(`no label "${text}"`);
  const el = label.htmlFor ? root.querySelector<HTMLInputElement>(`#${label.htmlFor}`) : label.querySelector('input');
  if (!el) throw new Error(`label "${text}" names no control`);
  return el;
}

/** The element matching `selector`; throws when there is none. */
export function $<T extends Element = HTMLElement>(selector: string, scope: ParentNode = root): T {
  const el = scope.querySelector<T>(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  return el;
}

/** Types `value` into a text field (or a selector's field), as the input event reports it. */
export function type(el: HTMLInputElement | HTMLTextAreaElement | string, value: string): void {
  const target = typeof el === 'string' ? $<HTMLInputElement>(el) : el;
  void act(() => {
    target.value = value;
    target.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Picks `value` in a select (or any control that reports a change). */
export function choose(el: HTMLSelectElement | HTMLInputElement, value: string): void {
  void act(() => {
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** Ticks or unticks a checkbox by clicking it, when it is not already so. */
export function tick(box: HTMLInputElement, on = !box.checked): void {
  void act(() => {
    if (box.checked !== on) box.click();
  });
}

/** Clicks an element (a button by its accessible name, when given a string). */
export function click(target: HTMLElement | string): void {
  const el = typeof target === 'string' ? button(target) : target;
  void act(() => { el.click(); });
}

/** Submits the form that holds `el` (an element or a selector), as pressing Enter in it does. */
export function submit(el: Element | string): void {
  const inside = typeof el === 'string' ? $(el) : el;
  const form = inside.closest('form');
  if (!form) throw new Error('not inside a form');
  void act(() => { form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })); });
}

/** Chooses `file` in a file input, as the file picker does. */
export function pickFile(input: HTMLInputElement, file: File): void {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  void act(() => { input.dispatchEvent(new Event('change', { bubbles: true })); });
}

/** The texts that the element's aria-describedby points at. */
export function description(el: Element): string[] {
  return (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean).map((id) => root.querySelector(`#${id}`)?.textContent ?? `(missing #${id})`);
}

/** Presses `key` on `el` (a keydown that bubbles, as the keyboard sends it). */
export function press(el: Element, key: string): void {
  void act(() => { el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })); });
}

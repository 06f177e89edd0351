/**
 * Choosing an option in a vue-select (3.x and 4.x) through its own behaviour.
 *
 * - It opens when its search input gets focus. (A mousedown on the toggle also opens it, but when
 *   the page has focus, e.g. right after a click on a button in the page, vue-select blurs its
 *   search on that mousedown and closes again.) If the focus event does not come — the page is
 *   not focused — a synthetic `focus` event opens it.
 * - While options load (`.vs--loading`) it will not open: wait for the loading to end.
 * - Typing (setter + `input`) filters; a `click` on an `li.vs__dropdown-option` selects it.
 * - For a moment two elements can carry the listbox id (a closing list and a placeholder): the
 *   options are read, not the listbox, and lists on their way out are skipped.
 * - Success is read from what the select shows as chosen (`.vs__selected`, from its state).
 */
import { setValue, settle, waitFor } from './events';
import { sameText, squash } from '../text/text';

const SEL = {
  search: 'input.vs__search',
  selected: '.vs__selected',
  option: 'li.vs__dropdown-option',
  clear: 'button.vs__clear',
  toggle: '.vs__dropdown-toggle',
} as const;
const OPEN = 'vs--open';
const LOADING = 'vs--loading';
/** How long options may take to arrive (the site is slow under load). */
const LOAD_TIMEOUT_MS = 20_000;

export type PickFailure = 'not-found' | 'ambiguous' | 'loading' | 'disabled' | 'rejected';
export type PickResult = { ok: true } | { ok: false; reason: PickFailure; options: string[] };

/** The chosen option's text, '' when nothing is chosen. */
export function chosenText(root: Element): string {
  return squash(root.querySelector(SEL.selected)?.textContent ?? '');
}

/** The box the select shows (what to outline after a fill), or its root. */
export function choiceBox(root: HTMLElement): HTMLElement {
  return root.querySelector<HTMLElement>(SEL.toggle) ?? root;
}

function optionElements(root: HTMLElement): HTMLElement[] {
  const lists = new Set<Element>(root.querySelectorAll('[role="listbox"]'));
  const id = root.querySelector('[aria-controls]')?.getAttribute('aria-controls');
  // With appendToBody the list lives under <body>, found by its id.
  if (id && /^[\w-]+$/.test(id)) for (const l of root.ownerDocument.querySelectorAll(`[id="${id}"]`)) lists.add(l);
  return [...lists]
    .filter((l) => !/-leave/.test(l.getAttribute('class') ?? ''))
    .flatMap((l) => [...l.querySelectorAll<HTMLElement>(SEL.option)]);
}

/** Options whose text is `text` (spacing and case aside); among several, the exactly equal one. */
function matching(options: HTMLElement[], text: string): HTMLElement[] {
  const same = options.filter((o) => sameText(o.textContent, text));
  const exact = same.filter((o) => squash(o.textContent) === squash(text));
  return same.length > 1 && exact.length === 1 ? exact : same;
}

async function open(root: HTMLElement, search: HTMLInputElement): Promise<boolean> {
  search.focus();
  await settle();
  if (!root.classList.contains(OPEN)) {
    search.dispatchEvent(new FocusEvent('focus'));
    await settle();
  }
  return root.classList.contains(OPEN);
}

function close(root: HTMLElement, search: HTMLInputElement): void {
  search.blur();
  if (root.classList.contains(OPEN)) search.dispatchEvent(new FocusEvent('blur'));
}

/** Chooses the option whose text is `text`; on failure, the options the select offers. */
export async function pickOption(root: HTMLElement, text: string, signal?: AbortSignal): Promise<PickResult> {
  if (sameText(chosenText(root), text)) return { ok: true };
  const search = root.querySelector<HTMLInputElement>(SEL.search);
  if (!search || search.disabled || root.classList.contains('vs--disabled')) return { ok: false, reason: 'disabled', options: [] };
  if (!(await waitFor(() => !root.classList.contains(LOADING), root, LOAD_TIMEOUT_MS, signal))) {
    return { ok: false, reason: 'loading', options: [] };
  }
  await open(root, search);
  setValue(search, text, false);
  await settle();
  let found = matching(optionElements(root), text);
  let all: HTMLElement[] | null = null;
  if (found.length !== 1) {
    // The site may filter differently: look through every option.
    setValue(search, '', false);
    await settle();
    all = optionElements(root);
    found = matching(all, text);
  }
  if (found.length === 1) {
    found[0]!.click();
    await settle();
    close(root, search);
    return sameText(chosenText(root), text) ? { ok: true } : { ok: false, reason: 'rejected', options: [] };
  }
  const options = [...new Set(all!.map((o) => squash(o.textContent)))];
  close(root, search);
  return { ok: false, reason: found.length ? 'ambiguous' : 'not-found', options };
}

/** The options' texts while the select's list is open, loaded and unfiltered (empty search); else null. */
export function listedOptions(root: HTMLElement): string[] | null {
  const search = root.querySelector<HTMLInputElement>(SEL.search);
  if (!search || search.value !== '' || !root.classList.contains(OPEN) || root.classList.contains(LOADING)) return null;
  const options = [...new Set(optionElements(root).map((o) => squash(o.textContent)).filter(Boolean))];
  return options.length ? options : null;
}

/**
 * Every option the select offers: opens its list with an empty search (waiting while options
 * load), reads the options' texts and closes it again; the choice is not changed. null when it
 * cannot be read (disabled, still loading, or the user is typing in its search).
 */
export async function readOptions(root: HTMLElement, signal?: AbortSignal): Promise<string[] | null> {
  const search = root.querySelector<HTMLInputElement>(SEL.search);
  if (!search || search.disabled || search.value !== '' || root.classList.contains('vs--disabled')) return null;
  if (!(await waitFor(() => !root.classList.contains(LOADING), root, LOAD_TIMEOUT_MS, signal))) return null;
  const wasOpen = root.classList.contains(OPEN);
  if (!wasOpen) await open(root, search);
  const options = [...new Set(optionElements(root).map((o) => squash(o.textContent)).filter(Boolean))];
  if (!wasOpen) close(root, search);
  return options;
}

/** Clears the choice with the select's own clear button; true when nothing is chosen after. */
export async function clearChoice(root: HTMLElement): Promise<boolean> {
  root.querySelector<HTMLElement>(SEL.clear)?.click();
  await settle();
  return chosenText(root) === '';
}

/**
 * The extension's own elements in a page (the filler's control, the SSO buttons): one shadow-root
 * widget helper for all of them.
 *
 * The shadow root is OPEN, so assistive technology and tests reach it. The page's CSS cannot
 * style what is inside, and `:host{all:initial!important}` also resets what the host would
 * inherit or what the page's rules would set on it (for the host, `!important` rules inside the
 * shadow root win over the page's). Keys typed inside do not reach the page's shortcuts. The
 * buttons act only on the user's clicks (`userAction`), so a page script cannot press them, and
 * only when the user can see what they click and chose it themselves (issue 12, finding 4 — UI
 * redress): the control is visible (the opacity along its ancestors up through the host,
 * nothing else at the point clicked), and a
 * click from the keyboard counts only after the user moved focus into the widget (Tab, or a
 * pointer), not after the page focused it. A refused action says why in the widget.
 */
import { t, type MessageKey } from '../i18n/i18n';


/** Marks the extension's own elements in the page; its value says which widget. */
export const HOST_ATTRIBUTE = 'data-asisten-ekinerja';

export interface ShadowWidget {
  host: HTMLElement;
  root: ShadowRoot;
}

export interface WidgetOptions {
  /** The host's tag name (a custom element name is least likely to be styled by the page). */
  tag: string;
  /** HOST_ATTRIBUTE's value. */
  kind: string;
  /** The widget's CSS; rules for `:host` need `!important` to beat the reset. */
  css: string;
  /** Aborting removes the widget from the page. */
  signal: AbortSignal;
}

/** What a widget knows about the user's intent and its controls' visibility (see userAction). */
interface Guard {
  /** Focus came into the widget by the user's Tab or pointer (not by a page script's focus()). */
  userFocus: boolean;
  /** When the user last pressed a pointer inside the widget. */
  pointerAt: number;
  /** The widget's own code is moving the focus (focusInside), after the user's action. */
  ownMove: boolean;
}

const guards = new WeakMap<ShadowRoot, Guard>();
/** When the user last pressed Tab in a window (its focus move follows at once). */
const lastTab = new WeakMap<Window, number>();
/** A focus move this soon after the user's Tab or pointer press is the user's. */
const FOCUS_MOVE_MS = 500;
/** The least opacity along a control's ancestors (product) at which it counts as visible. */
const MIN_OPACITY = 0.9;
const CONTROLS = 'button, select, input, textarea, summary, a[href]';
const REFUSAL_CSS = '.asisten-refused{display:block;flex-basis:100%;margin:4px 0;color:#b3261e;font:inherit}';

/** The window's Tab listener, shared by its widgets: it stays while any of them does. */
const tabWatchers = new WeakMap<Window, { widgets: number; stop: AbortController }>();

function watchTabs(win: Window, signal: AbortSignal): void {
  if (signal.aborted) return;
  let watcher = tabWatchers.get(win);
  if (!watcher) {
    watcher = { widgets: 0, stop: new AbortController() };
    tabWatchers.set(win, watcher);
    lastTab.set(win, -Infinity);
    win.addEventListener('keydown', (e) => {
      if (e.isTrusted && e.key === 'Tab') lastTab.set(win, win.performance.now());
    }, { capture: true, signal: watcher.stop.signal });
  }
  const w = watcher;
  w.widgets += 1;
  signal.addEventListener('abort', () => {
    w.widgets -= 1;
    if (w.widgets > 0) return;
    w.stop.abort();
    tabWatchers.delete(win);
    lastTab.delete(win);
  }, { once: true });
}

/** A host element (not yet placed in the page) with an open shadow root holding `css`. */
export function shadowWidget(doc: Document, o: WidgetOptions): ShadowWidget {
  const host = doc.createElement(o.tag);
  host.setAttribute(HOST_ATTRIBUTE, o.kind);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = `:host{all:initial!important}${REFUSAL_CSS}${o.css}`;
  root.append(style);
  for (const type of ['keydown', 'keyup', 'keypress']) root.addEventListener(type, (e) => e.stopPropagation(), { signal: o.signal });
  const guard: Guard = { userFocus: false, pointerAt: -Infinity, ownMove: false };
  guards.set(root, guard);
  const win = doc.defaultView;
  const now = () => win?.performance.now() ?? 0;
  if (win) watchTabs(win, o.signal);
  // A press on a control the user cannot see is not the user choosing the widget.
  root.addEventListener('pointerdown', (e) => {
    const control = e.isTrusted && e.target instanceof Element ? e.target.closest(CONTROLS) : null;
    if (control && !hiddenAt(control, e as PointerEvent)) guard.pointerAt = now();
  }, { capture: true, signal: o.signal });
  // Focus moved by the page's script (element.focus()) fires the same focus events as the user's
  // Tab: only a move right after the user's Tab or pointer press, or the widget's own, is the user's.
  root.addEventListener('focusin', () => {
    guard.userFocus = guard.ownMove || now() - Math.max(guard.pointerAt, (win && lastTab.get(win)) ?? -Infinity) < FOCUS_MOVE_MS;
  }, { signal: o.signal });
  root.addEventListener('focusout', () => {
    guard.userFocus = false;
  }, { signal: o.signal });
  o.signal.addEventListener('abort', () => host.remove(), { once: true });
  return { host, root };
}

/**
 * Moves the focus to `el` inside a widget (a question that follows the user's click): a key press
 * there then counts as the user's, as the focus the user moved there would.
 */
export function focusInside(el: HTMLElement): void {
  const root = el.getRootNode();
  const guard = root instanceof ShadowRoot ? guards.get(root) : undefined;
  if (guard) guard.ownMove = true;
  try {
    el.focus();
  } finally {
    if (guard) guard.ownMove = false;
  }
}

/** The element, then its ancestors, crossing shadow roots to their hosts. */
function* ancestry(el: Element): Generator<Element> {
  for (let at: Element | null = el; at; ) {
    yield at;
    const parent: Node | null = at.parentNode;
    at = parent instanceof Element ? parent : parent && 'host' in parent ? (parent as ShadowRoot).host : null;
  }
}

/** The opacity the element is drawn with: its own times its ancestors' (filter: opacity() too). */
function drawnOpacity(el: Element): number {
  const win = el.ownerDocument.defaultView;
  let product = 1;
  for (const at of ancestry(el)) {
    const style = win?.getComputedStyle(at);
    if (!style) continue;
    if (style.visibility === 'hidden' || style.visibility === 'collapse') return 0;
    const own = Number.parseFloat(style.opacity);
    if (Number.isFinite(own)) product *= own;
    for (const m of (style.filter ?? '').matchAll(/opacity\(\s*([\d.]+)(%?)\s*\)/g)) product *= Number(m[1]) / (m[2] ? 100 : 1);
  }
  return product;
}

/** Whether the page hit-tests `el` itself at (x, y): nothing of the page over it. null when the point is off the page. */
function hitsItself(el: Element, x: number, y: number): boolean | null {
  const doc = el.ownerDocument;
  const root = el.getRootNode();
  const top = typeof doc.elementFromPoint === 'function' ? doc.elementFromPoint(x, y) : null;
  if (!top) return null;
  const host = root instanceof ShadowRoot ? root.host : null;
  if (host ? top !== host : !el.contains(top)) return false;
  const inner = root instanceof ShadowRoot ? root.elementFromPoint(x, y) : top;
  return inner !== null && el.contains(inner);
}

/** Why an action must not run now (a message key), or null when the user plainly chose it. */
export function refusalOf(e: Event, el: Element): MessageKey | null {
  const root = el.getRootNode();
  const guard = root instanceof ShadowRoot ? guards.get(root) : undefined;
  // A click the keyboard made (Enter, Space) has no pointer: it counts only when the user put the focus there.
  const fromKeyboard = e.type === 'click' && 'detail' in e && (e as MouseEvent).detail === 0;
  if (fromKeyboard && !guard?.userFocus) return 'widget_refused_focus';
  return hiddenAt(el, fromKeyboard ? null : e) ? 'widget_refused_hidden' : null;
}

/**
 * Whether the user may not see `el` (at the pointer of `e`, or its centre): opacity along its
 * ancestors and the hit test, both read at the moment of the click. IntersectionObserver v2's
 * `isVisible` was tried and dropped: its reading lags behind the layout (≥ 100 ms) and is
 * conservative, so it refused about one real click in three on a button the widget had just shown
 * (the overwrite question's "Timpa", "Urungkan").
 */
function hiddenAt(el: Element, e: Event | null): boolean {
  if (drawnOpacity(el) < MIN_OPACITY) return true;
  const box = el.getBoundingClientRect();
  const pointer = e instanceof MouseEvent;
  const x = pointer ? e.clientX : box.left + box.width / 2;
  const y = pointer ? e.clientY : box.top + box.height / 2;
  return hitsItself(el, x, y) === false;
}

/** Shows (or with null, clears) why the widget holding `el` did not act. */
function showRefusal(el: Element, key: MessageKey | null): void {
  const root = el.getRootNode();
  if (!(root instanceof ShadowRoot)) return;
  let notice = root.querySelector<HTMLElement>('.asisten-refused');
  if (!key) {
    notice?.remove();
    return;
  }
  if (!notice) {
    notice = el.ownerDocument.createElement('p');
    notice.className = 'asisten-refused';
    notice.setAttribute('role', 'alert');
  }
  notice.textContent = t(key);
  root.append(notice);
}

/**
 * A click listener that runs `fn` for the user's clicks only: a click a page script makes
 * (`isTrusted` false) does nothing; a click on a control the user cannot see, or one the keyboard
 * made on a control the page focused, does nothing but say why (`refusalOf`). Every button of
 * every widget acts through this one check.
 */
export function userAction(fn: () => void): (e: Event) => void {
  return (e) => {
    if (!e.isTrusted) return;
    e.preventDefault();
    e.stopPropagation();
    const el = e.currentTarget;
    if (el instanceof Element) {
      const refusal = refusalOf(e, el);
      showRefusal(el, refusal);
      if (refusal) return;
    }
    fn();
  };
}

/** Runs `fn` for the user's clicks on `el` only (`userAction`). */
export function onUserClick(el: HTMLElement, fn: () => void, signal?: AbortSignal): void {
  el.addEventListener('click', userAction(fn), { signal });
}

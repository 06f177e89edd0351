/**
 * The extension's own elements in a page (the filler's control, the SSO buttons): one shadow-root
 * widget helper for all of them.
 *
 * The shadow root is OPEN, so assistive technology and tests reach it. The page's CSS cannot
 * style what is inside, and `:host{all:initial!important}` also resets what the host would
 * inherit or what the page's rules would set on it (for the host, `!important` rules inside the
 * shadow root win over the page's). Keys typed inside do not reach the page's shortcuts. The
 * buttons act only on the user's clicks (`onUserClick`), so a page script cannot press them.
 */

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

/** A host element (not yet placed in the page) with an open shadow root holding `css`. */
export function shadowWidget(doc: Document, o: WidgetOptions): ShadowWidget {
  const host = doc.createElement(o.tag);
  host.setAttribute(HOST_ATTRIBUTE, o.kind);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = `:host{all:initial!important}${o.css}`;
  root.append(style);
  for (const type of ['keydown', 'keyup', 'keypress']) root.addEventListener(type, (e) => e.stopPropagation(), { signal: o.signal });
  o.signal.addEventListener('abort', () => host.remove(), { once: true });
  return { host, root };
}

/**
 * A click listener that runs `fn` for the user's clicks only: a click a page script makes
 * (`isTrusted` false) does nothing. Every button of every widget acts through this one check.
 */
export function userAction(fn: () => void): (e: Event) => void {
  return (e) => {
    if (!e.isTrusted) return;
    e.preventDefault();
    e.stopPropagation();
    fn();
  };
}

/** Runs `fn` for the user's clicks on `el` only (`userAction`). */
export function onUserClick(el: HTMLElement, fn: () => void, signal?: AbortSignal): void {
  el.addEventListener('click', userAction(fn), { signal });
}

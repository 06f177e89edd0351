/**
 * The in-page helper on the ASN Digital login pages: the extension's buttons beside Keycloak's
 * fields. Where a change goes: what the pages look like (selectors, label texts) →
 * utils/site/sso.ts; filling the OTP step → code-fill.ts; the activation page → activation.ts;
 * the popup's "Isi di halaman ini" → page-fill.ts; the button and its status line → here. The
 * wiring into the content script: entrypoints/sso.content/.
 */
import type { MessageKey } from '../i18n/i18n';
import type { AccountsErrorCode } from '../messaging/accounts';
import { onAbort } from '../page/feature';
import { focusInside, onUserClick, shadowWidget } from '../page/widget';

export type Translate = (key: MessageKey, subs?: string | string[]) => string;
export type FillOutcome = { ok: true } | { ok: false; error: AccountsErrorCode | 'mfa_err_no_field' | 'sso_activation_cancelled' };

export interface Choice<T extends string> {
  label: string;
  value: T;
}

export interface SsoButton {
  host: HTMLElement;
  /** The widget's open shadow root (for tests). */
  root: ShadowRoot;
  button: HTMLButtonElement;
  /** Shows `text` in the status line (polite live region). */
  say(text: string, error?: boolean): void;
  /**
   * Asks `question` with one button per choice (the user's clicks only, like the main button);
   * resolves with the value chosen, or null when the widget goes first.
   */
  ask<T extends string>(question: string, choices: readonly Choice<T>[]): Promise<T | null>;
}

const CSS = `
:host { display: inline-flex !important; align-items: center !important; gap: 6px !important; margin: 6px 0 !important; font: 14px/1.4 system-ui, 'Segoe UI', Roboto, Arial, sans-serif !important; flex-wrap: wrap !important; }
button { font: inherit; padding: 4px 10px; border-radius: 6px; border: 1px solid #0b4f8a; background: #0b4f8a; color: #fff; cursor: pointer; }
button:hover { background: #093f6f; }
button:focus-visible { outline: 3px solid #7fb2e5; outline-offset: 1px; }
button[disabled] { opacity: .6; cursor: progress; }
[role=status] { color: #1a1a1a; }
[role=status].error { color: #b3261e; }
[role=group] { flex-basis: 100%; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; max-width: 60ch; }
[role=group] p { flex-basis: 100%; margin: 0; color: #1a1a1a; }
[role=group] button:not(:first-of-type) { background: #fff; color: #0b4f8a; }
`;

/** A button with a status line, in a shadow-root widget; `onClick` runs for the user's clicks only. */
export function ssoButton(doc: Document, kind: string, label: string, onClick: () => void, signal: AbortSignal): SsoButton {
  const { host, root } = shadowWidget(doc, { tag: 'span', kind, css: CSS, signal });
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = label;
  onUserClick(button, onClick, signal);
  const status = doc.createElement('span');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  root.append(button, status);
  const say = (text: string, error = false) => {
    status.textContent = text;
    status.classList.toggle('error', error);
  };
  const ask = <T extends string>(question: string, choices: readonly Choice<T>[]) =>
    new Promise<T | null>((resolve) => {
      const group = doc.createElement('div');
      group.setAttribute('role', 'group');
      const text = doc.createElement('p');
      text.id = 'asisten-ask';
      text.textContent = question;
      group.setAttribute('aria-labelledby', text.id);
      group.append(text);
      // This question's listeners go with its answer (or with the widget).
      const answered = new AbortController();
      const asked = AbortSignal.any([signal, answered.signal]);
      const done = (value: T | null) => {
        answered.abort();
        group.remove();
        resolve(value);
      };
      for (const c of choices) {
        const b = doc.createElement('button');
        b.type = 'button';
        b.textContent = c.label;
        onUserClick(b, () => done(c.value), asked);
        group.append(b);
      }
      signal.addEventListener('abort', () => done(null), { once: true, signal: answered.signal });
      say('');
      root.append(group);
      const first = group.querySelector('button');
      if (first) focusInside(first);
    });
  return { host, root, button, say, ask };
}

/** Runs `task` with the button disabled and `progress` shown; a failed message says so. */
export async function fromButton(w: SsoButton, t: Translate, progress: MessageKey, task: () => Promise<FillOutcome>): Promise<FillOutcome> {
  w.button.disabled = true;
  w.say(t(progress));
  try {
    return await task();
  } catch {
    w.say(t('error_background'), true);
    return { ok: false, error: 'mfa_err_not_found' };
  } finally {
    w.button.disabled = false;
  }
}

/**
 * Keeps one button right after the element `find()` names (`anchor`) as the page changes —
 * Keycloak renders on the server, but a customised theme may mount its form later — until
 * `signal` aborts. Returns what is shown now.
 */
export function keepBeside<T extends { anchor: Element }>(
  doc: Document,
  find: () => T | null,
  create: (found: T, signal: AbortSignal) => SsoButton,
  signal: AbortSignal,
): () => { found: T; w: SsoButton } | null {
  let current: { found: T; w: SsoButton; ctl: AbortController } | null = null;
  const scan = () => {
    if (signal.aborted) return;
    const found = find();
    if (current && (current.found.anchor !== found?.anchor || !current.w.host.isConnected)) {
      current.ctl.abort();
      current = null;
    }
    if (found && !current) {
      const ctl = new AbortController();
      onAbort(signal, () => ctl.abort());
      const w = create(found, ctl.signal);
      found.anchor.insertAdjacentElement('afterend', w.host);
      current = { found, w, ctl };
    }
  };
  scan();
  const observer = new (doc.defaultView?.MutationObserver ?? MutationObserver)(scan);
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
  onAbort(signal, () => {
    observer.disconnect();
    current?.ctl.abort();
  });
  return () => current;
}

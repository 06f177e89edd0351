/**
 * Everything the extension knows about the ASN Digital login pages (Keycloak at
 * sso-siasn.bkn.go.id, realm "public-siasn"), and the small in-page helper built on it:
 *
 * - the OTP step (login-otp.ftl): find the one-time-code field and put an "Isi kode MFA" button
 *   beside it that fills the current code (the next one when fewer than 3 s remain), framework-
 *   safely, and never submits;
 * - the MFA activation page (login-config-totp.ftl): offer to save the account of its QR code in
 *   one click, then fill the first code into its `#totp` field (the user still clicks Submit).
 *
 * Selectors follow Keycloak's own themes ("keycloak" PatternFly 4 and "keycloak.v2" PatternFly 5,
 * see ../shared/site/ekinerja-bkn.md); label texts are the fallback when ASN Digital customises
 * the markup. The UI lives in a closed shadow root so the page's CSS cannot break it and its
 * scripts cannot reach into it; the buttons act only on real clicks (`isTrusted`), so a script on
 * the page cannot press them to get a code.
 */
import type { MessageKey } from '../i18n/i18n';
import type { AccountsErrorCode, SaveActivationResult, SsoCodeResult } from '../messaging/accounts';

export const SSO_ORIGIN = 'https://sso-siasn.bkn.go.id';
export const SSO_MATCHES = [`${SSO_ORIGIN}/*`];
/** Below this, the code would expire while the user submits: wait for the next one. */
export const FILL_MIN_REMAINING_MS = 3000;
/** Marks the extension's own elements in the page. */
export const HOST_ATTRIBUTE = 'data-asisten-ekinerja';

/** Label texts of a one-time-code field (Keycloak in English and Indonesian, and common variants). */
const OTP_LABEL_RE = /one[\s-]?time[\s-]?(code|password)|\botp\b|kode\s+(otp|mfa|verifikasi|autentikasi|authenticator|sekali\s+pakai)|authenticator\s+code|verification\s+code/i;

function usable(input: Element | null | undefined): input is HTMLInputElement {
  if (!input || input.tagName !== 'INPUT') return false;
  const el = input as HTMLInputElement;
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  return !el.disabled && !el.readOnly && ['text', 'tel', 'number', 'password', ''].includes(type) && type !== 'hidden';
}

/** The input a label names: `for`, or one inside it, or the first after it in its container. */
function labelledInput(label: HTMLLabelElement): HTMLInputElement | null {
  const doc = label.ownerDocument;
  const byFor = label.htmlFor ? doc.getElementById(label.htmlFor) : null;
  if (usable(byFor)) return byFor;
  const inside = label.querySelector('input');
  if (usable(inside)) return inside;
  const next = label.parentElement?.querySelector('input');
  return usable(next) ? next : null;
}

/** Fields of the activation form: they get the activation helper, not the OTP button. */
function isActivationField(input: HTMLInputElement): boolean {
  return input.id === 'totp' || input.name === 'totp' || input.closest('#kc-totp-settings-form') !== null;
}

/**
 * The one-time-code field of Keycloak's OTP step: `input#otp`, `name="otp"`,
 * `autocomplete="one-time-code"`, then a label whose text says one-time code. null when the page
 * has none (the username/password step, the activation page).
 */
export function findOtpField(doc: Document): HTMLInputElement | null {
  const candidates = [
    doc.querySelector('input#otp'),
    doc.querySelector('input[name="otp"]'),
    doc.querySelector('input[autocomplete="one-time-code"]'),
  ];
  for (const c of candidates) if (usable(c) && !isActivationField(c)) return c;
  for (const label of doc.querySelectorAll('label')) {
    if (!OTP_LABEL_RE.test(label.textContent ?? '')) continue;
    const input = labelledInput(label);
    if (input && !isActivationField(input) && input.type !== 'password') return input;
  }
  return null;
}

/** The name of the user logging in, when Keycloak shows it (`#kc-attempted-username`). */
export function attemptedUsername(doc: Document): string | undefined {
  const text = doc.querySelector('#kc-attempted-username')?.textContent?.trim();
  return text ? text : undefined;
}

export interface ActivationPage {
  /** The QR code image (`img#kc-totp-secret-qr-code`, a data:image/png). */
  qr: HTMLImageElement | null;
  /** The key as shown under "Unable to scan?" (`span#kc-totp-secret-key`, grouped by 4). */
  keyText: string | null;
  /** The "One-time code" field of the activation form. */
  totp: HTMLInputElement | null;
}

/** The MFA activation page (CONFIGURE_TOTP), or null. */
export function findActivation(doc: Document): ActivationPage | null {
  const qr = doc.querySelector<HTMLImageElement>('img#kc-totp-secret-qr-code');
  const keyText = doc.querySelector('#kc-totp-secret-key')?.textContent?.trim() || null;
  if (!qr && !keyText) return null;
  const totp = doc.querySelector('input#totp') ?? doc.querySelector('input[name="totp"]');
  return { qr, keyText, totp: usable(totp) ? totp : null };
}

/**
 * The QR image as a data: URL: its own source when it is one (Keycloak's is), else drawn on a
 * canvas (same-origin images only). null when neither works.
 */
export function qrDataUrl(img: HTMLImageElement): string | null {
  const src = img.getAttribute('src') ?? '';
  if (src.startsWith('data:image/')) return src;
  try {
    const canvas = img.ownerDocument.createElement('canvas');
    canvas.width = img.naturalWidth || img.width;
    canvas.height = img.naturalHeight || img.height;
    const ctx = canvas.getContext('2d');
    if (!ctx || !canvas.width || !canvas.height) return null;
    ctx.drawImage(img, 0, 0);
    return canvas.toDataURL('image/png');
  } catch {
    return null; // a cross-origin image taints the canvas
  }
}

/**
 * Sets an input's value the way typing does, so Vue/React/Keycloak's own scripts see it: the
 * element prototype's value setter (a framework may shadow the instance's), then bubbling
 * `input` and `change`. Focuses the field so the user can press Enter — the helper never submits.
 */
export function fillField(input: HTMLInputElement, value: string): void {
  const win = input.ownerDocument.defaultView;
  const proto = win ? win.HTMLInputElement.prototype : Object.getPrototypeOf(input);
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  input.focus();
  if (setter) setter.call(input, value);
  else input.value = value;
  const InputEv = win?.InputEvent ?? InputEvent;
  input.dispatchEvent(new InputEv('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
  input.dispatchEvent(new (win?.Event ?? Event)('change', { bubbles: true }));
}

/** How long to wait before filling: until the next code when fewer than 3 s remain, else 0. */
export function waitBeforeFill(remainingMs: number): number {
  return remainingMs < FILL_MIN_REMAINING_MS ? Math.max(0, remainingMs) : 0;
}

// ---------------------------------------------------------------- the in-page helper

export interface SsoHelperDeps {
  getCode(data: { username?: string; accountId?: string }): Promise<SsoCodeResult>;
  saveActivation(data: { dataUrl?: string; keyText?: string; username?: string }): Promise<SaveActivationResult>;
  t(key: MessageKey, subs?: string | string[]): string;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export type FillOutcome = { ok: true } | { ok: false; error: AccountsErrorCode | 'mfa_err_no_field' };

export interface SsoHelper {
  /** Fills the OTP field (or the activation form's) as the button does; used by the popup too. */
  fill(accountId?: string): Promise<FillOutcome>;
  /** Looks for the fields again (the page changed). */
  scan(): void;
  /** The closed shadow root of the helper's widget of `kind` ('otp' or 'activation'), for tests. */
  root(kind: 'otp' | 'activation'): ShadowRoot | null;
}

const STYLE = `
:host { all: initial; display: inline-flex; align-items: center; gap: 6px; margin: 6px 0; font: 14px/1.4 system-ui, 'Segoe UI', Roboto, Arial, sans-serif; flex-wrap: wrap; }
button { font: inherit; padding: 4px 10px; border-radius: 6px; border: 1px solid #0b4f8a; background: #0b4f8a; color: #fff; cursor: pointer; }
button:hover { background: #093f6f; }
button:focus-visible { outline: 3px solid #7fb2e5; outline-offset: 1px; }
button[disabled] { opacity: .6; cursor: progress; }
[role=status] { color: #1a1a1a; }
[role=status].error { color: #b3261e; }
`;

interface Widget {
  host: HTMLElement;
  root: ShadowRoot;
  button: HTMLButtonElement;
  status: HTMLElement;
}

/** Our button beside a field: `onClick` runs for the user's clicks only (never a page script's). */
function widget(doc: Document, kind: string, label: string, onClick: () => void, signal: AbortSignal): Widget {
  const host = doc.createElement('span');
  host.setAttribute(HOST_ATTRIBUTE, kind);
  // Open, so assistive technology and tests reach it; the buttons ignore clicks a page script makes (isTrusted).
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.addEventListener('click', (e) => {
    if (!e.isTrusted) return; // a script on the page, not the user
    e.preventDefault();
    e.stopPropagation();
    onClick();
  }, { signal });
  const status = doc.createElement('span');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  root.append(style, button, status);
  return { host, root, button, status };
}

function say(w: Widget, text: string, error = false): void {
  w.status.textContent = text;
  w.status.classList.toggle('error', error);
}

/** Places the helper on the page and keeps it there as the page changes, until `signal` aborts. */
export function startSsoHelper(doc: Document, deps: SsoHelperDeps, signal: AbortSignal): SsoHelper {
  const { t } = deps;
  let otp: { field: HTMLInputElement; w: Widget } | null = null;
  let activation: { page: ActivationPage; w: Widget; saved: boolean } | null = null;

  /** Waits when the code is about to change, then fills; the status says what happened. */
  const put = async (field: HTMLInputElement, w: Widget | null, res: Extract<SsoCodeResult, { ok: true }>): Promise<void> => {
    const wait = waitBeforeFill(res.remainingMs);
    if (wait > 0) {
      if (w) say(w, t('sso_waiting_next', String(Math.ceil(wait / 1000))));
      await deps.sleep(wait, signal);
      if (signal.aborted) return;
      fillField(field, res.next);
    } else {
      fillField(field, res.code);
    }
  };

  const fillOtp = async (accountId?: string): Promise<FillOutcome> => {
    if (!otp) return { ok: false, error: 'mfa_err_no_field' };
    const { field, w } = otp;
    w.button.disabled = true;
    say(w, t('sso_getting_code'));
    try {
      const res = await deps.getCode({ username: attemptedUsername(doc), accountId });
      if (!res.ok) {
        say(w, t(res.error), true);
        return res;
      }
      await put(field, w, res);
      say(w, t('sso_filled'));
      return { ok: true };
    } catch {
      say(w, t('error_background'), true);
      return { ok: false, error: 'mfa_err_not_found' };
    } finally {
      w.button.disabled = false;
    }
  };

  const saveActivation = async (): Promise<FillOutcome> => {
    if (!activation) return { ok: false, error: 'mfa_err_no_field' };
    const { page, w } = activation;
    w.button.disabled = true;
    say(w, t('sso_saving'));
    try {
      const res = await deps.saveActivation({
        dataUrl: page.qr ? qrDataUrl(page.qr) ?? undefined : undefined,
        keyText: page.keyText ?? undefined,
        username: attemptedUsername(doc),
      });
      if (!res.ok) {
        say(w, t(res.error), true);
        return res;
      }
      activation.saved = true;
      const label = res.issuer ? `${res.issuer}: ${res.account}` : res.account;
      if (page.totp) {
        await put(page.totp, w, res);
        say(w, t(res.added ? 'sso_activation_saved_filled' : 'sso_activation_exists_filled', label));
      } else {
        say(w, t(res.added ? 'sso_activation_saved' : 'sso_activation_exists', label));
      }
      return { ok: true };
    } catch {
      say(w, t('error_background'), true);
      return { ok: false, error: 'mfa_err_not_found' };
    } finally {
      w.button.disabled = false;
    }
  };

  const scan = (): void => {
    if (signal.aborted) return;
    // The OTP step.
    const field = findOtpField(doc);
    if (otp && (otp.field !== field || !otp.w.host.isConnected)) {
      otp.w.host.remove();
      otp = null;
    }
    if (field && !otp) {
      const w = widget(doc, 'otp', t('sso_fill_button'), () => void fillOtp(), signal);
      field.insertAdjacentElement('afterend', w.host);
      otp = { field, w };
    }
    // The activation page.
    const page = findActivation(doc);
    if (activation && (!page || !activation.w.host.isConnected)) {
      activation.w.host.remove();
      activation = null;
    }
    if (page && !activation) {
      const w = widget(doc, 'activation', t('sso_save_button'), () => void saveActivation(), signal);
      const anchor = page.qr ?? doc.querySelector('#kc-totp-secret-key');
      anchor?.insertAdjacentElement('afterend', w.host);
      activation = { page, w, saved: false };
    }
  };

  scan();
  // Keycloak pages are rendered by the server, but a customised theme may mount its form later.
  const observer = new (doc.defaultView?.MutationObserver ?? MutationObserver)(() => scan());
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    otp?.w.host.remove();
    activation?.w.host.remove();
  }, { once: true });

  return {
    fill: (accountId) => (otp ? fillOtp(accountId) : activation ? saveActivation() : Promise.resolve({ ok: false, error: 'mfa_err_no_field' } as const)),
    scan,
    root: (kind) => (kind === 'otp' ? otp?.w.root : activation?.w.root) ?? null,
  };
}

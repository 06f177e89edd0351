/**
 * What the extension knows about the ASN Digital login pages (Keycloak at sso-siasn.bkn.go.id,
 * realm "public-siasn"): selectors, label texts and page readers only.
 *
 * - the OTP step (login-otp.ftl): the one-time-code field (`findOtpField`) and the user logging in;
 * - the MFA activation page (login-config-totp.ftl): its QR code or key, and its `#totp` field.
 *
 * Selectors follow Keycloak's own themes ("keycloak" PatternFly 4 and "keycloak.v2" PatternFly 5;
 * tests/fixtures/sso/ holds replicas of both pages); label texts are the fallback when ASN Digital
 * customises the markup. The buttons the extension puts on these pages: utils/sso-helper/.
 */
export const SSO_ORIGIN = 'https://sso-siasn.bkn.go.id';
export const SSO_MATCHES = [`${SSO_ORIGIN}/*`];

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
  /** Where the extension's button goes (after it): the QR code, or the key in manual mode. */
  anchor: Element;
}

/** The MFA activation page (CONFIGURE_TOTP), or null. */
export function findActivation(doc: Document): ActivationPage | null {
  const qr = doc.querySelector<HTMLImageElement>('img#kc-totp-secret-qr-code');
  const key = doc.querySelector('#kc-totp-secret-key');
  const keyText = key?.textContent?.trim() || null;
  const anchor = qr ?? (keyText ? key : null);
  if (!anchor) return null;
  const totp = doc.querySelector('input#totp') ?? doc.querySelector('input[name="totp"]');
  return { qr, keyText, totp: usable(totp) ? totp : null, anchor };
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

/** The activation page's QR image as a data: URL (whole, wherever the page is scrolled); null on any other page. */
export function activationQrDataUrl(doc: Document): string | null {
  const qr = findActivation(doc)?.qr;
  return qr ? qrDataUrl(qr) : null;
}

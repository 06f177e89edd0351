import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t } from '@/utils/i18n/i18n';
import type { SaveActivationResult, SsoCodeResult } from '@/utils/messaging/accounts';
import {
  attemptedUsername,
  fillField,
  findActivation,
  findOtpField,
  HOST_ATTRIBUTE,
  qrDataUrl,
  startSsoHelper,
  waitBeforeFill,
  type SsoHelper,
  type SsoHelperDeps,
} from '@/utils/site/sso';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/sso');
const fixture = (name: string) => {
  const html = readFileSync(resolve(FIXTURES, name), 'utf8');
  return html.slice(html.indexOf('<body>') + 6, html.indexOf('</body>')).replace(/<script[\s\S]*?<\/script>/g, '');
};

let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
});
afterEach(() => {
  controller.abort();
  document.body.innerHTML = '';
});

describe('finding the OTP field', () => {
  it('Keycloak v2 (the replica served by ASN Digital): input#otp', () => {
    document.body.innerHTML = fixture('login-otp.html');
    expect(findOtpField(document)?.id).toBe('otp');
  });

  it('older Keycloak theme: name="otp", autocomplete off', () => {
    document.body.innerHTML = `<form id="kc-otp-login-form"><label for="x">One-time code</label>
      <input id="x" name="otp" autocomplete="off" type="text"><input type="submit" id="kc-login" value="Log In"></form>`;
    expect(findOtpField(document)?.id).toBe('x');
  });

  it('a customised page: autocomplete="one-time-code", or only the label text (Indonesian too)', () => {
    document.body.innerHTML = '<input id="username" name="username"><input id="c" name="code" autocomplete="one-time-code">';
    expect(findOtpField(document)?.id).toBe('c');
    document.body.innerHTML = '<div><label>Kode OTP</label><input id="kode" name="kode"></div><input name="username">';
    expect(findOtpField(document)?.id).toBe('kode');
    document.body.innerHTML = '<label>Masukkan <b>kode verifikasi</b> <input id="inner" type="tel"></label>';
    expect(findOtpField(document)?.id).toBe('inner');
  });

  it('nothing on the username/password step or the activation page', () => {
    document.body.innerHTML = `<form id="kc-form-login"><label for="username">Username or email</label><input id="username" name="username">
      <label for="password">Password</label><input id="password" name="password" type="password"><input type="submit" id="kc-login"></form>`;
    expect(findOtpField(document)).toBeNull();
    document.body.innerHTML = fixture('login-config-totp.html');
    expect(findOtpField(document)).toBeNull();
  });

  it('skips hidden and disabled inputs', () => {
    document.body.innerHTML = '<input id="otp" type="hidden"><input name="otp" disabled><label for="z">One-time code</label><input id="z">';
    expect(findOtpField(document)?.id).toBe('z');
  });

  it('reads the user logging in when Keycloak shows it', () => {
    document.body.innerHTML = '<div id="kc-username"><label id="kc-attempted-username"> 199001012015011001 </label></div>';
    expect(attemptedUsername(document)).toBe('199001012015011001');
    document.body.innerHTML = '';
    expect(attemptedUsername(document)).toBeUndefined();
  });
});

describe('the activation page', () => {
  it('finds the QR image, the code field, and the key in manual mode', () => {
    document.body.innerHTML = fixture('login-config-totp.html');
    const page = findActivation(document)!;
    expect(page.qr?.id).toBe('kc-totp-secret-qr-code');
    expect(page.totp?.id).toBe('totp');
    expect(page.keyText).toBeNull();
    expect(qrDataUrl(page.qr!)).toMatch(/^data:image\/png;base64, iVBOR/);

    document.body.innerHTML = `<p>Enter the key:</p><p><span id="kc-totp-secret-key">KRUG KIDR OVUW G2ZA</span></p>
      <form id="kc-totp-settings-form"><input id="totp" name="totp"></form>`;
    expect(findActivation(document)).toMatchObject({ qr: null, keyText: 'KRUG KIDR OVUW G2ZA' });
    document.body.innerHTML = fixture('login-otp.html');
    expect(findActivation(document)).toBeNull();
  });
});

describe('fillField', () => {
  it('uses the prototype setter and sends bubbling input and change, as typing does', () => {
    document.body.innerHTML = '<form><input id="otp"></form>';
    const input = document.querySelector<HTMLInputElement>('#otp')!;
    // A framework that shadows the instance's value property (as Vue/React trackers do).
    let shadowed = '';
    Object.defineProperty(input, 'value', {
      configurable: true,
      get: () => shadowed,
      set: (v: string) => { shadowed = `tracked:${v}`; },
    });
    const events: string[] = [];
    document.addEventListener('input', (e) => events.push(`input:${(e.target as HTMLInputElement).id}`));
    document.addEventListener('change', () => events.push('change'));
    fillField(input, '123456');
    expect(events).toEqual(['input:otp', 'change']);
    delete (input as { value?: unknown }).value; // back to the element's own value
    expect(input.value).toBe('123456');
    expect(shadowed).toBe(''); // the instance setter was bypassed
    expect(document.activeElement).toBe(input);
  });

  it('waits for the next code when fewer than 3 s remain', () => {
    expect(waitBeforeFill(2999)).toBe(2999);
    expect(waitBeforeFill(3000)).toBe(0);
    expect(waitBeforeFill(29_000)).toBe(0);
    expect(waitBeforeFill(1)).toBe(1);
  });
});

describe('the in-page helper', () => {
  function deps(over: Partial<SsoHelperDeps> = {}) {
    const calls = { getCode: [] as unknown[], save: [] as unknown[], sleeps: [] as number[] };
    const d: SsoHelperDeps = {
      async getCode(data) {
        calls.getCode.push(data);
        return { ok: true, code: '123456', next: '654321', remainingMs: 12_000, issuer: 'public-siasn', account: 'budi' };
      },
      async saveActivation(data) {
        calls.save.push(data);
        return { ok: true, added: true, code: '111222', next: '333444', remainingMs: 20_000, issuer: 'public-siasn', account: '199001012015011001' };
      },
      t,
      async sleep(ms) {
        calls.sleeps.push(ms);
      },
      ...over,
    };
    return { d, calls };
  }

  const shadowButton = (helper: SsoHelper, kind: 'otp' | 'activation') => helper.root(kind)!.querySelector('button')!;
  const shadowStatus = (helper: SsoHelper, kind: 'otp' | 'activation') => helper.root(kind)!.querySelector('[role="status"]')!;
  const settle = () => new Promise((r) => setTimeout(r, 0));
  /** A click by the user: the browser marks it trusted (happy-dom has no isTrusted, so it is set here). */
  const userClick = (el: HTMLElement) => {
    const e = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    Object.defineProperty(e, 'isTrusted', { value: true });
    el.dispatchEvent(e);
  };

  it('puts "Isi kode MFA" right after the field; a click fills the code and never submits', async () => {
    document.body.innerHTML = fixture('login-otp.html');
    let submitted = 0;
    document.querySelector('form')!.addEventListener('submit', (e) => { e.preventDefault(); submitted++; });
    const { d, calls } = deps();
    const helper = startSsoHelper(document, d, controller.signal);
    const field = document.querySelector<HTMLInputElement>('#otp')!;
    expect(field.nextElementSibling?.getAttribute(HOST_ATTRIBUTE)).toBe('otp');
    const button = shadowButton(helper, 'otp');
    expect(button.textContent).toBe('Isi kode MFA');
    expect(button.type).toBe('button');
    userClick(button);
    await settle();
    await settle();
    expect(field.value).toBe('123456');
    expect(calls.getCode).toEqual([{ username: undefined, accountId: undefined }]);
    expect(calls.sleeps).toEqual([]);
    expect(submitted).toBe(0);
    expect(shadowStatus(helper, 'otp').textContent).toBe(t('sso_filled'));
  });

  it('the page cannot reach the helper: closed shadow root, and its scripted clicks do nothing', async () => {
    document.body.innerHTML = fixture('login-otp.html');
    const { d, calls } = deps();
    const helper = startSsoHelper(document, d, controller.signal);
    const host = document.querySelector<HTMLElement>(`[${HOST_ATTRIBUTE}="otp"]`)!;
    const button = shadowButton(helper, 'otp');
    button.click(); // what a page script would do (isTrusted is false in a browser)
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await settle();
    await settle();
    expect(calls.getCode).toEqual([]);
    expect(document.querySelector<HTMLInputElement>('#otp')!.value).toBe('');
    expect(shadowStatus(helper, 'otp').textContent).toBe('');
  });

  it('fewer than 3 s left: waits for the next code and fills that one', async () => {
    document.body.innerHTML = fixture('login-otp.html');
    const { d, calls } = deps({
      async getCode() {
        return { ok: true, code: '123456', next: '654321', remainingMs: 2400, issuer: '', account: 'x' } satisfies SsoCodeResult;
      },
    });
    const helper = startSsoHelper(document, d, controller.signal);
    expect(await helper.fill()).toEqual({ ok: true });
    expect(calls.sleeps).toEqual([2400]);
    expect(document.querySelector<HTMLInputElement>('#otp')!.value).toBe('654321');
  });

  it('says why when there is no code (locked vault), and fills nothing', async () => {
    document.body.innerHTML = fixture('login-otp.html');
    const { d } = deps({ getCode: async () => ({ ok: false, error: 'vault_err_locked' }) });
    const helper = startSsoHelper(document, d, controller.signal);
    expect(await helper.fill()).toEqual({ ok: false, error: 'vault_err_locked' });
    expect(document.querySelector<HTMLInputElement>('#otp')!.value).toBe('');
    expect(shadowStatus(helper, 'otp').textContent).toBe(t('vault_err_locked'));
  });

  it('a form mounted later gets the button too; abort removes everything', async () => {
    document.body.innerHTML = '<div id="app"></div>';
    const { d } = deps();
    startSsoHelper(document, d, controller.signal);
    expect(document.querySelector(`[${HOST_ATTRIBUTE}]`)).toBeNull();
    document.querySelector('#app')!.innerHTML = '<label for="otp">One-time code</label><input id="otp" name="otp">';
    await settle();
    expect(document.querySelectorAll(`[${HOST_ATTRIBUTE}="otp"]`)).toHaveLength(1);
    controller.abort();
    expect(document.querySelector(`[${HOST_ATTRIBUTE}]`)).toBeNull();
  });

  it('activation page: one click saves the QR code\'s account and fills the first code into #totp', async () => {
    document.body.innerHTML = fixture('login-config-totp.html');
    const { d, calls } = deps();
    const helper = startSsoHelper(document, d, controller.signal);
    expect(document.querySelector('#kc-totp-secret-qr-code')!.nextElementSibling?.getAttribute(HOST_ATTRIBUTE)).toBe('activation');
    expect(document.querySelector(`[${HOST_ATTRIBUTE}="otp"]`)).toBeNull();
    shadowButton(helper, 'activation').click(); // a page script: ignored
    await settle();
    expect(calls.save).toEqual([]);
    userClick(shadowButton(helper, 'activation'));
    await settle();
    await settle();
    expect(calls.save).toHaveLength(1);
    expect((calls.save[0] as { dataUrl: string }).dataUrl).toMatch(/^data:image\/png;base64, /);
    expect(document.querySelector<HTMLInputElement>('#totp')!.value).toBe('111222');
    expect(document.querySelector<HTMLInputElement>('#userLabel')!.value).toBe('');
    expect(shadowStatus(helper, 'activation').textContent).toBe(t('sso_activation_saved_filled', 'public-siasn: 199001012015011001'));
  });

  it('activation page in manual mode sends the key text', async () => {
    document.body.innerHTML = `<span id="kc-totp-secret-key">KRUG KIDR OVUW G2ZA MJZG 653O EBTG 66BA</span>
      <form id="kc-totp-settings-form"><label for="totp">One-time code</label><input id="totp" name="totp"></form>`;
    const { d, calls } = deps({
      async saveActivation(data) {
        calls.save.push(data);
        return { ok: true, added: false, code: '999000', next: '000999', remainingMs: 15_000, issuer: 'public-siasn', account: 'x' } satisfies SaveActivationResult;
      },
    });
    const helper = startSsoHelper(document, d, controller.signal);
    expect(await helper.fill()).toEqual({ ok: true });
    expect(calls.save).toEqual([{ dataUrl: undefined, keyText: 'KRUG KIDR OVUW G2ZA MJZG 653O EBTG 66BA', username: undefined }]);
    expect(document.querySelector<HTMLInputElement>('#totp')!.value).toBe('999000');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t } from '@/utils/i18n/i18n';
import type { SaveActivationResult, SsoCodeResult } from '@/utils/messaging/accounts';
import { HOST_ATTRIBUTE } from '@/utils/page/widget';
import type { SsoButton } from '@/utils/sso-helper/button';
import { startCodeFill, type CodeFillDeps } from '@/utils/sso-helper/code-fill';
import { startActivationSave, type ActivationDeps } from '@/utils/sso-helper/activation';
import { fillOnPage, offerPageFill } from '@/utils/sso-helper/page-fill';
import { ssoFixture } from '../../fixtures/sso/body';

let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
});
afterEach(() => {
  controller.abort();
  document.body.innerHTML = '';
});

describe('the buttons on the SSO pages', () => {
  function deps(over: Partial<CodeFillDeps & ActivationDeps> = {}, sameName = 0) {
    const calls = { getCode: [] as unknown[], save: [] as unknown[], sleeps: [] as number[] };
    const d: CodeFillDeps & ActivationDeps = {
      async getCode(data) {
        calls.getCode.push(data);
        return { ok: true, code: '123456', next: '654321', remainingMs: 12_000, issuer: 'public-siasn', account: 'budi' };
      },
      async saveActivation(data) {
        // The background's rule: a new account is written only with a confirmation of exactly its preview.
        calls.save.push(data);
        const preview = { issuer: 'public-siasn', account: '199001012015011001', keyEnd: '66BA', sameName: sameName };
        const c = data.confirm;
        if (!c || c.keyEnd !== preview.keyEnd || c.account !== preview.account || c.issuer !== preview.issuer || (sameName > 0 && !c.sameName)) {
          return { ok: false, needsConfirm: preview };
        }
        return { ok: true, added: true, replaced: c.sameName === 'replace' ? sameName : 0, code: '111222', next: '333444', remainingMs: 20_000, issuer: 'public-siasn', account: '199001012015011001' };
      },
      t,
      async sleep(ms) {
        calls.sleeps.push(ms);
      },
      ...over,
    };
    return { d, calls };
  }

  type Helper = { button(): SsoButton | null };
  const shadowButton = (helper: Helper) => helper.button()!.root.querySelector('button')!;
  const shadowStatus = (helper: Helper) => helper.button()!.root.querySelector('[role="status"]')!;
  const question = (helper: Helper) => helper.button()!.root.querySelector('[role="group"]');
  const answer = (helper: Helper, label: string) => [...question(helper)!.querySelectorAll('button')].find((b) => b.textContent === label)!;
  const settle = () => new Promise((r) => setTimeout(r, 0));
  /** A click by the user: the browser marks it trusted (happy-dom has no isTrusted, so it is set here). */
  const userClick = (el: HTMLElement) => {
    const e = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, detail: 1 });
    Object.defineProperty(e, 'isTrusted', { value: true });
    el.dispatchEvent(e);
  };

  it('puts "Isi kode MFA" right after the field; a click fills the code and never submits', async () => {
    document.body.innerHTML = ssoFixture('login-otp.html');
    let submitted = 0;
    document.querySelector('form')!.addEventListener('submit', (e) => { e.preventDefault(); submitted++; });
    const { d, calls } = deps();
    const helper = startCodeFill(document, d, controller.signal);
    const field = document.querySelector<HTMLInputElement>('#otp')!;
    expect(field.nextElementSibling?.getAttribute(HOST_ATTRIBUTE)).toBe('otp');
    const button = shadowButton(helper);
    expect(button.textContent).toBe('Isi kode MFA');
    expect(button.type).toBe('button');
    userClick(button);
    await settle();
    await settle();
    expect(field.value).toBe('123456');
    expect(calls.getCode).toEqual([{ username: undefined, accountId: undefined }]);
    expect(calls.sleeps).toEqual([]);
    expect(submitted).toBe(0);
    expect(shadowStatus(helper).textContent).toBe(t('sso_filled'));
  });

  it('the page cannot reach the helper: its scripted clicks do nothing (the shadow root is open, for assistive technology)', async () => {
    document.body.innerHTML = ssoFixture('login-otp.html');
    const { d, calls } = deps();
    const helper = startCodeFill(document, d, controller.signal);
    const button = shadowButton(helper);
    button.click(); // what a page script would do (isTrusted is false in a browser)
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await settle();
    await settle();
    expect(calls.getCode).toEqual([]);
    expect(document.querySelector<HTMLInputElement>('#otp')!.value).toBe('');
    expect(shadowStatus(helper).textContent).toBe('');
  });

  it('fewer than 3 s left: waits for the next code and fills that one', async () => {
    document.body.innerHTML = ssoFixture('login-otp.html');
    const { d, calls } = deps({
      async getCode() {
        return { ok: true, code: '123456', next: '654321', remainingMs: 2400, issuer: '', account: 'x' } satisfies SsoCodeResult;
      },
    });
    const helper = startCodeFill(document, d, controller.signal);
    expect(await helper.fill()!).toEqual({ ok: true });
    expect(calls.sleeps).toEqual([2400]);
    expect(document.querySelector<HTMLInputElement>('#otp')!.value).toBe('654321');
  });

  it('says why when there is no code (locked vault), and fills nothing', async () => {
    document.body.innerHTML = ssoFixture('login-otp.html');
    const { d } = deps({ getCode: async () => ({ ok: false, error: 'vault_err_locked' }) });
    const helper = startCodeFill(document, d, controller.signal);
    expect(await helper.fill()!).toEqual({ ok: false, error: 'vault_err_locked' });
    expect(document.querySelector<HTMLInputElement>('#otp')!.value).toBe('');
    expect(shadowStatus(helper).textContent).toBe(t('vault_err_locked'));
  });

  it('a form mounted later gets the button too; abort removes everything', async () => {
    document.body.innerHTML = '<div id="app"></div>';
    const { d } = deps();
    startCodeFill(document, d, controller.signal);
    expect(document.querySelector(`[${HOST_ATTRIBUTE}]`)).toBeNull();
    document.querySelector('#app')!.innerHTML = '<label for="otp">One-time code</label><input id="otp" name="otp">';
    await settle();
    expect(document.querySelectorAll(`[${HOST_ATTRIBUTE}="otp"]`)).toHaveLength(1);
    controller.abort();
    expect(document.querySelector(`[${HOST_ATTRIBUTE}]`)).toBeNull();
  });

  it('activation page: one click saves the QR code\'s account and fills the first code into #totp', async () => {
    document.body.innerHTML = ssoFixture('login-config-totp.html');
    const { d, calls } = deps();
    const helper = startActivationSave(document, d, controller.signal);
    expect(document.querySelector('#kc-totp-secret-qr-code')!.nextElementSibling?.getAttribute(HOST_ATTRIBUTE)).toBe('activation');
    expect(document.querySelector(`[${HOST_ATTRIBUTE}="otp"]`)).toBeNull();
    shadowButton(helper).click(); // a page script: ignored
    await settle();
    expect(calls.save).toEqual([]);
    userClick(shadowButton(helper));
    await settle();
    // Nothing is saved yet: the widget says what would be, and asks.
    expect(calls.save).toHaveLength(1);
    expect((calls.save[0] as { dataUrl: string; confirm?: unknown }).dataUrl).toMatch(/^data:image\/png;base64, /);
    expect((calls.save[0] as { confirm?: unknown }).confirm).toBeUndefined();
    expect(question(helper)!.textContent).toContain(t('sso_activation_confirm', ['public-siasn', '199001012015011001', '66BA']));
    expect(document.querySelector<HTMLInputElement>('#totp')!.value).toBe('');
    answer(helper, t('sso_confirm_save')).click(); // a page script: ignored
    await settle();
    expect(calls.save).toHaveLength(1);
    userClick(answer(helper, t('sso_confirm_save')));
    await settle();
    await settle();
    expect(calls.save).toHaveLength(2);
    expect((calls.save[1] as { confirm: unknown }).confirm).toEqual({ issuer: 'public-siasn', account: '199001012015011001', keyEnd: '66BA' });
    expect((calls.save[1] as { dataUrl: string }).dataUrl).toBe((calls.save[0] as { dataUrl: string }).dataUrl);
    expect(question(helper)).toBeNull();
    expect(document.querySelector<HTMLInputElement>('#totp')!.value).toBe('111222');
    expect(document.querySelector<HTMLInputElement>('#userLabel')!.value).toBe('');
    expect(shadowStatus(helper).textContent).toBe(t('sso_activation_saved_filled', 'public-siasn: 199001012015011001'));
  });

  it('activation page: "Batal" saves nothing and fills nothing', async () => {
    document.body.innerHTML = ssoFixture('login-config-totp.html');
    const { d, calls } = deps();
    const helper = startActivationSave(document, d, controller.signal);
    const outcome = helper.save()!;
    await settle();
    userClick(answer(helper, t('mfa_cancel')));
    expect(await outcome).toEqual({ ok: false, error: 'sso_activation_cancelled' });
    expect(calls.save).toHaveLength(1);
    expect(document.querySelector<HTMLInputElement>('#totp')!.value).toBe('');
    expect(shadowStatus(helper).textContent).toBe(t('sso_activation_cancelled'));
  });

  it('activation page: an account of the same name with another key → replace or add a second, as the user says', async () => {
    document.body.innerHTML = ssoFixture('login-config-totp.html');
    const { d, calls } = deps({}, 1);
    const helper = startActivationSave(document, d, controller.signal);
    const outcome = helper.save()!;
    await settle();
    expect(question(helper)!.textContent).toContain(t('sso_activation_confirm_same', ['public-siasn', '199001012015011001', '66BA']));
    expect([...question(helper)!.querySelectorAll('button')].map((b) => b.textContent)).toEqual([t('sso_confirm_replace'), t('sso_confirm_add'), t('mfa_cancel')]);
    userClick(answer(helper, t('sso_confirm_replace')));
    expect(await outcome).toEqual({ ok: true });
    expect((calls.save[1] as { confirm: unknown }).confirm).toEqual({ issuer: 'public-siasn', account: '199001012015011001', keyEnd: '66BA', sameName: 'replace' });
    expect(shadowStatus(helper).textContent).toBe(t('sso_activation_replaced_filled', 'public-siasn: 199001012015011001'));
  });

  it('activation page in manual mode sends the key text', async () => {
    document.body.innerHTML = `<span id="kc-totp-secret-key">KRUG KIDR OVUW G2ZA MJZG 653O EBTG 66BA</span>
      <form id="kc-totp-settings-form"><label for="totp">One-time code</label><input id="totp" name="totp"></form>`;
    const { d, calls } = deps({
      async saveActivation(data) {
        calls.save.push(data);
        return { ok: true, added: false, replaced: 0, code: '999000', next: '000999', remainingMs: 15_000, issuer: 'public-siasn', account: 'x' } satisfies SaveActivationResult;
      },
    });
    const helper = startActivationSave(document, d, controller.signal);
    expect(await helper.save()!).toEqual({ ok: true });
    expect(calls.save).toEqual([{ dataUrl: undefined, keyText: 'KRUG KIDR OVUW G2ZA MJZG 653O EBTG 66BA', username: undefined }]);
    expect(document.querySelector<HTMLInputElement>('#totp')!.value).toBe('999000');
  });
});

describe('the popup\'s "Isi di halaman ini"', () => {
  const d: CodeFillDeps & ActivationDeps = {
    getCode: async () => ({ ok: true, code: '123456', next: '654321', remainingMs: 12_000, issuer: '', account: 'budi' }),
    saveActivation: async () => ({ ok: true, added: false, replaced: 0, code: '111222', next: '333444', remainingMs: 20_000, issuer: '', account: 'budi' }),
    t,
    sleep: async () => undefined,
  };
  function start() {
    const code = startCodeFill(document, d, controller.signal);
    const activation = startActivationSave(document, d, controller.signal);
    offerPageFill((id) => code.fill(id), controller.signal);
    offerPageFill(() => activation.save(), controller.signal);
  }

  it('fills the OTP field on the OTP step, saves the account on the activation page, and says when neither is there', async () => {
    document.body.innerHTML = ssoFixture('login-otp.html');
    start();
    expect(await fillOnPage('acc-1')).toEqual({ ok: true });
    expect(document.querySelector<HTMLInputElement>('#otp')!.value).toBe('123456');
    controller.abort();

    controller = new AbortController();
    document.body.innerHTML = ssoFixture('login-config-totp.html');
    start();
    expect(await fillOnPage()).toEqual({ ok: true });
    expect(document.querySelector<HTMLInputElement>('#totp')!.value).toBe('111222');
    controller.abort();

    controller = new AbortController();
    document.body.innerHTML = '<form><input id="username"></form>';
    start();
    expect(await fillOnPage()).toEqual({ ok: false, error: 'mfa_err_no_field' });
  });

  it('offers end with their feature', async () => {
    document.body.innerHTML = ssoFixture('login-otp.html');
    start();
    controller.abort();
    expect(await fillOnPage()).toEqual({ ok: false, error: 'mfa_err_no_field' });
    expect(document.querySelector(`[${HOST_ATTRIBUTE}]`)).toBeNull();
  });
});

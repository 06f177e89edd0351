/**
 * MFA in Firefox: the activation page saves the account with one click and fills the first code;
 * the popup shows the account's code; on the OTP page "Isi kode MFA" fills the right code. Nothing
 * is submitted, no request carries a secret or a code. Expected codes come from node:crypto
 * (tests/utils/vault/reference.ts), not the app's code. Also: the SSO widget's shadow root is
 * styled by the extension's own CSS in Firefox, and the page's CSS does not reach it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, SSO, type FirefoxSession } from './harness';
import { ACCOUNTS } from '../../fixtures/sso/accounts';
import { codesAround, referenceTotp } from '../../utils/vault/reference';

const NIP = ACCOUNTS.activation.account;
const OTP_PATH = '/auth/realms/public-siasn/login-actions/authenticate';
const ACTIVATION_PATH = '/auth/realms/public-siasn/login-actions/required-action';

let ff: FirefoxSession;
beforeAll(async () => {
  ff = await launchFirefox();
  ff.serveFixtures(SSO, { [OTP_PATH]: 'sso/login-otp.html', [ACTIVATION_PATH]: 'sso/login-config-totp.html' });
  // The SSO's root answers the clock check (one HEAD request) with its Date header.
  ff.route(`${SSO}/`, (req) => (new URL(req.url).pathname === '/' ? { status: 200, headers: { date: new Date().toUTCString() }, body: '' } : undefined));
});
afterAll(async () => {
  if (!ff) return;
  // No request carries a secret or a code of the last minutes.
  const text = ff.requests.map((r) => `${r.method} ${r.url}\n${JSON.stringify(r.headers)}`).join('\n');
  const secret = ACCOUNTS.activation.secret;
  expect(text).not.toContain(secret);
  expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
  for (const code of codesAround(secret, Date.now(), 20)) expect(text).not.toMatch(new RegExp(`(^|\\D)${code}(\\D|$)`));
  await ff?.close();
});

const submitted = (page: Page) => page.evaluate(() => (window as unknown as { submitted: number }).submitted);
const valueOf = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLInputElement).value);

describe('MFA in Firefox', () => {
  it('the activation page saves the QR code\'s account with one click and fills the first code; nothing is submitted', async () => {
    const sso = await ff.newPage();
    await sso.goto(`${SSO}${ACTIVATION_PATH}`);
    const t0 = Date.now();
    await sso.locator('::-p-text(Simpan akun ini ke Asisten e-Kinerja)').click();
    await sso.locator(`::-p-text(Akun public-siasn: ${NIP} tersimpan dan kode pertama sudah diisi.)`).wait();
    const t1 = Date.now();
    const s = ACCOUNTS.activation.secret;
    expect([referenceTotp(s, t0), referenceTotp(s, t1), referenceTotp(s, t0 + 3000)]).toContain(await valueOf(sso, '#totp'));
    expect(await submitted(sso)).toBe(0);
    await sso.close();
  });

  it('the popup shows the saved account\'s code', async () => {
    const popup = await ff.openPage('popup.html');
    const before = Date.now();
    const shown = await popup.run(async (d, account) => {
      const item = await d.wait('the account in the popup', () => d.all('li').find((li) => d.text(li).includes(account)));
      const code = await d.wait('its code', () => d.button('/^\\d{3} \\d{3}$/', item));
      return d.text(code).replace(/\s/g, '');
    }, NIP);
    const after = Date.now();
    expect([referenceTotp(ACCOUNTS.activation.secret, before), referenceTotp(ACCOUNTS.activation.secret, after)]).toContain(shown);
    await popup.close();
  });

  it('"Isi kode MFA" on the OTP page fills the right code and does not submit', async () => {
    const sso = await ff.newPage();
    await sso.goto(`${SSO}${OTP_PATH}`);
    await sso.evaluate(() => {
      (window as unknown as { submitted: number }).submitted = 0;
      document.forms[0]!.addEventListener('submit', (e) => { e.preventDefault(); (window as unknown as { submitted: number }).submitted++; });
    });
    const t0 = Date.now();
    await sso.locator('::-p-text(Isi kode MFA)').click();
    await sso.locator('::-p-text(Kode terisi. Periksa, lalu klik tombol masuk.)').wait();
    const t1 = Date.now();
    const s = ACCOUNTS.activation.secret;
    const allowed = [referenceTotp(s, t0), referenceTotp(s, t1)];
    if (30_000 - (t0 % 30_000) < 3000) allowed.push(referenceTotp(s, t0 + 3000));
    expect(allowed).toContain(await valueOf(sso, 'input[name="otp"]'));
    expect(await submitted(sso)).toBe(0);
    expect(sso.url()).toBe(`${SSO}${OTP_PATH}`);
    expect(ff.requests.filter((r) => r.method === 'POST')).toEqual([]);
    await sso.close();
  });
});

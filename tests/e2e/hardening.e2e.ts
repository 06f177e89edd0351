/**
 * Issue 12's hardening, end to end in Chromium with the built extension: what a hostile page at
 * the real addresses learns or does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EKINERJA, launchExtension, serveFixtures, SSO, type ExtensionSession } from './harness';
import { REPLICA_ROUTES, replicaPath } from '../fixtures/replica/routes';
import { formState, openModal, waitReady } from './replica-driver';
import { addTestAccounts, chooseTemplate, seedTemplates, sendFromPage, testSecret, TEST_NIP } from './extension-data';
import { ACCOUNTS } from '../fixtures/sso/accounts';
import { inContentScriptWorld } from './isolated-world';
import type { TemplateRecord } from '../../utils/db/schema';
import { referenceTotp } from '../utils/vault/reference';

const OTP_PATH = '/auth/realms/public-siasn/login-actions/authenticate';
const ACTIVATION_PATH = '/auth/realms/public-siasn/login-actions/required-action';

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const TEACHING: TemplateRecord = {
  id: 'tpl-mengajar', name: 'Mengajar kelas 8A', rencanaAksi: 'Melaksanakan pembelajaran tatap muka', jamMulai: '07:30', jamSelesai: '09:00',
  kegiatan: 'Mengajar Matematika kelas 8A', realisasi: 2, satuan: 'Jam Pelajaran', buktiDukung: '', weekdays: EVERY_DAY, isDefault: true, order: 0,
};
const PRIVATE: TemplateRecord = {
  ...TEACHING, id: 'tpl-pribadi', name: 'Konseling siswa Rahasia', kegiatan: 'Konseling pribadi siswa Rahasia', isDefault: false, order: 1,
};

/** What page script sees of the fill control (its shadow root is open). */
const controlAsPageSees = (page: Page): Promise<string> =>
  page.evaluate(() => document.querySelector('asisten-ekinerja-isi')?.shadowRoot?.innerHTML ?? '(no control)');

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close(true);
  session = undefined;
});

describe('hardening', () => {
  it('finding 9: the content scripts do not post their start-up message (with the extension id) to the page', async () => {
    session = await launchExtension();
    const ctx = session.context;
    await ctx.route((url) => url.protocol === 'http:' || url.protocol === 'https:', (route) => route.abort('internetdisconnected'));
    await serveFixtures(ctx, SSO, { [OTP_PATH]: 'sso/login-otp.html' });
    // The page records every window message before any script of its own runs.
    await ctx.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      window.addEventListener('message', (e) => seen.push(JSON.stringify(e.data)));
    });
    const sso = await ctx.newPage();
    await sso.goto(`${SSO}${OTP_PATH}`);
    await sso.getByRole('button', { name: 'Isi kode MFA' }).waitFor();
    const seen = await sso.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.join('\n')).not.toContain(session.extensionId);
    expect(seen.join('\n')).not.toContain('content-script-started');
  });

  it('finding 5: the page sees no other template until the user opens the choice, and cannot switch the template on the user\'s click', async () => {
    session = await launchExtension();
    await serveFixtures(session.context, EKINERJA, { ...REPLICA_ROUTES });
    await seedTemplates(session, [TEACHING, PRIVATE], 'Asia/Jakarta');
    const page = await session.context.newPage();
    await page.goto(EKINERJA + replicaPath());
    await waitReady(page);
    await openModal(page);
    const control = page.getByRole('group', { name: 'Isi dari template (Asisten e-Kinerja)' });
    await control.getByRole('button', { name: 'Isi dari template', exact: true }).waitFor();
    const seen = await controlAsPageSees(page);
    expect(seen).toContain('Mengajar kelas 8A');
    expect(seen).not.toContain('Rahasia');

    // Code in the content script's world cannot list the templates' texts either.
    const listed = await inContentScriptWorld<string>(page, `chrome.runtime.sendMessage({ id: 1, type: 'listTemplates', timestamp: Date.now() }).then((r) => JSON.stringify(r), (e) => String(e))`);
    expect(listed).not.toContain('Rahasia');
    expect(listed).toContain('may not be asked');

    // The user opens the choice (now the names are there) and picks the other template.
    await chooseTemplate(control, 'Konseling siswa Rahasia');
    // The page switches the selection back to today's template as the user presses the button.
    await page.evaluate(() => {
      window.addEventListener('pointerdown', () => {
        const select = document.querySelector('asisten-ekinerja-isi')!.shadowRoot!.querySelector('select')!;
        select.value = 'tpl-mengajar';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }, true);
    });
    await control.getByRole('button', { name: 'Isi dari template', exact: true }).click();
    await control.and(page.locator('[data-state="done"]')).waitFor();
    expect((await formState(page))?.kegiatan).toBe('Konseling pribadi siswa Rahasia');
    await expect(control.getByLabel('Template', { exact: true }).inputValue()).resolves.toBe('tpl-pribadi');
  });

  it('finding 3: one click on a hostile activation page plants nothing: the widget shows issuer, account and key end and asks; the real key stays unless the user replaces it', async () => {
    session = await launchExtension();
    await serveFixtures(session.context, SSO, { [ACTIVATION_PATH]: 'sso/login-config-totp.html' });
    // The victim's real key for their NIP; the page's QR code holds another key for the same NIP.
    await addTestAccounts(session, 1);
    expect(ACCOUNTS.activation.account).toBe(TEST_NIP);
    const options = await session.openPage('options.html');
    const saved = async () => (await sendFromPage<{ accounts: { issuer: string; account: string }[] }>(options, 'listAccounts')).accounts;
    const codeNow = async () => (await sendFromPage<{ code: string }>(options, 'ssoCode', {})).code;
    const realCode = await codeNow();
    expect(realCode).toBe(referenceTotp(testSecret(0), Date.now()));

    const sso = await session.context.newPage();
    await sso.goto(`${SSO}${ACTIVATION_PATH}`);
    const save = sso.getByRole('button', { name: 'Simpan akun ini ke Asisten e-Kinerja' });
    await save.click();
    const question = sso.getByRole('group', { name: `Akun MFA public-siasn: ${TEST_NIP} dengan kunci lain sudah tersimpan`, exact: false });
    await question.waitFor();
    expect(await question.textContent()).toContain(`berakhiran …${ACCOUNTS.activation.secret.slice(-4)}`);
    // Nothing written, nothing filled while the question is open.
    expect(await saved()).toHaveLength(1);
    expect(await sso.locator('#totp').inputValue()).toBe('');

    await question.getByRole('button', { name: 'Batal' }).click();
    await sso.getByText('Akun tidak disimpan.').waitFor();
    expect(await saved()).toHaveLength(1);
    expect([realCode, referenceTotp(testSecret(0), Date.now())]).toContain(await codeNow());
    expect(await sso.locator('#totp').inputValue()).toBe('');

    // A real re-activation: the user replaces the old key.
    await save.click();
    await question.getByRole('button', { name: 'Ganti akun lama' }).click();
    await sso.getByText(`Akun public-siasn: ${TEST_NIP} tersimpan menggantikan akun lama`, { exact: false }).waitFor();
    expect(await saved()).toEqual([expect.objectContaining({ issuer: 'public-siasn', account: TEST_NIP })]);
    expect([referenceTotp(ACCOUNTS.activation.secret, Date.now() - 2000), referenceTotp(ACCOUNTS.activation.secret, Date.now())]).toContain(await codeNow());
  });

  it('finding 4: the SSO button at opacity 0 over a decoy, and Enter on a button the page focused, fill nothing and say why; the user\'s click and Tab + Enter fill', async () => {
    session = await launchExtension();
    await serveFixtures(session.context, SSO, { [OTP_PATH]: 'sso/login-otp.html' });
    await addTestAccounts(session, 1);
    const sso = await session.context.newPage();
    await sso.goto(`${SSO}${OTP_PATH}`);
    const button = sso.getByRole('button', { name: 'Isi kode MFA' });
    await button.waitFor();
    const field = sso.locator('#otp');

    // The page wraps the button in a transparent layer above a decoy of its own.
    await sso.evaluate(() => {
      const host = document.querySelector('[data-asisten-ekinerja="otp"]')!;
      const box = host.getBoundingClientRect();
      const decoy = document.createElement('button');
      decoy.textContent = 'Klaim hadiah';
      decoy.style.cssText = `position:absolute;left:${box.left + scrollX}px;top:${box.top + scrollY}px;width:${box.width}px;height:${box.height}px;z-index:1`;
      const veil = document.createElement('div');
      veil.style.cssText = 'opacity:0;position:relative;z-index:2;display:inline-block';
      host.before(veil);
      veil.append(host);
      document.body.append(decoy);
    });
    // The user clicks the decoy they see: the click lands on the invisible button.
    const box = (await button.boundingBox())!;
    await sso.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const widget = sso.locator('[data-asisten-ekinerja="otp"]');
    await widget.getByRole('alert').getByText('Tombol ini tertutup atau tidak terlihat jelas', { exact: false }).waitFor({ state: 'attached' });
    expect(await field.inputValue()).toBe('');

    // The page takes the veil away and focuses the button itself; the user presses Enter (meant for the form).
    await sso.evaluate(() => {
      const host = document.querySelector('[data-asisten-ekinerja="otp"]')!;
      const veil = host.parentElement!;
      veil.after(host);
      veil.remove();
      document.querySelectorAll('button').forEach((b) => b.textContent === 'Klaim hadiah' && b.remove());
      (host.shadowRoot!.querySelector('button') as HTMLButtonElement).focus();
    });
    await sso.keyboard.press('Enter');
    await widget.getByRole('alert').getByText('Tombol ini dipilih oleh halaman, bukan oleh Anda', { exact: false }).waitFor();
    expect(await field.inputValue()).toBe('');

    // The user's own keyboard: from the field, Tab to the button, Enter.
    await field.click();
    await sso.keyboard.press('Tab');
    await sso.keyboard.press('Enter');
    await expect.poll(() => field.inputValue()).toMatch(/^\d{6}$/);
    expect([referenceTotp(testSecret(0), Date.now() - 4000), referenceTotp(testSecret(0), Date.now())]).toContain(await field.inputValue());
    await expect(widget.getByRole('alert').count()).resolves.toBe(0);

    // And the user's click.
    await field.fill('');
    await button.click();
    await expect.poll(() => field.inputValue()).toMatch(/^\d{6}$/);
    expect(await sso.evaluate(() => (window as unknown as { submitted?: number }).submitted ?? 0)).toBe(0);
  });
});

/**
 * MFA end to end, through the built extension in Chromium: adding accounts (link, QR image file,
 * QR on a tab, Google Authenticator export), the codes in the popup, "Isi kode MFA" on the
 * Keycloak pages, the vault, auto-lock and the clock check. Every expected code is computed here
 * with node:crypto (tests/utils/vault/reference.ts), not with the app's code.
 *
 * Network: a catch-all route answers (or aborts) every request, fixtures are served at the real
 * addresses, and every request is recorded; after each test none may carry a secret or a code.
 *
 * "Scan the QR code on this tab" needs the activeTab grant, which only the user invoking the
 * extension gives. The test does what the user does: the QR page is the active tab, the toolbar
 * button is "clicked" (CDP Extensions.triggerAction opens the real popup, attached to that tab),
 * and the popup's own button is clicked inside that real popup (driven over CDP, since Playwright
 * does not expose extension popups as pages).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CDPSession, Page, Request } from 'playwright-core';
import { EKINERJA, FIXTURES, launchExtension, serveFixtures, SSO, type ExtensionSession } from './harness';
import { ACCOUNTS } from '../fixtures/sso/accounts';
import { codesAround, migrationUri, referenceTotp } from '../utils/vault/reference';
import { inContentScriptWorld } from './isolated-world';
import { qrPhoto } from '../utils/totp/photo';

const NIP = ACCOUNTS.activation.account;
const PASTED = { issuer: 'public-siasn', account: NIP, secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' };
const PASTED_URI = `otpauth://totp/public-siasn:${NIP}?secret=${PASTED.secret}&digits=6&algorithm=SHA1&issuer=public-siasn&period=30`;
const MIGRATED = [
  { issuer: 'Google', name: 'budi@example.id', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' },
  { issuer: 'Kemdikbud', name: 'budi.santoso', secret: 'MZXW6YTBOI2TGNBUGQZTSNBRGE4DIMZS' },
];
const ALL_SECRETS = [PASTED.secret, ...MIGRATED.map((m) => m.secret), ...Object.values(ACCOUNTS).map((a) => a.secret)];

const OTP_PATH = '/auth/realms/public-siasn/login-actions/authenticate';
const ACTIVATION_PATH = '/auth/realms/public-siasn/login-actions/required-action';

let session: ExtensionSession | undefined;
let requests: { url: string; method: string; headers: Record<string, string>; body: string }[] = [];
/** The Date header the routed SSO server answers with: this computer's time + `serverAhead`. */
let serverAhead = 0;

function record(req: Request): void {
  requests.push({ url: req.url(), method: req.method(), headers: req.headers(), body: req.postData() ?? '' });
}

async function start(): Promise<ExtensionSession> {
  const s = await launchExtension();
  const ctx = s.context;
  // Network requests only (the extension's own chrome-extension:// files are not network).
  const network = (url: URL) => url.protocol === 'http:' || url.protocol === 'https:';
  // 1. Lowest priority: whatever has no fixture never leaves the machine.
  await ctx.route(network, (route) => route.abort('internetdisconnected'));
  // 2. The fixtures at their real addresses.
  await serveFixtures(ctx, EKINERJA, { '/mfa-qr': 'kinerja/qr-on-screen.html' });
  await serveFixtures(ctx, SSO, { [OTP_PATH]: 'sso/login-otp.html', [ACTIVATION_PATH]: 'sso/login-config-totp.html' });
  // The SSO server's root answers the clock check with its Date header.
  await ctx.route(`${SSO}/`, (route) =>
    route.fulfill({ status: 200, headers: { date: new Date(Date.now() + serverAhead).toUTCString(), 'content-type': 'text/html' }, body: '' }),
  );
  // 3. Highest priority: record every request, then let the handlers above answer it.
  await ctx.route(network, (route) => {
    record(route.request());
    return route.fallback();
  });
  return s;
}

beforeEach(() => {
  requests = [];
  serverAhead = 0;
});

afterEach(async () => {
  try {
    // No request made during the test carries a secret (in any spelling) or a code of the last minutes.
    const now = Date.now();
    const text = requests.map((r) => `${r.method} ${r.url}\n${JSON.stringify(r.headers)}\n${r.body}`).join('\n');
    for (const secret of ALL_SECRETS) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(secret.toLowerCase());
      expect(text).not.toContain(secret.slice(0, 16));
      for (const code of codesAround(secret, now, 20)) expect(text).not.toMatch(new RegExp(`(^|\\D)${code}(\\D|$)`));
    }
  } finally {
    await session?.close(true);
    session = undefined;
  }
});

/** The code shown for `account` in a popup page, without the grouping space. */
async function popupCode(popup: Page, account: string): Promise<string> {
  const item = popup.getByRole('listitem').filter({ hasText: account });
  const button = item.getByRole('button', { name: /^\d{3} \d{3}$/ });
  await button.waitFor();
  return (await button.textContent())!.replace(/\s/g, '');
}

/** The code shown now equals the independently computed one (read between two clock readings). */
async function expectCode(read: () => Promise<string>, secret: string, aheadMs = 0): Promise<void> {
  const before = Date.now() + aheadMs;
  const shown = await read();
  const after = Date.now() + aheadMs;
  expect([referenceTotp(secret, before), referenceTotp(secret, after)]).toContain(shown);
}

async function addByLink(options: Page, text: string, added: string): Promise<void> {
  await options.getByLabel('Tempel tautan akun').fill(text);
  await options.getByRole('button', { name: 'Tambahkan', exact: true }).click();
  await options.getByRole('region', { name: 'Akun MFA' }).getByRole('status').getByText(added).waitFor();
}

/** Raw records of the extension's database, read from one of its pages (as an attacker with the profile would). */
function rawDb(page: Page): Promise<{ accounts: Record<string, unknown>[]; vault: unknown[] }> {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('asisten-ekinerja');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['accounts', 'vault'], 'readonly');
      const out: { accounts: Record<string, unknown>[]; vault: unknown[] } = { accounts: [], vault: [] };
      const a = tx.objectStore('accounts').getAll();
      a.onsuccess = () => { out.accounts = a.result as Record<string, unknown>[]; };
      const v = tx.objectStore('vault').getAll();
      v.onsuccess = () => { out.vault = v.result; };
      tx.oncomplete = () => { db.close(); resolve(out); };
    };
  }));
}

/** A message to the background in the extension's own format (@webext-core/messaging). */
function message<T>(page: Page, type: string, data: unknown): Promise<T> {
  return page.evaluate(([type, data]) => new Promise<unknown>((resolve, reject) => {
    chrome.runtime.sendMessage({ id: Date.now(), type, data, timestamp: Date.now() }, (r: { res?: unknown; err?: unknown }) => {
      if (chrome.runtime.lastError) reject(new Error(chrome.runtime.lastError.message));
      else if (r?.err) reject(new Error(JSON.stringify(r.err)));
      else resolve(r.res);
    });
  }), [type, data] as const) as Promise<T>;
}

/**
 * Clicks the extension's toolbar button for the tab showing `tabUrl` (CDP Extensions.triggerAction):
 * the real popup opens attached to that tab, with the activeTab grant. Returns a way to run code in it.
 */
async function openRealPopup(s: ExtensionSession, tabUrl: string): Promise<{ run<T>(expression: string): Promise<T>; cdp: CDPSession }> {
  const cdp = await s.context.browser()!.newBrowserCDPSession();
  type Info = { targetId: string; type: string; url: string };
  const targets = async () => ((await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }, { type: 'page' }] } as never)) as unknown as { targetInfos: Info[] }).targetInfos;
  const tab = (await targets()).find((t) => t.type === 'tab' && t.url.startsWith(tabUrl));
  if (!tab) throw new Error(`no tab at ${tabUrl}`);
  await cdp.send('Extensions.triggerAction' as never, { id: s.extensionId, targetId: tab.targetId } as never);
  let popup: Info | undefined;
  for (const deadline = Date.now() + 10_000; !popup && Date.now() < deadline;) {
    popup = (await targets()).find((t) => t.type === 'page' && t.url === `chrome-extension://${s.extensionId}/popup.html`);
    if (!popup) await new Promise((r) => setTimeout(r, 50));
  }
  if (!popup) throw new Error('the popup did not open');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: popup.targetId, flatten: false } as never)) as unknown as { sessionId: string };
  let next = 1;
  const waiting = new Map<number, (m: { result?: { result?: { value?: unknown }; exceptionDetails?: unknown } }) => void>();
  cdp.on('Target.receivedMessageFromTarget' as never, ((ev: { sessionId: string; message: string }) => {
    const m = JSON.parse(ev.message) as { id?: number };
    if (ev.sessionId === sessionId && m.id && waiting.has(m.id)) {
      waiting.get(m.id)!(m as never);
      waiting.delete(m.id);
    }
  }) as never);
  return {
    cdp,
    run<T>(expression: string) {
      return new Promise<T>((resolve, reject) => {
        const id = next++;
        waiting.set(id, (m) => {
          if (m.result?.exceptionDetails) reject(new Error(JSON.stringify(m.result.exceptionDetails)));
          else resolve(m.result?.result?.value as T);
        });
        void cdp.send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, awaitPromise: true, returnByValue: true } }),
        } as never);
      });
    },
  };
}

/** In-page helpers for the real popup (plain DOM: the popup is driven over CDP). */
const POPUP_HELPERS = `
  const wait = async (f, ms = 15000) => { const end = Date.now() + ms; for (;;) { const v = f(); if (v) return v; if (Date.now() > end) throw new Error('timeout: ' + f); await new Promise((r) => setTimeout(r, 50)); } };
  const button = (text) => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === text);
  const codeOf = (account) => { const li = [...document.querySelectorAll('li')].find((l) => l.textContent.includes(account)); const b = li && li.querySelector('button.mfa-code'); return b ? b.textContent.replace(/\\s/g, '') : null; };
`;

describe('MFA authenticator', () => {
  it('an account pasted in options shows its code in the popup; Enter copies it with a confirmation', async () => {
    session = await start();
    const options = await session.openPage('options.html');
    await addByLink(options, PASTED_URI, '1 akun ditambahkan.');
    await options.getByRole('list', { name: 'Akun tersimpan' }).getByText(NIP).waitFor();

    const popup = await session.openPage('popup.html');
    await expectCode(() => popupCode(popup, NIP), PASTED.secret);
    const codeButton = popup.getByRole('listitem').filter({ hasText: NIP }).getByRole('button', { name: /^\d{3} \d{3}$/ });
    await codeButton.focus();
    await popup.keyboard.press('Enter');
    await popup.getByRole('status').getByText(`Kode public-siasn (${NIP}) tersalin.`).waitFor();
    // What was copied: paste it into the SSO page's field.
    const sso = await session.context.newPage();
    await sso.goto(`${SSO}${OTP_PATH}`);
    await sso.getByLabel('One-time code').focus();
    await sso.keyboard.press('Control+V');
    const pasted = await sso.getByLabel('One-time code').inputValue();
    expect([referenceTotp(PASTED.secret, Date.now() - 3000), referenceTotp(PASTED.secret, Date.now())]).toContain(pasted);
    // The countdown is there, between 1 and 30.
    const left = Number(await popup.getByRole('listitem').filter({ hasText: NIP }).locator('.mfa-countdown').textContent());
    expect(left).toBeGreaterThanOrEqual(1);
    expect(left).toBeLessThanOrEqual(30);
  });

  it('the welcome checklist\'s account step reads a QR image file too (its help text offers it)', async () => {
    session = await start();
    const welcome = await session.openPage('options.html#welcome');
    await welcome.getByRole('button', { name: '2. Akun MFA ASN Digital' }).click();
    await welcome.getByLabel('Unggah gambar kode QR (tangkapan layar atau foto)').setInputFiles(join(FIXTURES, 'sso/qr-account.png'));
    // The step is done (its "1 akun ditambahkan." shows for a moment only: the panel moves on at once).
    await welcome.getByRole('status').filter({ hasText: '1 dari 4 langkah selesai' }).waitFor();
    const popup = await session.openPage('popup.html');
    await expectCode(() => popupCode(popup, ACCOUNTS.upload.account), ACCOUNTS.upload.secret);
  });

  it('accounts from a QR image file and from a Google Authenticator export with two accounts', async () => {
    session = await start();
    const options = await session.openPage('options.html');
    await options.getByLabel('Unggah gambar kode QR (tangkapan layar atau foto)').setInputFiles(join(FIXTURES, 'sso/qr-account.png'));
    await options.getByRole('region', { name: 'Akun MFA' }).getByRole('status').getByText('1 akun ditambahkan.').waitFor();
    await addByLink(options, migrationUri(MIGRATED), '2 akun ditambahkan.');

    const popup = await session.openPage('popup.html');
    await expectCode(() => popupCode(popup, ACCOUNTS.upload.account), ACCOUNTS.upload.secret);
    for (const m of MIGRATED) await expectCode(() => popupCode(popup, m.name), m.secret);
    // Duplicates: the same export again asks, and "Lewati yang sudah ada" adds nothing.
    await options.getByLabel('Tempel tautan akun').fill(migrationUri(MIGRATED));
    await options.getByRole('button', { name: 'Tambahkan', exact: true }).click();
    await options.getByText('Akun ini sudah tersimpan (penerbit, nama, dan kunci sama):', { exact: false }).waitFor();
    await options.getByRole('button', { name: 'Lewati yang sudah ada' }).click();
    await options.getByRole('status').getByText('2 akun yang sudah ada dilewati.', { exact: false }).waitFor();
    expect(await options.getByRole('list', { name: 'Akun tersimpan' }).getByRole('listitem').count()).toBe(3);
  });

  it('scans the QR code shown on the current tab from the real popup (activeTab)', async () => {
    session = await start();
    const page = await session.context.newPage();
    await page.goto(`${EKINERJA}/mfa-qr`);
    await page.getByRole('img', { name: 'Kode QR akun MFA' }).waitFor();
    await page.bringToFront();
    const popup = await openRealPopup(session, `${EKINERJA}/mfa-qr`);
    const before = Date.now();
    const { asked, cancelled, shown } = await popup.run<{ asked: string; cancelled: string; shown: string }>(`(async () => { ${POPUP_HELPERS}
      const confirmBox = () => document.querySelector('[role=group][aria-label="Periksa akun sebelum disimpan"]');
      (await wait(() => button('Tambah akun'))).click();
      // The page decides what its QR code holds: nothing is saved before the user says yes to what it shows.
      (await wait(() => button('Pindai kode QR di tab ini'))).click();
      const asked = (await wait(confirmBox)).textContent;
      button('Batal').click();
      await wait(() => !confirmBox() && [...document.querySelectorAll('[role=status]')].some((s) => s.textContent === 'Akun tidak disimpan.'));
      const cancelled = document.body.textContent;
      button('Pindai kode QR di tab ini').click();
      await wait(confirmBox);
      button('Ya, simpan').click();
      await wait(() => document.body.textContent.includes('1 akun ditambahkan.'));
      return { asked, cancelled, shown: await wait(() => codeOf(${JSON.stringify(ACCOUNTS.screen.account)})) };
    })()`);
    const after = Date.now();
    const { issuer, account, secret } = ACCOUNTS.screen;
    expect(asked).toContain(`Penerbit: ${issuer} · akun: ${account} · kunci berakhiran …${secret.slice(-4)}`);
    expect(cancelled).not.toContain(account); // cancelled: no account, no code
    expect([referenceTotp(ACCOUNTS.screen.secret, before), referenceTotp(ACCOUNTS.screen.secret, after)]).toContain(shown);
    await popup.cdp.detach();
  });

  it('on the Keycloak OTP page "Isi kode MFA" fills the right code and does not submit; the popup offers "Isi di halaman ini"', async () => {
    session = await start();
    const options = await session.openPage('options.html');
    await addByLink(options, `otpauth://totp/GitHub:budi?secret=${MIGRATED[0]!.secret}&issuer=GitHub`, '1 akun ditambahkan.');
    await addByLink(options, PASTED_URI, '1 akun ditambahkan.');

    const sso = await session.context.newPage();
    await sso.goto(`${SSO}${OTP_PATH}`);
    await sso.evaluate(() => {
      (window as unknown as { submitted: number }).submitted = 0;
      document.forms[0]!.addEventListener('submit', (e) => { e.preventDefault(); (window as unknown as { submitted: number }).submitted++; });
    });
    const field = sso.getByLabel('One-time code');
    const t0 = Date.now();
    await sso.getByRole('button', { name: 'Isi kode MFA' }).click();
    await sso.getByText('Kode terisi. Periksa, lalu klik tombol masuk.').waitFor();
    const t1 = Date.now();
    const value = await field.inputValue();
    // The current code, or the next one when fewer than 3 s were left.
    const allowed = [referenceTotp(PASTED.secret, t0), referenceTotp(PASTED.secret, t1)];
    if (30_000 - (t0 % 30_000) < 3000) allowed.push(referenceTotp(PASTED.secret, t0 + 3000));
    expect(allowed).toContain(value);
    expect(await sso.evaluate(() => (window as unknown as { submitted: number }).submitted)).toBe(0);
    expect(sso.url()).toBe(`${SSO}${OTP_PATH}`);
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);

    // From the popup on that tab.
    await field.fill('');
    await sso.bringToFront();
    const popup = await openRealPopup(session, `${SSO}${OTP_PATH}`);
    await popup.run(`(async () => { ${POPUP_HELPERS} (await wait(() => button('Isi di halaman ini'))).click(); await wait(() => document.body.textContent.includes('Kode terisi.')); })()`);
    await expect.poll(() => field.inputValue()).toMatch(/^\d{6}$/);
    expect([referenceTotp(PASTED.secret, Date.now() - 4000), referenceTotp(PASTED.secret, Date.now())]).toContain(await field.inputValue());
    expect(await sso.evaluate(() => (window as unknown as { submitted: number }).submitted)).toBe(0);
    await popup.cdp.detach();
  });

  it('on the MFA activation page the user sees what would be saved, confirms, and the first code is filled; nothing is submitted', async () => {
    session = await start();
    const sso = await session.context.newPage();
    await sso.goto(`${SSO}${ACTIVATION_PATH}`);
    await sso.getByRole('button', { name: 'Simpan akun ini ke Asisten e-Kinerja' }).click();
    const question = sso.getByRole('group', { name: 'Simpan akun MFA ini?', exact: false });
    expect(await question.textContent()).toContain(`Penerbit: public-siasn · akun: ${NIP} · kunci berakhiran …${ACCOUNTS.activation.secret.slice(-4)}.`);
    const t0 = Date.now();
    await question.getByRole('button', { name: 'Ya, simpan' }).click();
    await sso.getByText(`Akun public-siasn: ${NIP} tersimpan dan kode pertama sudah diisi.`, { exact: false }).waitFor();
    const t1 = Date.now();
    const value = await sso.locator('#totp').inputValue();
    const allowed = [referenceTotp(ACCOUNTS.activation.secret, t0), referenceTotp(ACCOUNTS.activation.secret, t1), referenceTotp(ACCOUNTS.activation.secret, t0 + 3000)];
    expect(allowed).toContain(value);
    expect(await sso.evaluate(() => (window as unknown as { submitted: number }).submitted)).toBe(0);

    const popup = await session.openPage('popup.html');
    await expectCode(() => popupCode(popup, NIP), ACCOUNTS.activation.secret);
  });

  it('with a passphrase no secret is in IndexedDB; lock → wrong then right passphrase; auto-lock', async () => {
    session = await start();
    const options = await session.openPage('options.html');
    await addByLink(options, PASTED_URI, '1 akun ditambahkan.');
    await addByLink(options, migrationUri(MIGRATED), '2 akun ditambahkan.');

    const plain = await rawDb(options);
    expect(plain.accounts.map((a) => a.secret).sort()).toEqual([PASTED.secret, ...MIGRATED.map((m) => m.secret)].sort());

    const vault = options.getByRole('group', { name: 'Kata sandi brankas' });
    await vault.locator('summary', { hasText: 'Pasang kata sandi' }).click(); // opens the form
    await vault.getByText('kata sandi yang terlupa TIDAK BISA dipulihkan', { exact: false }).waitFor();
    await vault.getByLabel('Kata sandi baru').fill('kopi tubruk pagi');
    await vault.getByLabel('Ulangi kata sandi').fill('kopi tubruk pagi');
    await vault.getByRole('button', { name: 'Pasang kata sandi' }).click();
    await options.getByText('Kata sandi terpasang. Semua kunci rahasia sudah terenkripsi.').waitFor();

    const sealed = await rawDb(options);
    const text = JSON.stringify(sealed);
    for (const secret of [PASTED.secret, ...MIGRATED.map((m) => m.secret)]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(secret.toLowerCase());
    }
    expect(sealed.accounts).toHaveLength(3);
    for (const a of sealed.accounts) {
      expect(a.secret).toBeUndefined();
      expect(a.sealed).toEqual({ iv: expect.any(String), ct: expect.any(String) });
    }
    expect(sealed.vault).toEqual([expect.objectContaining({ iterations: 600_000, autoLockMinutes: 15 })]);

    // Unlocked: the popup shows codes.
    const popup = await session.openPage('popup.html');
    await expectCode(() => popupCode(popup, NIP), PASTED.secret);
    await popup.getByRole('button', { name: 'Kunci sekarang' }).click();
    await popup.getByLabel('Kata sandi brankas').waitFor();
    expect(await popup.getByRole('button', { name: /^\d{3} \d{3}$/ }).count()).toBe(0);

    await popup.getByLabel('Kata sandi brankas').fill('kopi tubruk sore');
    await popup.getByRole('button', { name: 'Buka kunci' }).click();
    await popup.getByRole('alert').getByText('Kata sandi salah. Tidak ada yang diubah.').waitFor();
    expect(await rawDb(options)).toEqual(sealed);
    expect(await popup.getByRole('button', { name: /^\d{3} \d{3}$/ }).count()).toBe(0);

    await popup.getByLabel('Kata sandi brankas').fill('kopi tubruk pagi');
    await popup.getByRole('button', { name: 'Buka kunci' }).click();
    await expectCode(() => popupCode(popup, NIP), PASTED.secret);
    for (const m of MIGRATED) await expectCode(() => popupCode(popup, m.name), m.secret);
    expect(await rawDb(options)).toEqual(sealed);

    // Auto-lock after 3 s without use (the options page offers 1 minute and up; the test sets less).
    await message(options, 'setAutoLock', 0.05);
    await popup.getByLabel('Kata sandi brankas').waitFor({ timeout: 30_000 });
    expect(await popup.getByRole('button', { name: /^\d{3} \d{3}$/ }).count()).toBe(0);
    const session_ = await options.evaluate(() => chrome.storage.session.get(null));
    expect(Object.keys(session_)).not.toContain('vaultKey');
    expect(JSON.stringify(session_)).not.toContain(PASTED.secret);
    await options.reload();
    await options.getByText('Brankas terkunci.', { exact: true }).waitFor();
  });

  it('the clock check shows a wrong clock and corrects the codes', async () => {
    serverAhead = 95_000;
    session = await start();
    const options = await session.openPage('options.html');
    await addByLink(options, PASTED_URI, '1 akun ditambahkan.');
    const popup = await session.openPage('popup.html');
    await popup.getByText(/Jam komputer ini terlambat 9[4-6] detik dibanding server ASN Digital\./).waitFor();
    const before = Date.now();
    const shown = await popupCode(popup, NIP);
    const allowed = [-1500, 0, 1500].flatMap((d) => [referenceTotp(PASTED.secret, before + 95_000 + d), referenceTotp(PASTED.secret, Date.now() + 95_000 + d)]);
    expect(allowed).toContain(shown);
    // A move of more than 10 s is confirmed by a second reading at once.
    expect(requests.filter((r) => r.url === `${SSO}/`).map((r) => r.method)).toEqual(['HEAD', 'HEAD']);
    // At most once an hour: a second popup does not ask again.
    const again = await session.openPage('popup.html');
    await again.getByText(/terlambat 9[4-6] detik/).waitFor();
    expect(requests.filter((r) => r.url === `${SSO}/`)).toHaveLength(2);
  });

  it('neither an offset written from the content script\'s world nor a Date header a day ahead changes the filled code', async () => {
    serverAhead = 86_400_000;
    session = await start();
    const options = await session.openPage('options.html');
    await addByLink(options, PASTED_URI, '1 akun ditambahkan.');
    const sso = await session.context.newPage();
    await sso.goto(`${SSO}${OTP_PATH}`);
    const field = sso.getByLabel('One-time code');
    const fill = async () => {
      await field.fill('');
      await sso.getByRole('button', { name: 'Isi kode MFA' }).click();
      await expect.poll(() => field.inputValue()).toMatch(/^\d{6}$/);
    };
    // Code in the content script's world writes a two-minute offset where earlier versions kept it,
    // and cannot reach storage.session (where the offset lives now).
    const tried = await inContentScriptWorld<{ session: string }>(sso, `(async () => {
      await chrome.storage.local.set({ clockCheck: { offsetMs: 120000, checkedAt: Date.now() } });
      try { await chrome.storage.session.set({ clockCheck: { offsetMs: 120000, checkedAt: Date.now() } }); return { session: 'written' }; }
      catch (e) { return { session: String(e) }; }
    })()`);
    expect(tried.session).not.toBe('written');
    await expectCode(async () => { await fill(); return field.inputValue(); }, PASTED.secret);

    // The SSO server's Date header says tomorrow: the popup asks to fix the clock; codes are not shifted.
    const popup = await session.openPage('popup.html');
    await popup.getByText(/Jam komputer ini selisih 1440 menit dengan server ASN Digital/).waitFor();
    await expectCode(() => popupCode(popup, NIP), PASTED.secret);
    await sso.bringToFront();
    await expectCode(async () => { await fill(); return field.inputValue(); }, PASTED.secret);
  });
});

// The fixtures are generated; make sure they are there (npx tsx tests/fixtures/sso/build.ts).
readFileSync(join(FIXTURES, 'sso/login-config-totp.html'));

/**
 * A 12-megapixel phone photo of a QR code as a JPEG, drawn by the browser from a grey photo made
 * here (tests/utils/totp/photo.ts): the kind of picture users upload.
 */
async function phonePhotoJpeg(page: Page, uri: string): Promise<Buffer> {
  const photo = qrPhoto(uri, { width: 4000, height: 3000, module: 30, noise: 40, angle: -4 });
  const b64 = await page.evaluate(async ({ grey, width, height }) => {
    const bytes = Uint8Array.from(atob(grey), (c) => c.charCodeAt(0));
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < bytes.length; i++) {
      rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = bytes[i]!;
      rgba[i * 4 + 3] = 255;
    }
    const canvas = new OffscreenCanvas(width, height);
    canvas.getContext('2d')!.putImageData(new ImageData(rgba, width, height), 0, 0);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    const buf = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (let i = 0; i < buf.length; i += 0x8000) s += String.fromCharCode(...buf.subarray(i, i + 0x8000));
    return btoa(s);
  }, { grey: Buffer.from(photo.data).toString('base64'), width: photo.width, height: photo.height });
  return Buffer.from(b64, 'base64');
}

describe('QR codes that are hard to read (issue 12: phone photos; issue 10, finding 10: below the fold)', () => {
  it('a 12-megapixel phone photo imported in the options page gives the account, read at 400 px, off the page\'s main thread', async () => {
    session = await start();
    const options = await session.openPage('options.html');
    const jpeg = await phonePhotoJpeg(options, PASTED_URI);
    // The page stays responsive while the photo is read: from the moment the file is chosen, the
    // longest gap between two animation frames of the options page.
    await options.evaluate(() => {
      const w = window as unknown as { longest: number; last: number };
      w.longest = 0;
      document.getElementById('mfa-add-file')!.addEventListener('change', () => {
        w.last = performance.now();
        const tick = (now: number) => {
          w.longest = Math.max(w.longest, now - w.last);
          w.last = now;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }, { capture: true });
    });
    const t0 = Date.now();
    await options.getByLabel('Unggah gambar kode QR (tangkapan layar atau foto)').setInputFiles({ name: 'foto-layar.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    const status = options.getByRole('region', { name: 'Akun MFA' }).getByRole('status');
    await status.getByText('1 akun ditambahkan. Kode QR terbaca pada gambar yang diperkecil ke 400 px (aslinya 4000 × 3000 px).').waitFor({ timeout: 30_000 });
    const ms = Date.now() - t0;
    const { longest } = await options.evaluate(() => ({ longest: (window as unknown as { longest: number }).longest }));
    console.info(`12 MP JPEG (${(jpeg.length / 1e6).toFixed(1)} MB) imported in ${ms} ms; longest frame gap on the options page ${Math.round(longest)} ms`);
    // Generous bounds for a shared, busy machine (the measured times are printed above): the page
    // never froze for a second, and the whole import took less than a quarter of a minute.
    expect(longest).toBeLessThan(1000);
    expect(ms).toBeLessThan(15_000);
    const popup = await session.openPage('popup.html');
    await expectCode(() => popupCode(popup, NIP), PASTED.secret);
  });

  it('the popup\'s "scan this tab" on the activation page reads the QR from the page even when it is below the fold', async () => {
    session = await start();
    const sso = await session.context.newPage();
    await sso.setViewportSize({ width: 1280, height: 720 });
    await sso.goto(`${SSO}${ACTIVATION_PATH}`);
    // Keycloak's newer theme: the QR at its own size (246 px) at y ≈ 556–802 on a 720-px window.
    const qr = sso.locator('#kc-totp-secret-qr-code');
    await qr.evaluate((img) => {
      img.style.cssText = 'width:246px;height:246px';
      img.style.marginTop = `${556 - img.getBoundingClientRect().top}px`;
    });
    const box = (await qr.boundingBox())!;
    expect(Math.round(box.y)).toBe(556);
    expect(box.y + box.height).toBeGreaterThan(720);
    await sso.bringToFront();
    const popup = await openRealPopup(session, `${SSO}${ACTIVATION_PATH}`);
    const shown = await popup.run<{ text: string; code: string | null }>(`(async () => { ${POPUP_HELPERS}
      (await wait(() => button('Tambah akun'))).click();
      (await wait(() => button('Pindai kode QR di tab ini'))).click();
      const asked = (await wait(() => document.querySelector('[role=group][aria-label="Periksa akun sebelum disimpan"]'))).textContent;
      button('Ya, simpan').click();
      await wait(() => document.body.textContent.includes('1 akun ditambahkan.'));
      return { text: asked + ' ' + document.body.textContent, code: await wait(() => codeOf(${JSON.stringify(NIP)})) };
    })()`);
    expect(shown.text).toContain(`Penerbit: public-siasn · akun: ${NIP} · kunci berakhiran …${ACCOUNTS.activation.secret.slice(-4)}`);
    expect(shown.text).toContain('Kode QR dibaca dari gambarnya di halaman aktivasi ASN Digital, tidak dari tangkapan layar.');
    expect([referenceTotp(ACCOUNTS.activation.secret, Date.now() - 5000), referenceTotp(ACCOUNTS.activation.secret, Date.now())]).toContain(shown.code);
    await popup.cdp.detach();
  });

  it('on another page a QR cut by the fold gets a message that says to make the whole QR visible', async () => {
    session = await start();
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${EKINERJA}/mfa-qr`);
    const img = page.getByRole('img', { name: 'Kode QR akun MFA' });
    await img.evaluate((el) => {
      (el as HTMLElement).style.marginTop = `${600 - el.getBoundingClientRect().top}px`;
    });
    expect(((await img.boundingBox())!.y)).toBeLessThan(720);
    await page.bringToFront();
    const popup = await openRealPopup(session, `${EKINERJA}/mfa-qr`);
    const alert = await popup.run<string>(`(async () => { ${POPUP_HELPERS}
      (await wait(() => button('Tambah akun'))).click();
      (await wait(() => button('Pindai kode QR di tab ini'))).click();
      return (await wait(() => document.querySelector('[role=alert]'))).textContent;
    })()`);
    expect(alert).toBe('Tidak ada kode QR utuh yang terlihat di tab ini. Gulir atau perbesar jendela sampai seluruh kode QR terlihat, lalu coba lagi.');
    await popup.cdp.detach();
  });
});

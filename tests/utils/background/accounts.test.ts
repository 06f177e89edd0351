import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MIN_ITERATIONS } from '@/utils/vault/crypto';
import { unwrap } from 'idb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb, type Db } from '@/utils/db/db';
import { VAULT_KEY } from '@/utils/db/schema';
import { accountsCapability, AccountsError, pickSsoAccount, TAB_READ_KEPT_MS, type AccountsDeps } from '@/utils/background/accounts';
import { createService } from '@/utils/background/service';
import { createQueue } from '@/utils/background/queue';
import type { Capability, Handlers, RefreshContext } from '@/utils/background/capability';
import type { AccountsProtocol } from '@/utils/messaging/accounts';
import { AUTO_LOCK_ALARM } from '@/utils/vault/vault';
import { appliedOffset, clockTooFar, type CodesSnapshot } from '@/utils/vault/snapshot';
import { clockCheckItem, codesSnapshotItem, lockAtItem, vaultKeyItem } from '@/utils/storage/items';
import { qrImage } from '../totp/qr-encoder';
import { graySource, grayFromRgba } from '@/utils/totp/qr';
import { migrationUri, referenceTotp } from '../vault/reference';
import { PROPERTY_TIMEOUT_MS } from '../../helpers/property';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const SECRET2 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const NIP = '199001012015011001';
const LINK = `otpauth://totp/public-siasn:${NIP}?secret=${SECRET}&digits=6&algorithm=SHA1&issuer=public-siasn&period=30`;
const GITHUB = `otpauth://totp/GitHub:budi?secret=${SECRET2}&issuer=GitHub`;
const FAST = 1000;

let db: Db;
let n = 0;
let clock: number;
let fetches: { url: string; init: RequestInit }[];
let fetchReply: (() => Promise<{ headers: Headers }>) | null;

/** "data:image/png;base64,<text>" stands for an image of a QR code holding <text>; the fake decoder draws it. */
const qrDataUrl = (text: string) => `data:image/png;base64,${btoa(text)}`;
const fakes = (): Partial<AccountsDeps> => ({
  iterations: FAST,
  async decodeImage(dataUrl) {
    if (!dataUrl.startsWith('data:image/png;base64,')) throw new AccountsError('mfa_err_image');
    const text = atob(dataUrl.slice('data:image/png;base64,'.length));
    if (text === 'blank') return graySource({ data: new Uint8Array(120 * 120).fill(255), width: 120, height: 120 });
    const img = qrImage(text, { scale: 3 });
    return graySource(grayFromRgba(img.data, img.width, img.height));
  },
  async captureTab() {
    return qrDataUrl(GITHUB);
  },
  async pageQr() {
    return null;
  },
  async fetch(url, init) {
    fetches.push({ url, init });
    if (!fetchReply) throw new TypeError('Failed to fetch');
    return fetchReply();
  },
});

function handlersWith(over: Partial<AccountsDeps> = {}): { h: Capability<keyof AccountsProtocol>['handlers']; cap: Capability<keyof AccountsProtocol> } {
  const unused = async () => { throw new Error('not used'); };
  const deps = { db: async () => db, now: () => new Date(clock), readDay: unused, refresh: unused, exclusive: createQueue({ name: 'exclusive' }), saveOutcome: unused };
  const cap = accountsCapability(deps, { ...fakes(), ...over });
  return { h: cap.handlers, cap };
}

/** The popup's "Pindai kode QR di tab ini" as the user answers it: read, then "Ya, simpan" to what was shown. */
async function addFromTab(h: Capability<keyof AccountsProtocol>['handlers'], windowId: number) {
  const asked = await h.addAccounts({ source: { kind: 'tab', windowId } });
  if (!('needsConfirm' in asked)) return asked;
  return h.addAccounts({ source: { kind: 'tab', windowId }, confirm: asked.needsConfirm });
}

async function snapshot(): Promise<CodesSnapshot> {
  return (await codesSnapshotItem.getValue())!;
}

async function raw() {
  return { accounts: await db.getAll('accounts'), vault: await db.get('vault', VAULT_KEY) };
}

beforeEach(async () => {
  db = await openDb(`accounts-test-${n++}`);
  clock = Date.UTC(2026, 10, 30, 0, 0, 10); // 07:00:10 WIB
  fetches = [];
  fetchReply = null;
});
afterEach(() => db.close());

describe('adding accounts', () => {
  it('adds a pasted link; the popup snapshot gets it with its secret (no passphrase)', async () => {
    const { h } = handlersWith();
    const res = await h.addAccounts({ source: { kind: 'text', text: `  ${LINK}\n` } });
    expect(res).toMatchObject({ ok: true, added: [{ issuer: 'public-siasn', account: NIP, algorithm: 'SHA1', digits: 6, period: 30, pinned: false }] });
    expect(JSON.stringify(res)).not.toContain(SECRET); // the pages never get secrets back
    const list = await h.listAccounts(undefined);
    expect(list.accounts.map((a) => a.account)).toEqual([NIP]);
    expect(list.vault.mode).toBe('none');
    const [stored] = (await raw()).accounts;
    expect(stored).toMatchObject({ secret: SECRET, createdAt: new Date(clock).toISOString() });
    expect(stored!.sealed).toBeUndefined();
    expect((await snapshot()).accounts).toEqual([expect.objectContaining({ account: NIP, secret: SECRET })]);
    // Over messages (which content scripts can send too) the snapshot comes without secrets.
    const answered = await h.getCodesSnapshot(undefined);
    expect(answered.accounts).toEqual([expect.objectContaining({ account: NIP })]);
    expect(JSON.stringify(answered)).not.toContain(SECRET);
    // Nothing about accounts in storage.local.
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(SECRET);
  });

  it('asks about duplicates and writes nothing until the user chooses', async () => {
    const { h } = handlersWith();
    await h.addAccounts({ source: { kind: 'text', text: LINK } });
    const again = await h.addAccounts({ source: { kind: 'text', text: LINK.replace(SECRET, SECRET.toLowerCase().replace(/(.{4})/g, '$1 ')) } });
    expect(again).toEqual({ ok: false, needsChoice: true, duplicates: [{ issuer: 'public-siasn', account: NIP }], fresh: 0 });
    expect(await db.count('accounts')).toBe(1);

    const skip = await h.addAccounts({ source: { kind: 'text', text: LINK }, duplicates: 'skip' });
    expect(skip).toMatchObject({ ok: true, added: [], duplicatesSkipped: 1 });
    expect(await db.count('accounts')).toBe(1);

    const add = await h.addAccounts({ source: { kind: 'text', text: LINK }, duplicates: 'add' });
    expect(add).toMatchObject({ ok: true, added: [{ account: NIP }] });
    expect(await db.count('accounts')).toBe(2);
  });

  it('a same name with another key is not a duplicate', async () => {
    const { h } = handlersWith();
    await h.addAccounts({ source: { kind: 'text', text: LINK } });
    const res = await h.addAccounts({ source: { kind: 'text', text: LINK.replace(SECRET, SECRET2) } });
    expect(res.ok).toBe(true);
    expect(await db.count('accounts')).toBe(2);
  });

  it('imports a Google Authenticator export with two accounts in one go', async () => {
    const { h } = handlersWith();
    const uri = migrationUri([
      { secret: SECRET, name: NIP, issuer: 'public-siasn' },
      { secret: SECRET2, name: 'budi@example.id', issuer: 'Google' },
    ]);
    const res = await h.addAccounts({ source: { kind: 'text', text: uri } });
    expect(res.ok && res.added.map((a) => `${a.issuer}:${a.account}`)).toEqual([`public-siasn:${NIP}`, 'Google:budi@example.id']);
    const snap = await snapshot();
    expect(snap.accounts.map((a) => a.secret).sort()).toEqual([SECRET, SECRET2].sort());
  });

  it('types a key by hand ("tidak bisa memindai?"), grouped and in lower case', async () => {
    const { h } = handlersWith();
    const res = await h.addAccounts({
      source: { kind: 'manual', entry: { issuer: 'public-siasn', account: ` ${NIP} `, secret: 'jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp' } },
    });
    expect(res).toMatchObject({ ok: true, added: [{ issuer: 'public-siasn', account: NIP }] });
    expect((await raw()).accounts[0]!.secret).toBe(SECRET);
  });

  it('reads a QR image and the QR code on the tab, and says at which size', async () => {
    const { h } = handlersWith();
    expect(await h.addAccounts({ source: { kind: 'image', dataUrl: qrDataUrl(LINK) } })).toMatchObject({
      ok: true,
      added: [{ account: NIP }],
      qr: { from: 'image', original: true },
    });
    expect(await addFromTab(h, 3)).toMatchObject({
      ok: true,
      added: [{ issuer: 'GitHub', account: 'budi' }],
      qr: { from: 'screen', original: true },
    });
  });

  it('a tab\'s QR code is saved only after the user confirmed exactly what it holds (issue 12, finding 3)', async () => {
    let shown = LINK;
    let reads = 0;
    const { h } = handlersWith({ pageQr: async () => { reads++; return qrDataUrl(shown); } });
    const before = await raw();
    const tab = { kind: 'tab', windowId: 7 } as const;
    const preview = { issuer: 'public-siasn', account: NIP, keyEnd: SECRET.slice(-4) };
    expect(await h.addAccounts({ source: tab })).toEqual({ ok: false, needsConfirm: [preview], qr: expect.objectContaining({ from: 'page' }) });
    expect(await raw()).toEqual(before); // nothing written before the answer
    // Answers that are not exactly what was shown ask again and write nothing.
    for (const confirm of [[], [{ ...preview, account: 'x' }], [{ ...preview, keyEnd: 'AAAA' }], [preview, preview]]) {
      expect(await h.addAccounts({ source: tab, confirm })).toHaveProperty('needsConfirm');
    }
    expect(await raw()).toEqual(before);
    // The page shows another key by the time the user answers, and what was read is no longer kept
    // (5 minutes): the answer is to something else, so it asks again.
    const n = reads;
    shown = `otpauth://totp/public-siasn:${NIP}?secret=${SECRET2}&issuer=public-siasn`;
    clock += TAB_READ_KEPT_MS;
    expect(await h.addAccounts({ source: tab, confirm: [preview] })).toMatchObject({
      ok: false,
      needsConfirm: [{ issuer: 'public-siasn', account: NIP, keyEnd: SECRET2.slice(-4) }],
    });
    expect(reads).toBe(n + 1);
    expect(await raw()).toEqual(before);
    // "Ya, simpan" to what was shown saves exactly that, without reading the tab again.
    const confirm = [{ issuer: 'public-siasn', account: NIP, keyEnd: SECRET2.slice(-4) }];
    shown = LINK;
    expect(await h.addAccounts({ source: tab, confirm })).toMatchObject({ ok: true, added: [{ account: NIP }] });
    expect(reads).toBe(n + 1);
    expect((await raw()).accounts.map((a) => a.secret)).toEqual([SECRET2]);
    // What was read in one window does not answer a scan in another: that tab is read again.
    expect(await h.addAccounts({ source: { kind: 'tab', windowId: 8 } })).toHaveProperty('needsConfirm', [preview]);
    const m = reads;
    expect(await h.addAccounts({ source: tab, confirm: [preview] })).toMatchObject({ ok: true, added: [{ account: NIP }] });
    expect(reads).toBe(m + 1);
  });


  it('on the MFA activation page the tab scan reads the page\'s own QR image, not the screen', async () => {
    const asked: (number | undefined)[] = [];
    const { h } = handlersWith({
      pageQr: async (windowId) => {
        asked.push(windowId);
        return qrDataUrl(LINK);
      },
      captureTab: async () => { throw new Error('the screen must not be captured'); },
    });
    expect(await addFromTab(h, 7)).toMatchObject({ ok: true, added: [{ account: NIP }], qr: { from: 'page' } });
    expect(asked).toEqual([7]); // "Ya, simpan" saves what was read, without reading again
  });

  it('a tab whose screen shows no whole QR code: a message that says to make it all visible', async () => {
    const { h } = handlersWith({ captureTab: async () => qrDataUrl('blank') });
    expect(await h.addAccounts({ source: { kind: 'tab', windowId: 3 } })).toEqual({ ok: false, error: 'mfa_err_no_qr_tab' });
    // The page's answer failing (no content script) falls back to the screen.
    const { h: h2 } = handlersWith({ pageQr: async () => { throw new Error('Could not establish connection.'); } });
    expect(await addFromTab(h2, 3)).toMatchObject({ ok: true, qr: { from: 'screen' } });
  });

  it('bad input gets its own message key and changes nothing', async () => {
    const { h } = handlersWith({ captureTab: async () => { throw new Error('Either the \'<all_urls>\' or \'activeTab\' permission is required.'); } });
    await h.addAccounts({ source: { kind: 'text', text: LINK } });
    const before = await raw();
    const cases: [Parameters<Handlers['addAccounts']>[0]['source'], string][] = [
      [{ kind: 'text', text: 'hello' }, 'otp_err_not_uri'],
      [{ kind: 'text', text: 'https://example.com/?secret=abc' }, 'otp_err_wrong_scheme'],
      [{ kind: 'text', text: `otpauth://hotp/x:y?secret=${SECRET}&counter=1` }, 'otp_err_hotp'],
      [{ kind: 'text', text: 'otpauth://totp/x:y?secret=not!base32' }, 'otp_err_base32'],
      [{ kind: 'text', text: `otpauth://totp/x:y?secret=${SECRET}&algorithm=MD5` }, 'otp_err_algorithm'],
      [{ kind: 'text', text: `otpauth://totp/x:y?secret=${SECRET}&digits=7` }, 'otp_err_digits'],
      [{ kind: 'text', text: `otpauth://totp/?secret=${SECRET}` }, 'otp_err_empty_label'],
      [{ kind: 'text', text: 'otpauth-migration://offline?data=%%%' }, 'otp_err_migration'],
      [{ kind: 'manual', entry: { account: '', secret: SECRET } }, 'otp_err_account_required'],
      [{ kind: 'image', dataUrl: qrDataUrl('blank') }, 'otp_err_no_qr'],
      [{ kind: 'image', dataUrl: 'data:text/plain,hello' }, 'mfa_err_image'],
      [{ kind: 'tab' }, 'mfa_err_capture'],
    ];
    for (const [source, code] of cases) {
      expect(await h.addAccounts({ source }), code).toEqual({ ok: false, error: code });
    }
    expect(await raw()).toEqual(before);
  });

  it('pins, moves, renames and removes; the public-siasn account comes first by default', async () => {
    const { h } = handlersWith();
    await h.addAccounts({ source: { kind: 'text', text: GITHUB } });
    await h.addAccounts({ source: { kind: 'text', text: `otpauth://totp/Bank:budi?secret=${SECRET2}AB` } });
    await h.addAccounts({ source: { kind: 'text', text: LINK } });
    const names = async () => (await h.listAccounts(undefined)).accounts.map((a) => a.issuer);
    expect(await names()).toEqual(['public-siasn', 'GitHub', 'Bank']);
    const ids = Object.fromEntries((await h.listAccounts(undefined)).accounts.map((a) => [a.issuer, a.id]));

    await h.moveAccount({ id: ids.Bank!, direction: 'up' });
    expect(await names()).toEqual(['public-siasn', 'Bank', 'GitHub']);
    await h.updateAccount({ id: ids.GitHub!, pinned: true });
    expect(await names()).toEqual(['GitHub', 'public-siasn', 'Bank']);
    expect((await snapshot()).accounts.map((a) => a.issuer)).toEqual(['GitHub', 'public-siasn', 'Bank']);
    expect(await h.updateAccount({ id: ids.Bank!, account: '  ' })).toEqual({ ok: false, error: 'otp_err_account_required' });
    await h.updateAccount({ id: ids.Bank!, issuer: 'Bank Jateng', account: 'budi.s' });
    expect((await h.listAccounts(undefined)).accounts[2]).toMatchObject({ issuer: 'Bank Jateng', account: 'budi.s' });
    await h.removeAccount(ids.GitHub!);
    expect(await names()).toEqual(['public-siasn', 'Bank Jateng']);
    expect(await h.removeAccount('nope')).toEqual({ ok: false, error: 'mfa_err_not_found' });
  });
});

describe('the vault', () => {
  async function withAccounts(over: Partial<AccountsDeps> = {}) {
    const ctx = handlersWith(over);
    await ctx.h.addAccounts({ source: { kind: 'text', text: LINK } });
    await ctx.h.addAccounts({ source: { kind: 'text', text: GITHUB } });
    return ctx;
  }

  it('a passphrase seals every secret at rest; locked, nothing secret is left anywhere', async () => {
    const { h } = await withAccounts();
    const res = await h.setVaultPassphrase({ current: null, next: 'kopi tubruk pagi' });
    expect(res).toMatchObject({ ok: true, vault: { mode: 'unlocked', autoLockMinutes: 15 } });
    const stored = await raw();
    const text = JSON.stringify(stored);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(SECRET2);
    for (const a of stored.accounts) {
      expect(a.secret).toBeUndefined();
      expect(a.sealed).toEqual({ iv: expect.any(String), ct: expect.any(String) });
    }
    expect(new Set(stored.accounts.map((a) => a.sealed!.iv)).size).toBe(2); // a fresh IV per record
    expect(stored.vault).toMatchObject({ iterations: FAST, autoLockMinutes: 15 });
    // Unlocked: the popup still gets codes.
    expect((await snapshot()).vault).toBe('unlocked');
    expect((await snapshot()).accounts.map((a) => a.secret).sort()).toEqual([SECRET, SECRET2].sort());

    await h.lockVault(undefined);
    const snap = await snapshot();
    expect(snap.vault).toBe('locked');
    expect(snap.accounts.map((a) => a.account)).toEqual([NIP, 'budi']);
    expect(JSON.stringify(snap)).not.toContain(SECRET);
    expect(await vaultKeyItem.getValue()).toBeNull();
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(SECRET);
  });

  it('wrong passphrase: a clear error and nothing changed; the right one unlocks', async () => {
    const { h } = await withAccounts();
    await h.setVaultPassphrase({ current: null, next: 'kopi tubruk pagi' });
    await h.lockVault(undefined);
    const before = await raw();

    expect(await h.unlockVault('kopi tubruk sore')).toEqual({ ok: false, error: 'vault_err_wrong_passphrase' });
    expect(await h.unlockVault('')).toEqual({ ok: false, error: 'vault_err_empty_passphrase' });
    expect(await raw()).toEqual(before);
    expect((await snapshot()).vault).toBe('locked');
    expect(await h.ssoCode({})).toEqual({ ok: false, error: 'vault_err_locked' });
    expect(await h.addAccounts({ source: { kind: 'text', text: `otpauth://totp/X:y?secret=${SECRET2}` } })).toEqual({ ok: false, error: 'vault_err_locked' });
    expect(await raw()).toEqual(before);

    expect(await h.unlockVault('kopi tubruk pagi')).toMatchObject({ ok: true, vault: { mode: 'unlocked' } });
    expect((await snapshot()).accounts.find((a) => a.account === NIP)!.secret).toBe(SECRET);
    const code = await h.ssoCode({});
    expect(code).toMatchObject({ ok: true, code: referenceTotp(SECRET, clock), account: NIP });
  });

  it('changing the passphrase re-encrypts everything; a wrong current one changes nothing', async () => {
    const { h } = await withAccounts();
    await h.setVaultPassphrase({ current: null, next: 'kopi tubruk pagi' });
    const before = await raw();
    expect(await h.setVaultPassphrase({ current: 'salah', next: 'teh manis sore' })).toEqual({ ok: false, error: 'vault_err_wrong_passphrase' });
    expect(await h.setVaultPassphrase({ current: null, next: 'teh manis sore' })).toEqual({ ok: false, error: 'vault_err_wrong_passphrase' });
    expect(await raw()).toEqual(before);

    expect(await h.setVaultPassphrase({ current: 'kopi tubruk pagi', next: 'teh manis sore' })).toMatchObject({ ok: true });
    const after = await raw();
    expect(after.vault!.salt).not.toBe(before.vault!.salt);
    for (const a of after.accounts) {
      expect(a.sealed!.ct).not.toBe(before.accounts.find((b) => b.id === a.id)!.sealed!.ct);
    }
    await h.lockVault(undefined);
    expect(await h.unlockVault('kopi tubruk pagi')).toEqual({ ok: false, error: 'vault_err_wrong_passphrase' });
    expect(await h.unlockVault('teh manis sore')).toMatchObject({ ok: true });
    expect((await snapshot()).accounts.map((a) => a.secret).sort()).toEqual([SECRET, SECRET2].sort());
  });

  it('removing the passphrase stores the secrets plain again and drops the vault record', async () => {
    const { h } = await withAccounts();
    await h.setVaultPassphrase({ current: null, next: 'kopi tubruk pagi' });
    await h.lockVault(undefined);
    expect(await h.setVaultPassphrase({ current: 'kopi tubruk pagi', next: null })).toMatchObject({ ok: true, vault: { mode: 'none' } });
    const after = await raw();
    expect(after.vault).toBeUndefined();
    expect(after.accounts.map((a) => a.secret).sort()).toEqual([SECRET, SECRET2].sort());
    expect(after.accounts.every((a) => a.sealed === undefined)).toBe(true);
    expect((await snapshot()).vault).toBe('none');
  });

  it('a write that fails midway leaves every record and the vault as they were', async () => {
    const { h } = await withAccounts();
    await h.setVaultPassphrase({ current: null, next: 'kopi tubruk pagi' });
    const before = await raw();
    // The second record written fails (as a full disk would): the first write and the clear must roll back.
    const proto = Object.getPrototypeOf(unwrap(db.transaction('accounts').store)) as { put: (...a: unknown[]) => unknown };
    const realPut = proto.put;
    let calls = 0;
    proto.put = function (this: unknown, ...args: unknown[]) {
      if (++calls === 2) throw new DOMException('disk full', 'QuotaExceededError');
      return realPut.apply(this, args);
    };
    try {
      await expect(h.setVaultPassphrase({ current: 'kopi tubruk pagi', next: 'teh manis sore' })).rejects.toThrow('disk full');
    } finally {
      proto.put = realPut;
    }
    expect(calls).toBe(2);
    expect(await raw()).toEqual(before);
    await h.lockVault(undefined);
    expect(await h.unlockVault('kopi tubruk pagi')).toMatchObject({ ok: true });
  });

  it('auto-locks: an alarm at the deadline, and the deadline itself even when the alarm is late', async () => {
    const { h, cap } = await withAccounts();
    await h.setVaultPassphrase({ current: null, next: 'kopi tubruk pagi' });
    expect(await h.setAutoLock(0)).toEqual({ ok: false, error: 'vault_err_auto_lock' });
    expect(await h.setAutoLock(5)).toMatchObject({ ok: true, vault: { mode: 'unlocked', autoLockMinutes: 5, lockAt: clock + 5 * 60_000 } });
    expect((await fakeBrowser.alarms.get(AUTO_LOCK_ALARM))?.scheduledTime).toBe(clock + 5 * 60_000);
    expect(await lockAtItem.getValue()).toBe(clock + 5 * 60_000);

    // Use pushes the deadline.
    clock += 4 * 60_000;
    await h.mfaPopupOpened(undefined);
    expect((await fakeBrowser.alarms.get(AUTO_LOCK_ALARM))?.scheduledTime).toBe(clock + 5 * 60_000);
    // An early (stale) alarm does not lock.
    expect(await cap.onAlarm!(AUTO_LOCK_ALARM)).toBe(true);
    expect((await h.listAccounts(undefined)).vault.mode).toBe('unlocked');

    clock += 5 * 60_000;
    expect(await cap.onAlarm!(AUTO_LOCK_ALARM)).toBe(true);
    expect((await h.listAccounts(undefined)).vault.mode).toBe('locked');
    expect((await snapshot()).vault).toBe('locked');
    expect(await vaultKeyItem.getValue()).toBeNull();
    expect(await lockAtItem.getValue()).toBeNull();

    // Without the alarm: past the deadline the key is not used.
    await h.unlockVault('kopi tubruk pagi');
    clock += 5 * 60_000 + 1;
    expect(await h.ssoCode({})).toEqual({ ok: false, error: 'vault_err_locked' });
    expect(await cap.onAlarm!('something-else')).toBe(false);
  });

  it('survives a service-worker restart while unlocked (key in storage.session), not a browser restart', async () => {
    const first = await withAccounts();
    await first.h.setVaultPassphrase({ current: null, next: 'kopi tubruk pagi' });
    const second = handlersWith(); // a new worker: empty memory, same session storage
    expect(await second.h.ssoCode({})).toMatchObject({ ok: true, code: referenceTotp(SECRET, clock) });
    await fakeBrowser.storage.session.clear(); // the browser closed
    const third = handlersWith();
    await third.cap.onStartup!();
    expect(await third.h.ssoCode({})).toEqual({ ok: false, error: 'vault_err_locked' });
    expect((await snapshot()).vault).toBe('locked');
  });

  it('use and refreshes that overlap a lock never bring back the key or the codes', async () => {
    const { h, cap } = await withAccounts();
    await h.setVaultPassphrase({ current: null, next: 'kopi tubruk pagi' });
    for (let round = 0; round < 3; round++) {
      expect(await h.unlockVault('kopi tubruk pagi')).toMatchObject({ ok: true });
      // Started before the lock (the popup opens, a page asks a code, the day's picture refreshes).
      const before = [
        cap.onRefresh!({} as RefreshContext),
        h.mfaPopupOpened(undefined),
        h.ssoCode({}),
        h.getCodesSnapshot(undefined),
      ];
      const locked = h.lockVault(undefined);
      await Promise.all([...before, locked]);
      expect((await locked).vault.mode).toBe('locked');
      const snap = await snapshot();
      expect(snap.vault).toBe('locked');
      expect(JSON.stringify(snap)).not.toContain(SECRET);
      expect(await vaultKeyItem.getValue()).toBeNull();
      expect(await lockAtItem.getValue()).toBeNull();
      expect(await h.ssoCode({})).toEqual({ ok: false, error: 'vault_err_locked' });
    }
  });

  it('a refresh whose snapshot is being written when the lock comes cannot leave codes behind', async () => {
    const { h, cap } = await withAccounts();
    await h.setVaultPassphrase({ current: null, next: 'kopi tubruk pagi' });
    // The refresh's snapshot has read the codes and is reading the clock when the user locks.
    const sessionGet = fakeBrowser.storage.session.get.bind(fakeBrowser.storage.session) as (keys: string) => Promise<Record<string, unknown>>;
    let locked: Promise<unknown> | undefined;
    const spy = vi.spyOn(fakeBrowser.storage.session, 'get').mockImplementation(async (keys) => {
      if (!locked && JSON.stringify(keys ?? null).includes('clockCheck')) {
        locked = h.lockVault(undefined);
        // Gives the lock its chance to finish first (it cannot when it waits its turn).
        await Promise.race([locked, new Promise((r) => setTimeout(r, 50))]);
      }
      return sessionGet(keys as string);
    });
    await cap.onRefresh!({} as RefreshContext);
    await locked;
    spy.mockRestore();
    const snap = await snapshot();
    expect(snap.vault).toBe('locked');
    expect(JSON.stringify(snap)).not.toContain(SECRET);
    expect(JSON.stringify(snap)).not.toContain(SECRET2);
  });

  it('a job that hangs in the shared queue (a restore deriving forever) does not block locking forever', async () => {
    const unused = async () => { throw new Error('not used'); };
    const exclusive = createQueue({ name: 'exclusive', timeoutMs: 100 });
    const cap = accountsCapability({ db: async () => db, now: () => new Date(clock), readDay: unused, refresh: unused, exclusive, saveOutcome: unused }, fakes());
    await cap.handlers.setVaultPassphrase({ current: null, next: 'kopi tubruk pagi' });
    const hung = exclusive(() => new Promise<never>(() => undefined));
    const locked = cap.handlers.lockVault(undefined);
    await expect(hung).rejects.toThrow('ran longer than 100 ms');
    await expect(locked).resolves.toMatchObject({ vault: { mode: 'locked' } });
  });

  it('a restored backup with another vault locks the vault (the key no longer fits)', async () => {
    // A backup carries 100,000 iterations at least (FAST would be refused).
    const { h } = await withAccounts({ iterations: MIN_ITERATIONS });
    await h.setVaultPassphrase({ current: null, next: 'kopi tubruk pagi' });
    const service = createService(async () => db, () => new Date(clock), [(d) => accountsCapability(d, fakes())]);
    const file = await service.handlers.exportBackup(undefined);
    await h.setVaultPassphrase({ current: 'kopi tubruk pagi', next: 'teh manis sore' });
    expect(await service.handlers.importBackup(JSON.stringify(file))).toEqual({ ok: true });
    expect((await snapshot()).vault).toBe('locked');
    expect(await h.unlockVault('teh manis sore')).toEqual({ ok: false, error: 'vault_err_wrong_passphrase' });
    expect(await h.unlockVault('kopi tubruk pagi')).toMatchObject({ ok: true });
    expect((await snapshot()).accounts.map((a) => a.secret).sort()).toEqual([SECRET, SECRET2].sort());
  });
});

describe('codes for the SSO page', () => {
  it('gives the current code and the next one, for the right account', async () => {
    const { h } = handlersWith();
    await h.addAccounts({ source: { kind: 'text', text: GITHUB } });
    await h.addAccounts({ source: { kind: 'text', text: LINK } });
    await h.addAccounts({ source: { kind: 'text', text: `otpauth://totp/public-siasn:198501012010011002?secret=${SECRET2}&issuer=public-siasn` } });
    clock = Date.UTC(2026, 10, 30, 0, 0, 28, 500); // 1.5 s left in the step
    const res = await h.ssoCode({});
    expect(res).toEqual({
      ok: true,
      code: referenceTotp(SECRET, clock),
      next: referenceTotp(SECRET, clock + 30_000),
      remainingMs: 1500,
      issuer: 'public-siasn',
      account: NIP,
    });
    expect(await h.ssoCode({ username: '198501012010011002' })).toMatchObject({ code: referenceTotp(SECRET2, clock), account: '198501012010011002' });
  });

  it('tells when there is no account', async () => {
    const { h } = handlersWith();
    expect(await h.ssoCode({})).toEqual({ ok: false, error: 'mfa_err_no_accounts' });
  });

  it('pickSsoAccount: only ASN Digital accounts; asked id, then the user logging in, then the first of them', () => {
    const list = [
      { id: 'a', issuer: 'GitHub', account: 'budi' },
      { id: 'b', issuer: 'public-siasn', account: 'x' },
      { id: 'c', issuer: 'Public-SIASN', account: 'Budi' },
      { id: 'd', issuer: 'Google', account: 'x' },
    ];
    expect(pickSsoAccount(list, { accountId: 'c' })?.id).toBe('c');
    expect(pickSsoAccount(list, { username: ' budi ' })?.id).toBe('c');
    expect(pickSsoAccount(list, {})?.id).toBe('b');
    // Another site's account is never chosen, whatever the page names or asks for.
    expect(pickSsoAccount(list, { accountId: 'a' })).toBeUndefined();
    expect(pickSsoAccount([list[0]!, list[1]!], { username: 'budi' })?.id).toBe('b');
    expect(pickSsoAccount([list[0]!, list[3]!], {})).toBeUndefined();
    expect(pickSsoAccount([list[0]!, list[3]!], { username: 'budi' })).toBeUndefined();
    expect(pickSsoAccount([], {})).toBeUndefined();
  });

  it('a user name planted by the page cannot get another site\'s code; without an ASN Digital account it says so', async () => {
    const { h } = handlersWith();
    await h.addAccounts({ source: { kind: 'text', text: GITHUB } });
    expect(await h.ssoCode({ username: 'budi' })).toEqual({ ok: false, error: 'mfa_err_no_asn_account' });
    expect(await h.ssoCode({})).toEqual({ ok: false, error: 'mfa_err_no_asn_account' });
    await h.addAccounts({ source: { kind: 'text', text: LINK } });
    expect(await h.ssoCode({ username: 'budi' })).toMatchObject({ ok: true, code: referenceTotp(SECRET, clock), issuer: 'public-siasn', account: NIP });
  });

  it('saves the activation page account only with the user\'s confirmation of exactly what it shows (issue 12, finding 3)', async () => {
    const { h } = handlersWith();
    const preview = { issuer: 'public-siasn', account: NIP, keyEnd: '3PXP', sameName: 0 };
    expect(await h.saveActivationAccount({ dataUrl: qrDataUrl(LINK) })).toEqual({ ok: false, needsConfirm: preview });
    expect(await db.count('accounts')).toBe(0);
    // A confirmation of another key, account or issuer is no confirmation of this one.
    for (const wrong of [{ keyEnd: 'QOJQ' }, { account: '198001012006041001' }, { issuer: 'public-siasn2' }]) {
      const confirm = { issuer: 'public-siasn', account: NIP, keyEnd: '3PXP', ...wrong };
      expect(await h.saveActivationAccount({ dataUrl: qrDataUrl(LINK), confirm })).toEqual({ ok: false, needsConfirm: preview });
    }
    expect(await db.count('accounts')).toBe(0);
    const confirm = { issuer: 'public-siasn', account: NIP, keyEnd: '3PXP' };
    const first = await h.saveActivationAccount({ dataUrl: qrDataUrl(LINK), confirm });
    expect(first).toMatchObject({ ok: true, added: true, replaced: 0, code: referenceTotp(SECRET, clock), account: NIP });
    // The same key again: nothing to write, no question, its code.
    expect(await h.saveActivationAccount({ dataUrl: qrDataUrl(LINK) })).toMatchObject({ ok: true, added: false, code: referenceTotp(SECRET, clock) });
    expect(await db.count('accounts')).toBe(1);
    expect(await h.saveActivationAccount({ dataUrl: qrDataUrl('blank') })).toEqual({ ok: false, error: 'otp_err_no_qr' });
  });

  it('another key for a NIP already saved: asks, then adds it first or replaces the old one, as the user said', async () => {
    const { h } = handlersWith();
    await h.addAccounts({ source: { kind: 'text', text: LINK } });
    await h.addAccounts({ source: { kind: 'text', text: GITHUB } });
    // QR unreadable: the key shown under "Unable to scan?" is used, for the user logging in.
    const page = { dataUrl: qrDataUrl('blank'), keyText: 'GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ', username: NIP };
    const preview = { issuer: 'public-siasn', account: NIP, keyEnd: 'QOJQ', sameName: 1 };
    expect(await h.saveActivationAccount(page)).toEqual({ ok: false, needsConfirm: preview });
    // Confirming the account without saying what happens to the old one is not enough.
    const confirm = { issuer: 'public-siasn', account: NIP, keyEnd: 'QOJQ' };
    expect(await h.saveActivationAccount({ ...page, confirm })).toEqual({ ok: false, needsConfirm: preview });
    expect((await snapshot()).accounts.map((a) => a.secret)).toEqual([SECRET, SECRET2]);

    const added = await h.saveActivationAccount({ ...page, confirm: { ...confirm, sameName: 'add' } });
    expect(added).toMatchObject({ ok: true, added: true, replaced: 0, code: referenceTotp(SECRET2, clock), issuer: 'public-siasn', account: NIP });
    expect((await snapshot()).accounts.map((a) => a.secret)).toEqual([SECRET2, SECRET, SECRET2]);
    expect(await h.ssoCode({})).toMatchObject({ code: referenceTotp(SECRET2, clock) });
  });

  it('replace: the old keys of that NIP go in the same write, the new one takes their place; other accounts stay', async () => {
    const { h } = handlersWith();
    await h.addAccounts({ source: { kind: 'text', text: LINK } });
    await h.addAccounts({ source: { kind: 'text', text: GITHUB } });
    const THIRD = 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U';
    const page = { keyText: THIRD, username: NIP };
    const confirm = { issuer: 'public-siasn', account: NIP, keyEnd: 'XE43U'.slice(-4) };
    const res = await h.saveActivationAccount({ ...page, confirm: { ...confirm, sameName: 'replace' } });
    expect(res).toMatchObject({ ok: true, added: true, replaced: 1, code: referenceTotp(THIRD, clock) });
    const after = (await snapshot()).accounts;
    expect(after.map((a) => [a.issuer, a.account, a.secret])).toEqual([['public-siasn', NIP, THIRD], ['GitHub', 'budi', SECRET2]]);
    expect(await db.count('accounts')).toBe(2);
  });
});

describe('the clock check', () => {
  const dateHeader = (ms: number) => new Headers({ date: new Date(ms).toUTCString() });

  it('measures the offset at most once an hour and corrects the codes beyond 10 s', async () => {
    const { h } = handlersWith();
    await h.addAccounts({ source: { kind: 'text', text: LINK } });
    fetchReply = async () => ({ headers: dateHeader(clock + 42_000) });
    const { clock: state } = await h.mfaPopupOpened(undefined);
    // A move beyond 10 s is confirmed by a second reading at once.
    expect(fetches).toHaveLength(2);
    expect(fetches[0]!.url).toBe('https://sso-siasn.bkn.go.id/');
    expect(fetches[0]!.init).toMatchObject({ method: 'HEAD', credentials: 'omit', cache: 'no-store' });
    expect(state.offsetMs! - 42_000).toBeGreaterThanOrEqual(-1000);
    expect(state.offsetMs! - 42_000).toBeLessThanOrEqual(1000);
    expect((await snapshot()).clock).toEqual(state);
    expect(await h.ssoCode({})).toMatchObject({ code: referenceTotp(SECRET, clock + state.offsetMs!) });

    clock += 59 * 60_000;
    await h.mfaPopupOpened(undefined);
    expect(fetches).toHaveLength(2);
    clock += 60_000;
    await h.mfaPopupOpened(undefined);
    // The same offset again: one reading is enough.
    expect(fetches).toHaveLength(3);
  });

  it('offline: no error, keeps the last offset, and does not retry before the hour', async () => {
    const { h } = handlersWith();
    await clockCheckItem.setValue({ offsetMs: -15_000, checkedAt: clock - 2 * 3600_000 });
    const { clock: state } = await h.mfaPopupOpened(undefined);
    expect(state).toEqual({ offsetMs: -15_000, checkedAt: clock, pendingMs: null });
    await h.mfaPopupOpened(undefined);
    expect(fetches).toHaveLength(1);
  });

  it('a Date header a day ahead never shifts the filled code; the popup learns the clock is too far off', async () => {
    const { h } = handlersWith();
    await h.addAccounts({ source: { kind: 'text', text: LINK } });
    fetchReply = async () => ({ headers: dateHeader(clock + 86_400_000) });
    const { clock: state } = await h.mfaPopupOpened(undefined);
    expect(clockTooFar(state)).toBe(true);
    expect(appliedOffset(state)).toBe(0);
    expect(await h.ssoCode({})).toMatchObject({ code: referenceTotp(SECRET, clock) });
  });

  it('one odd reading changes nothing: a large move needs a second, agreeing reading', async () => {
    const { h } = handlersWith();
    await h.addAccounts({ source: { kind: 'text', text: LINK } });
    const answers = [clock + 200_000, clock];
    fetchReply = async () => ({ headers: dateHeader(answers.shift() ?? clock) });
    const { clock: state } = await h.mfaPopupOpened(undefined);
    expect(fetches).toHaveLength(2);
    expect(Math.abs(state.offsetMs ?? 0)).toBeLessThan(1000);
    expect(await h.ssoCode({})).toMatchObject({ code: referenceTotp(SECRET, clock) });
  });

  it('ignores an offset written to storage.local (where content scripts can write) and removes it on update', async () => {
    const { h, cap } = handlersWith();
    await h.addAccounts({ source: { kind: 'text', text: LINK } });
    await fakeBrowser.storage.local.set({ clockCheck: { offsetMs: 120_000, checkedAt: clock } });
    fetchReply = async () => ({ headers: dateHeader(clock) });
    await h.mfaPopupOpened(undefined);
    expect(await h.ssoCode({})).toMatchObject({ code: referenceTotp(SECRET, clock) });
    await cap.onInstalled!();
    expect(await fakeBrowser.storage.local.get('clockCheck')).toEqual({});
  });

  it('small offsets are not applied', async () => {
    const { h } = handlersWith();
    await h.addAccounts({ source: { kind: 'text', text: LINK } });
    clock = Date.UTC(2026, 10, 30, 0, 0, 25);
    fetchReply = async () => ({ headers: dateHeader(clock + 8_000) });
    await h.mfaPopupOpened(undefined);
    expect(await h.ssoCode({})).toMatchObject({ code: referenceTotp(SECRET, clock) });
  });
});

describe('adding accounts (property)', () => {
  it('any pasted text adds accounts or answers a known message key, and a refusal changes nothing', { timeout: PROPERTY_TIMEOUT_MS }, async () => {
    const fc = (await import('fast-check')).default;
    const { loadMessages } = await import('../../i18n-fake');
    const keys = new Set(Object.keys(loadMessages('id')));
    const { h } = handlersWith();
    await h.addAccounts({ source: { kind: 'text', text: LINK } });
    const text = fc.oneof(
      fc.string(),
      fc.string().map((s) => `otpauth://${s}`),
      fc.string().map((s) => `otpauth://totp/${s}`),
      fc.tuple(fc.string(), fc.string()).map(([l, q]) => `otpauth://totp/${encodeURIComponent(l)}?secret=${q}`),
      fc.base64String().map((b) => `otpauth-migration://offline?data=${b}`),
    );
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        const before = await db.count('accounts');
        const res = await h.addAccounts({ source: { kind: 'text', text: t }, duplicates: 'skip' });
        if (res.ok) return;
        expect('error' in res && keys.has(res.error), JSON.stringify(res)).toBe(true);
        expect(await db.count('accounts')).toBe(before);
      }),
      { numRuns: 400 },
    );
  });
});

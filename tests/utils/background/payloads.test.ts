/**
 * Issue 12, finding 7: what a page's content script sends is checked at the background's boundary
 * with the backup's own checks. The hostile payloads of the security review (non-dates, an array
 * key, 1 MB strings, `__proto__`) change nothing, and afterwards the user's export still restores.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb, type Db } from '@/utils/db/db';
import { writeSettings } from '@/utils/settings/store';
import { answer, createService, type Service } from '@/utils/background/service';
import { CONTENT_SCRIPT_PAYLOADS, isMessageImage, MAX_MESSAGE_IMAGE, payloadProblems } from '@/utils/background/payloads';
import type { BackgroundMessage } from '@/utils/messaging/protocol';

let db: Db;
let name: string;
let n = 0;
let service: Service;
const now = new Date('2026-11-25T03:00:00Z');
const kinerja = { url: 'https://kinerja.bkn.go.id/kinerja_harian' };
const sso = { url: 'https://sso-siasn.bkn.go.id/auth/realms/public-siasn/login-actions/authenticate' };
const page = () => ({ url: fakeBrowser.runtime.getURL('/options.html') });
const MB = 'x'.repeat(1024 * 1024);

beforeEach(async () => {
  name = `payloads-test-${n++}`;
  db = await openDb(name);
  service = createService(async () => db, () => now);
  await writeSettings(db, { zone: 'Asia/Jakarta', installedOn: '2026-11-01' });
});
afterEach(() => {
  db.close();
  indexedDB.deleteDatabase(name);
});

const ask = (type: BackgroundMessage, data: unknown, sender = kinerja) => answer(service, type, data, sender);

/** Everything stored, to compare before and after. */
async function everything(): Promise<string> {
  const stores = ['accounts', 'templates', 'reports', 'daysOff', 'settings', 'vault'] as const;
  return JSON.stringify(await Promise.all(stores.map((s) => db.getAll(s))));
}

const HOSTILE: [BackgroundMessage, unknown, typeof kinerja?][] = [
  // Non-dates, impossible dates, an array where a date goes, 1 MB strings, __proto__, extra fields.
  ['recordSiteReading', { ok: true, view: 'week', shown: ['kemarin', '2026-11-24'], withEntries: ['kemarin'] }],
  ['recordSiteReading', { ok: true, view: 'week', shown: ['2026-02-30'], withEntries: ['2026-02-30'] }],
  ['recordSiteReading', { ok: true, view: 'week', shown: [['2026-11-24']], withEntries: [['2026-11-24']] }],
  ['recordSiteReading', { ok: true, view: 'week', shown: [MB], withEntries: [MB] }],
  ['recordSiteReading', { ok: true, view: 'week', shown: Array.from({ length: 5000 }, () => '2026-11-24'), withEntries: [] }],
  ['recordSiteReading', JSON.parse('{"ok":true,"view":"week","shown":["2026-11-24"],"withEntries":["2026-11-24"],"__proto__":{"polluted":1}}')],
  ['recordSiteReading', { ok: true, view: MB, shown: ['2026-11-24'], withEntries: ['2026-11-24'] }],
  ['recordSiteReading', { ok: 'yes', view: 'week', shown: ['2026-11-24'], withEntries: ['2026-11-24'] }],
  ['recordSiteReading', ['2026-11-24']],
  ['recordObserved', { date: ['2026-11-24'], outcome: 'confirmed' }],
  ['recordObserved', { date: 'not-a-date', outcome: 'confirmed' }],
  ['recordObserved', { date: '2026-11-24', outcome: MB }],
  ['recordObserved', JSON.parse('{"date":"2026-11-24","outcome":"confirmed","__proto__":{"isAdmin":true}}')],
  ['recordObserved', { date: '2026-11-24', outcome: 'confirmed', status: 'reported', source: 'manual' }],
  ['rememberRencanaAksi', { id: 'x', rencanaAksi: MB }],
  ['rememberRencanaAksi', { id: ['x'], rencanaAksi: 'a' }],
  ['rememberRencanaAksi', JSON.parse('{"id":"x","rencanaAksi":"a","__proto__":{"x":1}}')],
  ['saveFormAsTemplate', { name: 'A', entry: { rencanaAksi: MB, jamMulai: '07:30', jamSelesai: '12:00', kegiatan: 'k', realisasi: '1', satuan: '', buktiDukung: '' }, replace: false }],
  ['saveFormAsTemplate', { name: '', entry: { rencanaAksi: 'a', jamMulai: '07:30', jamSelesai: '12:00', kegiatan: 'k', realisasi: '1', satuan: '', buktiDukung: '' }, replace: false }],
  ['saveFormAsTemplate', { name: 'A', entry: { ...{ rencanaAksi: 'a', jamMulai: '07:30', jamSelesai: '12:00', kegiatan: 'k', realisasi: '1', satuan: '', buktiDukung: '' }, extra: 'x' }, replace: false }],
  ['saveFormAsTemplate', { name: 'A', entry: { rencanaAksi: 'a', jamMulai: '07:30', jamSelesai: '12:00', kegiatan: 'k', realisasi: '1', satuan: '', buktiDukung: '' }, replace: 'yes' }],
  ['saveFormAsTemplate', JSON.parse('{"name":"A","entry":{"rencanaAksi":"a","jamMulai":"","jamSelesai":"","kegiatan":"","realisasi":"","satuan":"","buktiDukung":"","__proto__":{"x":1}},"replace":false}')],
  ['rememberSiteRencanaAksi', [MB]],
  ['rememberSiteRencanaAksi', Array.from({ length: 5000 }, () => 'a')],
  ['rememberSiteRencanaAksi', [['a']]],
  ['rememberSiteRencanaAksi', 'a'],
  ['templateChoices', { all: true }],
  ['templateForFill', ['x']],
  ['templateForFill', MB],
  ['templateForFill', ''],
  ['getSettings', MB],
  ['ssoCode', { username: MB }, sso],
  ['ssoCode', { accountId: ['a'] }, sso],
  ['ssoCode', JSON.parse('{"username":"budi","__proto__":{"x":1}}'), sso],
  ['saveActivationAccount', { keyText: MB, username: 'budi' }, sso],
  ['saveActivationAccount', { dataUrl: 'javascript:alert(1)' }, sso],
  ['saveActivationAccount', { keyText: 'JBSWY3DPEHPK3PXP', username: ['198001012006041001'] }, sso],
  ['saveActivationAccount', { keyText: 'JBSWY3DPEHPK3PXP', confirm: ['public-siasn'] }, sso],
  ['saveActivationAccount', { keyText: 'JBSWY3DPEHPK3PXP', confirm: { issuer: 'public-siasn', account: '1980', keyEnd: '3PXP', sameName: 'all' } }, sso],
  ['saveActivationAccount', { keyText: 'JBSWY3DPEHPK3PXP', confirm: JSON.parse('{"issuer":"public-siasn","account":"1980","keyEnd":"3PXP","__proto__":{"x":1}}') }, sso],
];

describe('content-script payloads (issue 12, finding 7)', () => {
  it('every message a content script may send has a payload check', () => {
    for (const [, types] of service.allowList) for (const type of types) expect(CONTENT_SCRIPT_PAYLOADS[type], type).toBeTypeOf('function');
  });

  it('refuses every hostile payload, stores nothing, and the export still restores', async () => {
    await ask('recordSiteReading', { ok: true, view: 'week', shown: ['2026-11-23', '2026-11-24'], withEntries: ['2026-11-23'] });
    const before = await everything();
    for (const [type, data, sender] of HOSTILE) {
      await expect(answer(service, type, data, sender ?? kinerja), `${type} ${JSON.stringify(data).slice(0, 80)}`).rejects.toThrow('refused');
    }
    expect(await everything()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const exported = JSON.stringify(await answer(service, 'exportBackup', undefined, page()));
    expect(await answer(service, 'importBackup', exported, page())).toEqual({ ok: true });
    expect(await everything()).toBe(before);
  });

  it('lets what the content scripts really send through', async () => {
    expect(payloadProblems('recordSiteReading', { ok: true, view: 'month', shown: ['2026-11-01'], withEntries: [] })).toEqual([]);
    expect(payloadProblems('recordSiteReading', { ok: false, reason: 'no-calendar' })).toEqual([]);
    expect(payloadProblems('recordObserved', { date: '2026-11-24', outcome: 'unconfirmed' })).toEqual([]);
    expect(payloadProblems('rememberRencanaAksi', { id: 'abc', rencanaAksi: 'Menyusun laporan' })).toEqual([]);
    expect(payloadProblems('templateChoices', undefined)).toEqual([]);
    expect(payloadProblems('saveFormAsTemplate', { name: 'Mengajar', entry: { rencanaAksi: 'a', jamMulai: '07:30', jamSelesai: '12:00', kegiatan: 'k', realisasi: '1', satuan: '', buktiDukung: '' }, replace: false })).toEqual([]);
    expect(payloadProblems('rememberSiteRencanaAksi', ['Menyusun laporan', 'Mengajar'])).toEqual([]);
    expect(payloadProblems('templateForFill', 'c0ffee-1')).toEqual([]);
    expect(payloadProblems('getSettings', undefined)).toEqual([]);
    expect(payloadProblems('ssoCode', {})).toEqual([]);
    expect(payloadProblems('ssoCode', { username: 'budi', accountId: undefined })).toEqual([]);
    expect(payloadProblems('saveActivationAccount', { dataUrl: 'data:image/png;base64,iVBORw0KGgo=', keyText: 'ABCD EFGH', username: '1980' })).toEqual([]);
    expect(payloadProblems('saveActivationAccount', { keyText: 'ABCD EFGH', confirm: { issuer: 'public-siasn', account: '1980', keyEnd: 'EFGH', sameName: 'replace' } })).toEqual([]);
    await expect(ask('recordObserved', { date: '2026-11-24', outcome: 'confirmed' })).resolves.toBeUndefined();
    // Extension pages are not web pages: their messages are the handlers' own business.
    expect(payloadProblems('listAccounts', undefined)).not.toEqual([]);
  });
});

describe('a content script\'s answers', () => {
  it('the activation page\'s QR image is taken only as a data: image within the messages\' limit', () => {
    expect(isMessageImage('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    for (const bad of [null, 42, { dataUrl: 'data:image/png;base64,x' }, 'data:text/html;base64,PGI+', 'https://example.com/qr.png',
      `data:image/png;base64,${'A'.repeat(MAX_MESSAGE_IMAGE)}`]) {
      expect(isMessageImage(bad)).toBe(false);
    }
  });
});

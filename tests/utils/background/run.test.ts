import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb, type Db } from '@/utils/db/db';
import { writeSettings } from '@/utils/settings/store';
import { answer, createService, type Service } from '@/utils/background/service';
import { runCapability, runTabUrl } from '@/utils/background/run';
import { reportRunItem } from '@/utils/storage/items';

let db: Db;
let name: string;
let n = 0;
const now = new Date('2026-11-25T03:00:00Z'); // Wednesday 25 November 2026, 10:00 WIB
let service: Service;
const PAGE = 'https://kinerja.bkn.go.id/kinerja_harian';

beforeEach(async () => {
  fakeBrowser.reset();
  name = `run-test-${n++}`;
  db = await openDb(name);
  service = createService(async () => db, () => now, [runCapability]);
  // Missed: Friday 20, Monday 23, Tuesday 24 November.
  await writeSettings(db, { zone: 'Asia/Jakarta', installedOn: '2026-11-01', countFrom: '2026-11-20' });
});
afterEach(() => {
  db.close();
  indexedDB.deleteDatabase(name);
});

/** A message from the content script of tab `tabId` on the daily-progress page, through the boundary checks. */
const fromTab = (tabId: number, type: 'runTask' | 'runAction' | 'fillDays', data?: unknown) => answer(service, type, data, { url: PAGE, tab: { id: tabId } });

describe('the reporting run in the background', () => {
  it('walks the missed days in order, advancing only on confirmed saves; a failure keeps the day; a day marked by hand is passed over', async () => {
    const started = await service.handlers.startRun({ what: 'missed' });
    expect(started).toMatchObject({ ok: true, run: { kind: 'queue', total: 3, position: 1, date: '2026-11-20' } });
    const id = (await reportRunItem.getValue())!.id;
    // The extension opened the daily-progress page, and the run works in that tab.
    const [tab] = await fakeBrowser.tabs.query({ url: PAGE });
    expect(tab?.id).toBeDefined();
    const tabId = tab!.id!;
    expect((await reportRunItem.getValue())?.tabId).toBe(tabId);

    expect(await fromTab(tabId, 'runTask')).toMatchObject({ date: '2026-11-20', stage: 'open' });
    expect(await fromTab(tabId, 'runAction', { action: 'filled', date: '2026-11-20', id })).toMatchObject({ stage: 'filled' });
    // An unconfirmed save waits; the calendar confirms it; the run moves on.
    await service.handlers.recordObserved({ date: '2026-11-20', outcome: 'unconfirmed' });
    expect(await fromTab(tabId, 'runTask')).toMatchObject({ date: '2026-11-20', stage: 'unconfirmed' });
    await service.handlers.recordSiteReading({ ok: true, view: 'week', shown: ['2026-11-20'], withEntries: ['2026-11-20'] });
    const second = await fromTab(tabId, 'runTask');
    expect(second).toMatchObject({ position: 2, date: '2026-11-23', stage: 'open', reported: 1 });

    await fromTab(tabId, 'runAction', { action: 'filled', date: '2026-11-23', id });
    await service.handlers.recordObserved({ date: '2026-11-23', outcome: 'failed' });
    const failed = await fromTab(tabId, 'runTask') as { attempt: number };
    expect(failed).toMatchObject({ position: 2, date: '2026-11-23', failed: true, stage: 'open' });
    expect(failed.attempt).toBeGreaterThan((second as { attempt: number }).attempt);
    expect((await service.handlers.getStatus(undefined)).missed).toContain('2026-11-23');

    // The 24th is marked by hand meanwhile; skipping the 23rd finishes the run.
    await service.handlers.setReport({ date: '2026-11-24', status: 'reported' });
    expect(await fromTab(tabId, 'runAction', { action: 'skip', date: '2026-11-23', id })).toMatchObject({ finished: true, reported: 1, skipped: 1, already: 1 });
    // A bar left from another run clears nothing; the run's own "Tutup" does.
    expect(await fromTab(tabId, 'runAction', { action: 'dismiss', id: 'an-earlier-run' })).toBeNull();
    expect(await reportRunItem.getValue()).not.toBeNull();
    expect(await fromTab(tabId, 'runAction', { action: 'dismiss', id })).toBeNull();
    expect(await reportRunItem.getValue()).toBeNull();
  });

  it('today is one day, filled even when it has an entry; another live tab gets nothing; a closed tab hands the run over', async () => {
    await service.handlers.setReport({ date: '2026-11-25', status: 'reported' });
    const started = await service.handlers.startRun({ what: 'today' });
    expect(started).toMatchObject({ ok: true, run: { kind: 'one', total: 1, date: '2026-11-25' } });
    const tabId = (await reportRunItem.getValue())!.tabId!;
    const other = (await fakeBrowser.tabs.create({ url: PAGE })).id!;
    expect(await fromTab(other, 'runTask')).toBeNull();
    // The run's tab is closed (an id no tab has any more).
    await reportRunItem.setValue({ ...(await reportRunItem.getValue())!, tabId: tabId + 1000 });
    expect(await fromTab(other, 'runTask')).toMatchObject({ date: '2026-11-25' });
    expect((await reportRunItem.getValue())?.tabId).toBe(other);
    await service.handlers.recordObserved({ date: '2026-11-25', outcome: 'confirmed' });
    expect(await fromTab(other, 'runTask')).toMatchObject({ finished: true, reported: 1 });
  });

  it('a run\'s tab on the ASN Digital login (a login detour) stays the run\'s; a look-alike address does not', () => {
    expect(runTabUrl('https://kinerja.bkn.go.id/kinerja_harian')).toBe(true);
    expect(runTabUrl('https://sso-siasn.bkn.go.id/auth/realms/public-siasn/protocol/openid-connect/auth?x=1')).toBe(true);
    for (const url of ['https://kinerja.bkn.go.id.example.com/kinerja_harian', 'https://example.com/', 'about:blank', undefined]) {
      expect(runTabUrl(url)).toBe(false);
    }
  });

  it('a one-day run whose save waited as "belum terkonfirmasi" ends when the calendar shows the entry', async () => {
    const started = await service.handlers.startRun({ what: 'today' });
    expect(started).toMatchObject({ ok: true, run: { kind: 'one', date: '2026-11-25' } });
    const stored = (await reportRunItem.getValue())!;
    const [tabId, id] = [stored.tabId!, stored.id];
    await fromTab(tabId, 'runAction', { action: 'filled', date: '2026-11-25', id });
    await service.handlers.recordObserved({ date: '2026-11-25', outcome: 'unconfirmed' });
    expect(await fromTab(tabId, 'runTask')).toMatchObject({ date: '2026-11-25', stage: 'unconfirmed', finished: false });
    // A reading without the entry changes nothing; the one that shows it confirms the save.
    await service.handlers.recordSiteReading({ ok: true, view: 'day', shown: ['2026-11-25'], withEntries: [] });
    expect(await fromTab(tabId, 'runTask')).toMatchObject({ stage: 'unconfirmed', finished: false });
    await service.handlers.recordSiteReading({ ok: true, view: 'week', shown: ['2026-11-25'], withEntries: ['2026-11-25'] });
    expect(await fromTab(tabId, 'runTask')).toMatchObject({ finished: true, reported: 1 });
  });

  it('tells the page why today is off by the kind of leave, never the user\'s note', async () => {
    await db.put('daysOff', { id: 'cuti-1', start: '2026-11-25', end: '2026-11-25', kind: 'cuti-tahunan', note: 'Operasi mata di RS Cicendo' });
    const days = await fromTab(1, 'fillDays');
    expect(days).toMatchObject({ today: '2026-11-25', todayOff: { workday: false, reason: 'day-off', kind: 'cuti-tahunan' } });
    expect(JSON.stringify(days)).not.toContain('Cicendo');
  });

  it('refuses a run without days, and content-script messages outside their shape', async () => {
    await writeSettings(db, { countFrom: '2026-11-25' });
    expect(await service.handlers.startRun({ what: 'missed' })).toEqual({ ok: false, reason: 'no-days' });
    expect(await service.handlers.startRun({ what: 'day', date: '2026-02-30' })).toEqual({ ok: false, reason: 'no-days' });
    await expect(fromTab(1, 'runAction', { action: 'skip', date: 'kemarin' })).rejects.toThrow(/refused/);
    await expect(fromTab(1, 'runAction', { action: 'stop', date: '2026-11-20' })).rejects.toThrow(/refused/);
    await expect(answer(service, 'startRun', { what: 'missed' }, { url: PAGE, tab: { id: 1 } })).rejects.toThrow(/may not be asked/);
  });
});

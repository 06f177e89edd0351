import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as items from '@/utils/storage/items';
import { clockCheckItem, codesSnapshotItem, lastFiredAtItem, lastReadingItem, lockAtItem, vaultKeyItem } from '@/utils/storage/items';

/** Every item the module exports, by its export name. */
const named = Object.entries(items).filter(([, v]) => typeof v === 'object' && v !== null && 'key' in v) as [string, typeof lockAtItem][];
const all = named.map(([, item]) => item);

describe('storage items', () => {
  it('keep the names earlier versions wrote, in the right area, each name once', () => {
    expect(Object.fromEntries(named.map(([name, item]) => [name, item.key]))).toEqual({
      lastReadingItem: 'session:lastReading',
      lastFiredAtItem: 'local:reminders.lastFiredAt',
      clockCheckItem: 'session:clockCheck',
      legacyClockCheckItem: 'local:clockCheck',
      codesSnapshotItem: 'session:mfaSnapshot',
      vaultKeyItem: 'session:vaultKey',
      lockAtItem: 'session:mfaLockAt',
      siteDaysSeenItem: 'local:siteDaysSeen',
      syncEnabledItem: 'local:sync.enabled',
      syncLastStateItem: 'local:sync.lastState',
      syncLastOutcomeItem: 'local:sync.lastOutcome',
      reportRunItem: 'session:reportRun',
      siteRencanaAksiItem: 'local:site.rencanaAksi',
      onboardingItem: 'local:onboarding',
      welcomeOpenedItem: 'local:welcome.openedAt',
    });
    expect(new Set(all.map((i) => i.key)).size).toBe(all.length);
  });

  it('read what an earlier version stored under the raw names, and write the same raw values', async () => {
    await fakeBrowser.storage.local.set({ 'reminders.lastFiredAt': 1_777_000_000_000, clockCheck: { offsetMs: 95_000, checkedAt: 1 } });
    await fakeBrowser.storage.session.set({ lastReading: { at: '2026-05-04T08:00:00.000Z', ok: true }, mfaLockAt: 42 });
    expect(await lastFiredAtItem.getValue()).toBe(1_777_000_000_000);
    // The clock check moved to storage.session (content scripts cannot write it): the old local value is not read.
    expect(await clockCheckItem.getValue()).toBeNull();
    expect(await lastReadingItem.getValue()).toEqual({ at: '2026-05-04T08:00:00.000Z', ok: true });
    expect(await lockAtItem.getValue()).toBe(42);

    await vaultKeyItem.setValue({ raw: 'AAAA', verifier: 'v', lockAt: 7 });
    await codesSnapshotItem.setValue({ vault: 'none', accounts: [], clock: { offsetMs: null, checkedAt: null } });
    expect(await fakeBrowser.storage.session.get(['vaultKey', 'mfaSnapshot'])).toEqual({
      vaultKey: { raw: 'AAAA', verifier: 'v', lockAt: 7 },
      mfaSnapshot: { vault: 'none', accounts: [], clock: { offsetMs: null, checkedAt: null } },
    });
    // Nothing secret in storage.local, nor any metadata key beside the values.
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).sort()).toEqual(['clockCheck', 'reminders.lastFiredAt']);
  });

  it('answer null when nothing is stored, and removing leaves nothing behind', async () => {
    for (const item of all) expect(await item.getValue(), item.key).toBeNull();
    await lockAtItem.setValue(5);
    await lockAtItem.removeValue();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });
});

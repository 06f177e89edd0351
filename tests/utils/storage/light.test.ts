import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { codesSnapshotItem, lastFiredAtItem, lockAtItem } from '@/utils/storage/items';
import { CODES_SNAPSHOT, LAST_FIRED_AT, LOCK_AT } from '@/utils/storage/keys';
import { readKeys, watchKey } from '@/utils/storage/light';
import type { CodesSnapshot } from '@/utils/vault/snapshot';

const snap: CodesSnapshot = { vault: 'none', accounts: [], clock: { offsetMs: null, checkedAt: null } };

describe('light storage reads (the popup, without WXT storage)', () => {
  it('read what the items wrote, in order, and null where nothing is stored', async () => {
    expect(await readKeys([CODES_SNAPSHOT, LOCK_AT])).toEqual([null, null]);
    await codesSnapshotItem.setValue(snap);
    await lockAtItem.setValue(42);
    await lastFiredAtItem.setValue(7);
    expect(await readKeys([CODES_SNAPSHOT, LOCK_AT])).toEqual([snap, 42]);
    expect(await readKeys([LAST_FIRED_AT])).toEqual([7]);
    await expect(readKeys([LOCK_AT, LAST_FIRED_AT])).rejects.toThrow(/one storage area/);
  });

  it('watch one key: its new value, null once removed, nothing for other keys or an equal value', async () => {
    const seen = vi.fn();
    const unwatch = watchKey(LOCK_AT, seen);
    await lockAtItem.setValue(5);
    await codesSnapshotItem.setValue(snap);
    await fakeBrowser.storage.local.set({ mfaLockAt: 9 }); // same name, other area
    await vi.waitFor(() => expect(seen).toHaveBeenCalledWith(5));
    await lockAtItem.setValue(5);
    await lockAtItem.removeValue();
    await vi.waitFor(() => expect(seen).toHaveBeenLastCalledWith(null));
    expect(seen.mock.calls).toEqual([[5], [null]]);
    unwatch();
    await lockAtItem.setValue(6);
    expect(seen).toHaveBeenCalledTimes(2);
  });
});

/**
 * A fake `storage.sync` area with Chrome's quotas: a set() over QUOTA_BYTES, QUOTA_BYTES_PER_ITEM
 * or MAX_ITEMS is refused whole, with Chrome's error texts; values are stored as JSON copies.
 */
import { SYNC_QUOTA } from '@/utils/sync/chunks';
import type { SyncArea } from '@/utils/sync/engine';

const bytes = (k: string, v: string) => new TextEncoder().encode(k).length + new TextEncoder().encode(v).length;

export class FakeSyncArea implements SyncArea {
  data = new Map<string, string>();
  writes = 0;
  constructor(readonly quota = SYNC_QUOTA) {}
  async get(): Promise<Record<string, unknown>> {
    return Object.fromEntries([...this.data].map(([k, v]) => [k, JSON.parse(v) as unknown]));
  }
  async set(items: Record<string, unknown>): Promise<void> {
    const next = new Map(this.data);
    for (const [k, v] of Object.entries(items)) {
      const json = JSON.stringify(v);
      if (bytes(k, json) > this.quota.QUOTA_BYTES_PER_ITEM) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      next.set(k, json);
    }
    if (next.size > this.quota.MAX_ITEMS) throw new Error('MAX_ITEMS quota exceeded');
    if ([...next].reduce((n, [k, v]) => n + bytes(k, v), 0) > this.quota.QUOTA_BYTES) throw new Error('QUOTA_BYTES quota exceeded');
    this.data = next;
    this.writes++;
  }
  async remove(keys: string[]): Promise<void> {
    for (const k of keys) this.data.delete(k);
  }
  usedBytes(): number {
    return [...this.data].reduce((n, [k, v]) => n + bytes(k, v), 0);
  }
  /** What the browser's sync service does: bring another computer's copy here (all of it, or some keys). */
  receiveFrom(other: FakeSyncArea, keys?: string[]): void {
    for (const k of keys ?? [...other.data.keys()]) {
      const v = other.data.get(k);
      if (v === undefined) this.data.delete(k);
      else this.data.set(k, v);
    }
    for (const k of [...this.data.keys()]) if (!keys && !other.data.has(k)) this.data.delete(k);
  }
}

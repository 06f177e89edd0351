import { describe, expect, it } from 'vitest';
import type { DayOffRecord, TemplateRecord } from '@/utils/db/schema';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/settings';
import { chunkKey, cutText, decodeState, encodeState, MANIFEST_KEY, SYNC_QUOTA } from '@/utils/sync/chunks';
import { syncOnce, type LocalSide } from '@/utils/sync/engine';
import { emptyState, type LocalPlan, type SyncState } from '@/utils/sync/merge';
import { FakeSyncArea } from './fake-sync-area';
import { template } from './merge.test';

/** One simulated browser: its own database (templates, days off, settings) and its own sync area. */
class Browser implements LocalSide {
  templates = new Map<string, TemplateRecord>();
  daysOff = new Map<string, DayOffRecord>();
  settings: Settings = { ...DEFAULT_SETTINGS };
  last: SyncState = emptyState();
  /** MFA accounts and the Jurnal live here too; they must never reach the sync area. */
  secrets = { accounts: [{ secret: 'JBSWY3DPEHPK3PXP' }], jurnal: [{ kegiatan: 'rahasia jurnal' }] };
  area = new FakeSyncArea();
  constructor(readonly name: string) {}
  async read() {
    return { templates: [...this.templates.values()], daysOff: [...this.daysOff.values()], settings: this.settings };
  }
  async apply(plan: LocalPlan) {
    for (const t of plan.putTemplates) this.templates.set(t.id, t);
    for (const id of plan.deleteTemplates) this.templates.delete(id);
    for (const d of plan.putDaysOff) this.daysOff.set(d.id, d);
    for (const id of plan.deleteDaysOff) this.daysOff.delete(id);
    this.settings = { ...this.settings, ...plan.settings };
  }
  async lastState() { return this.last; }
  async saveLastState(s: SyncState) { this.last = s; }
  sync(now: number) { return syncOnce(this.area, this, now); }
}

describe('two browsers syncing', () => {
  it('a conflicting edit of one template: the later edit wins, nothing else is lost', async () => {
    const office = new Browser('office');
    const home = new Browser('home');
    office.templates.set('a', template('a', { name: 'Mengajar' }));
    office.templates.set('b', template('b', { name: 'Rapat' }));
    office.settings.targetTime = '15:00';
    expect(await office.sync(1_000)).toMatchObject({ status: 'synced', pushed: true });
    home.area.receiveFrom(office.area);
    expect(await home.sync(2_000)).toMatchObject({ status: 'synced', pulled: 3, pushed: false });
    expect([...home.templates.keys()].sort()).toEqual(['a', 'b']);
    expect(home.settings.targetTime).toBe('15:00');
    expect(home.settings.installedOn).toBeNull();

    // Offline, both edit template a; home also edits b's satuan, office adds c and deletes nothing.
    office.templates.set('a', template('a', { name: 'Mengajar (kantor)' }));
    office.templates.set('c', template('c', { name: 'Piket' }));
    home.templates.set('a', template('a', { name: 'Mengajar (rumah)' }));
    home.templates.set('b', template('b', { name: 'Rapat', satuan: 'Kegiatan' }));
    home.daysOff.set('cuti', { id: 'cuti', start: '2026-12-08', end: '2026-12-09', kind: 'cuti-tahunan', note: '' });
    await office.sync(3_000); // office's edit of a at 3000
    await home.sync(4_000); // home's edit of a at 4000 (later), on its own copy
    // The sync service exchanges the copies; each merges the other's.
    const officeCopy = new FakeSyncArea();
    officeCopy.receiveFrom(office.area);
    office.area.receiveFrom(home.area);
    home.area.receiveFrom(officeCopy);
    await office.sync(5_000);
    await home.sync(5_000);
    home.area.receiveFrom(office.area); // whichever copy the service keeps, both converge
    await home.sync(6_000);
    office.area.receiveFrom(home.area);
    await office.sync(6_000);

    for (const b of [office, home]) {
      expect(b.templates.get('a')!.name).toBe('Mengajar (rumah)');
      expect(b.templates.get('b')!.satuan).toBe('Kegiatan');
      expect(b.templates.get('c')!.name).toBe('Piket');
      expect([...b.daysOff.keys()]).toEqual(['cuti']);
      expect(b.settings.targetTime).toBe('15:00');
    }
    expect(await office.read()).toEqual(await home.read());
    const synced = JSON.stringify(await office.area.get());
    expect(synced).not.toContain('JBSWY3DPEHPK3PXP');
    expect(synced).not.toContain('rahasia jurnal');
  });

  it('a deletion on one browser removes the template on the other; an older edit does not bring it back', async () => {
    const a = new Browser('a');
    const b = new Browser('b');
    a.templates.set('x', template('x'));
    await a.sync(1);
    b.area.receiveFrom(a.area);
    await b.sync(2);
    b.templates.set('x', template('x', { name: 'edit lama' }));
    await b.sync(3); // edited at 3
    a.templates.delete('x');
    await a.sync(4); // deleted at 4
    b.area.receiveFrom(a.area);
    await b.sync(5);
    expect(b.templates.has('x')).toBe(false);
  });

  it('when the sync storage is full, nothing is written there and local data stays', async () => {
    const a = new Browser('a');
    const big = 'x'.repeat(2_000);
    for (let i = 0; i < 60; i++) a.templates.set(`t${i}`, template(`t${i}`, { kegiatan: big }));
    const before = JSON.stringify(await a.read());
    const out = await a.sync(1);
    expect(out).toMatchObject({ status: 'full', quota: SYNC_QUOTA.QUOTA_BYTES - 1_024 });
    expect((out as { bytes: number }).bytes).toBeGreaterThan(120_000);
    expect(a.area.data.size).toBe(0);
    expect(JSON.stringify(await a.read())).toBe(before);
    // Removing some templates makes it fit again.
    for (let i = 0; i < 30; i++) a.templates.delete(`t${i}`);
    expect(await a.sync(2)).toMatchObject({ status: 'synced', pushed: true });
    expect(a.area.usedBytes()).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES);
  });

  it('a copy that arrived only in part is not merged; the round waits', async () => {
    const a = new Browser('a');
    const b = new Browser('b');
    for (let i = 0; i < 20; i++) a.templates.set(`t${i}`, template(`t${i}`, { kegiatan: 'y'.repeat(900) }));
    await a.sync(1);
    expect(a.area.data.size).toBeGreaterThan(2);
    b.area.receiveFrom(a.area, [MANIFEST_KEY, chunkKey(0)]);
    expect(await b.sync(2)).toEqual({ status: 'waiting' });
    expect(b.templates.size).toBe(0);
    b.area.receiveFrom(a.area);
    expect(await b.sync(3)).toMatchObject({ status: 'synced', pulled: 20 });
  });

  it('a shorter copy removes the chunks of a longer one', async () => {
    const a = new Browser('a');
    for (let i = 0; i < 20; i++) a.templates.set(`t${i}`, template(`t${i}`, { kegiatan: 'y'.repeat(900) }));
    await a.sync(1);
    const many = a.area.data.size;
    a.templates.clear();
    await a.sync(2);
    expect(a.area.data.size).toBeLessThan(many);
    expect(a.area.data.size).toBe(2);
  });
});

describe('chunks', () => {
  it('cuts text within the per-item quota, never inside a character, and joins back', () => {
    const text = `${'é"\\\n'.repeat(3000)}😀${'a😀'.repeat(2000)}`;
    const pieces = cutText(text, 8_192, 12);
    expect(pieces.join('')).toBe(text);
    for (const p of pieces) {
      expect(new TextEncoder().encode(JSON.stringify(p)).length + 12).toBeLessThanOrEqual(8_192);
      expect(/^[\uDC00-\uDFFF]/.test(p)).toBe(false);
    }
  });
  it('round-trips a state and refuses a changed chunk', () => {
    const s: SyncState = { templates: { a: { updatedAt: 1, value: template('a', { kegiatan: 'Ünïcødé 😀 "q"' }) } }, daysOff: {}, settings: {} };
    const enc = encodeState(s);
    if (!enc.ok) throw new Error('should fit');
    expect(decodeState(enc.items)).toEqual({ ok: true, state: s });
    expect(decodeState({ ...enc.items, [chunkKey(0)]: (enc.items[chunkKey(0)] as string).replace('a', 'b') })).toEqual({ ok: false, reason: 'torn' });
    expect(decodeState({})).toEqual({ ok: true, state: null });
    expect(decodeState({ [MANIFEST_KEY]: { v: 99, n: 1, len: 1, hash: 'x' } })).toEqual({ ok: false, reason: 'newer-format' });
  });
});

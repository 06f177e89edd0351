/**
 * Sync through the background service: two simulated browsers, each with its own database, its
 * own storage.local items and its own fake sync area (Chrome's quotas); the browser's sync
 * service is played by FakeSyncArea.receiveFrom.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDb, type Db } from '@/utils/db/db';
import { createService, type Service } from '@/utils/background/service';
import { templatesCapability } from '@/utils/background/templates';
import { makeSyncCapability, type Item, type SyncItems } from '@/utils/background/sync';
import { readSettings } from '@/utils/settings/store';
import { decodeState, MANIFEST_KEY } from '@/utils/sync/chunks';
import type { TemplateDraft } from '@/utils/templates/validate';
import { FakeSyncArea } from '../sync/fake-sync-area';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

function memory<T>(value: T): Item<T> {
  return { getValue: async () => value, setValue: async (v) => { value = v; } };
}

const opened: Array<{ db: Db; name: string }> = [];
let n = 0;
afterEach(() => {
  for (const { db, name } of opened.splice(0)) {
    db.close();
    indexedDB.deleteDatabase(name);
  }
});

class Browser {
  area = new FakeSyncArea();
  items: SyncItems = { enabled: memory<boolean | null>(null), lastState: memory(null), lastOutcome: memory(null) };
  clock = 0;
  service!: Service;
  db!: Db;
  static async open(delayMs = 3_600_000): Promise<Browser> {
    const b = new Browser();
    const name = `sync-test-${n++}`;
    b.db = await openDb(name);
    opened.push({ db: b.db, name });
    b.service = createService(async () => b.db, () => new Date(b.clock), [
      templatesCapability, makeSyncCapability({ area: () => b.area, delayMs, items: b.items }),
    ]);
    // Secrets and the Jurnal are in the same database; they must never reach the sync area.
    await b.db.put('accounts', { id: 'acc', issuer: 'ASN Digital', account: 'guru@sekolah', secret: SECRET, algorithm: 'SHA1', digits: 6, period: 30, order: 0, pinned: false, createdAt: '2026-01-01T00:00:00.000Z' } as never);
    await b.db.put('jurnal', { id: 'j1', date: '2026-11-02', rencanaAksi: 'RA', jamMulai: '07:30', jamSelesai: '09:00', kegiatan: 'kegiatan rahasia jurnal', realisasi: 1, satuan: 'JP', buktiDukung: '', source: 'typed', recordedAt: '2026-11-02T02:00:00.000Z' });
    return b;
  }
  /** One round now, at `clock`. */
  async sync(clock: number) {
    this.clock = clock;
    return this.service.handlers.setSyncEnabled(true);
  }
  async save(draft: Partial<TemplateDraft> & { name: string }) {
    const res = await this.service.handlers.saveTemplate({
      rencanaAksi: 'Melaksanakan pembelajaran', jamMulai: '07:30', jamSelesai: '09:00', kegiatan: 'Mengajar', realisasi: '1',
      satuan: 'JP', buktiDukung: '', weekdays: [1, 2, 3, 4, 5], ...draft,
    } as TemplateDraft);
    if (!res.ok) throw new Error(JSON.stringify(res.errors));
    return res.template;
  }
  async byName() {
    return Object.fromEntries((await this.service.handlers.listTemplates(undefined)).map((t) => [t.name, t]));
  }
}

describe('sync through the background (two browsers, two fake sync areas)', () => {
  it('the later edit of the same template wins on both; nothing else is lost; no secret or Jurnal entry is synced', async () => {
    const office = await Browser.open();
    const home = await Browser.open();
    const a = await office.save({ name: 'Mengajar' });
    const b = await office.save({ name: 'Rapat' });
    expect(await office.sync(1_000)).toMatchObject({ enabled: true, last: { status: 'synced', pushed: true } });

    home.area.receiveFrom(office.area);
    expect(await home.sync(2_000)).toMatchObject({ last: { status: 'synced', pulled: 2 } });
    expect(Object.keys(await home.byName()).sort()).toEqual(['Mengajar', 'Rapat']);

    // Both edit template a offline; office adds c, home changes b's satuan and a setting.
    await office.save({ id: a.id, name: 'Mengajar (kantor)' });
    await office.save({ name: 'Piket' });
    await home.save({ id: a.id, name: 'Mengajar (rumah)' });
    await home.save({ id: b.id, name: 'Rapat', satuan: 'Kegiatan' });
    await home.service.handlers.saveSettings({ targetTime: '15:30' });
    await office.sync(3_000); // office's edit of a at 3000
    await home.sync(4_000); // home's, later

    // The sync service brings each the other's copy.
    const officeCopy = new FakeSyncArea();
    officeCopy.receiveFrom(office.area);
    office.area.receiveFrom(home.area);
    home.area.receiveFrom(officeCopy);
    await office.sync(5_000);
    await home.sync(5_000);
    home.area.receiveFrom(office.area);
    await home.sync(6_000);
    office.area.receiveFrom(home.area);
    await office.sync(6_000);

    for (const browser of [office, home]) {
      const t = await browser.byName();
      expect(Object.keys(t).sort()).toEqual(['Mengajar (rumah)', 'Piket', 'Rapat']);
      expect(t.Rapat!.satuan).toBe('Kegiatan');
      expect(t['Mengajar (rumah)']!.id).toBe(a.id);
      expect((await readSettings(browser.db)).targetTime).toBe('15:30');
      expect(await browser.db.count('accounts')).toBe(1);
      expect(await browser.db.count('jurnal')).toBe(1);
      const synced = JSON.stringify(await browser.area.get());
      expect(synced).not.toContain(SECRET);
      expect(synced).not.toContain('rahasia jurnal');
      expect(synced).not.toContain('guru@sekolah');
    }
    // Exactly one default remains after merging two lists.
    expect((await office.service.handlers.listTemplates(undefined)).filter((t) => t.isDefault)).toHaveLength(1);
  });

  it('a template edit is pushed shortly after it is saved, and another computer\'s copy is merged when it arrives', async () => {
    const office = await Browser.open(5);
    const home = await Browser.open(5);
    await office.sync(1);
    await home.sync(1);
    office.clock = 10;
    await office.save({ name: 'Dinas luar' });
    await vi.waitFor(() => {
      const got = decodeState(Object.fromEntries([...office.area.data].map(([k, v]) => [k, JSON.parse(v) as unknown])));
      expect(got.ok && Object.values(got.state?.templates ?? {}).map((r) => r.value?.name)).toEqual(['Dinas luar']);
    });
    home.area.receiveFrom(office.area);
    home.clock = 20;
    await home.service.syncChanged([MANIFEST_KEY]);
    await vi.waitFor(async () => expect(Object.keys(await home.byName())).toEqual(['Dinas luar']));
  });

  it('a copy whose template fails the checks is not written; the rest is', async () => {
    const office = await Browser.open();
    const home = await Browser.open();
    await office.save({ name: 'Baik' });
    await office.save({ name: 'Rusak' });
    await office.sync(1_000);
    // Another computer (or a page's script) writes a template with a bad time.
    const items = await office.area.get();
    const state = decodeState(items);
    if (!state.ok || !state.state) throw new Error('no state');
    const bad = Object.values(state.state.templates).find((r) => r.value?.name === 'Rusak')!;
    bad.value!.jamMulai = '25:99';
    const { encodeState } = await import('@/utils/sync/chunks');
    const enc = encodeState(state.state);
    if (!enc.ok) throw new Error('does not fit');
    await home.area.set(enc.items);
    await home.sync(2_000);
    expect(Object.keys(await home.byName())).toEqual(['Baik']);
  });

  it('says when the sync storage is full, and keeps local data', async () => {
    const office = await Browser.open();
    for (let i = 0; i < 60; i++) await office.save({ name: `T${i}`, kegiatan: `${'x'.repeat(2_000)} ${i}` });
    const status = await office.sync(1_000);
    expect(status.last).toMatchObject({ status: 'full' });
    expect(office.area.data.size).toBe(0);
    expect(await office.db.count('templates')).toBe(60);
  });

  it('off: nothing is read or written', async () => {
    const office = await Browser.open(5);
    await office.save({ name: 'Sendiri' });
    expect(await office.service.handlers.getSyncStatus(undefined)).toMatchObject({ enabled: false, last: null });
    await office.service.handlers.setSyncEnabled(false);
    await office.service.syncChanged([MANIFEST_KEY]);
    await office.service.refresh();
    await new Promise((r) => setTimeout(r, 30));
    expect(office.area.data.size).toBe(0);
  });
});

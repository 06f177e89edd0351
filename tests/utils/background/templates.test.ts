import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createService, type Service } from '@/utils/background/service';
import { openDb, type Db } from '@/utils/db/db';
import { writeSettings } from '@/utils/settings/store';
import type { TemplateRecord } from '@/utils/db/schema';
import { PROPERTY_TIMEOUT_MS } from '../../helpers/property';
import { renderTemplate } from '@/utils/templates/variables';
import { fakeBrowser } from 'wxt/testing/fake-browser';

let db: Db;
let service: Service;
let n = 0;
beforeEach(async () => {
  db = await openDb(`bg-templates-test-${n++}`);
  service = createService(async () => db, () => new Date('2026-03-16T01:00:00Z'));
});
afterEach(() => db.close());

const h = () => service.handlers;
const draft = (over: Record<string, unknown> = {}) => ({
  name: 'Mengajar', rencanaAksi: 'Pembelajaran', jamMulai: '7.30', jamSelesai: '12:00', kegiatan: 'Mengajar {hari}',
  realisasi: '2', satuan: '', buktiDukung: '', weekdays: [1, 2, 3, 4, 5], ...over,
});
async function create(over: Record<string, unknown> = {}): Promise<TemplateRecord> {
  const res = await h().saveTemplate(draft(over));
  if (!res.ok) throw new Error(JSON.stringify(res.errors));
  return res.template;
}
const summary = (list: TemplateRecord[]) => list.map((t) => [t.name, t.order, t.isDefault]);
const fields = ({ id: _id, ...rest }: TemplateRecord) => rest;

describe('templates capability', () => {
  it('gives the in-page filler names and days only, and one whole template by id (issue 12, finding 5)', async () => {
    const a = await create();
    const b = await create({ name: 'Rapat', weekdays: [6] });
    const choices = await h().templateChoices(undefined);
    expect(choices).toEqual([
      { id: a.id, name: 'Mengajar', weekdays: [1, 2, 3, 4, 5], isDefault: true, order: 0 },
      { id: b.id, name: 'Rapat', weekdays: [6], isDefault: false, order: 1 },
    ]);
    expect(JSON.stringify(choices)).not.toContain('Pembelajaran');
    expect(await h().templateForFill(b.id)).toEqual(b);
    expect(await h().templateForFill('gone')).toBeNull();
  });

  it('creates templates: normalised, appended, the first one the default', async () => {
    const a = await create();
    expect(a).toMatchObject({ jamMulai: '07:30', realisasi: 2, order: 0, isDefault: true });
    const b = await create({ name: 'Rapat' });
    expect(b).toMatchObject({ order: 1, isDefault: false });
    expect(a.id).not.toBe(b.id);
    expect(summary(await h().listTemplates(undefined))).toEqual([['Mengajar', 0, true], ['Rapat', 1, false]]);
  });

  it('refuses an invalid draft with field errors and writes nothing', async () => {
    await create();
    const res = await h().saveTemplate(draft({ name: 'Baru', jamMulai: '25:00', realisasi: 0, kegiatan: 'Rapat {tgl}' }));
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors.map((e) => [e.field, e.code])).toEqual([
      ['jamMulai', 'template_error_time_invalid'],
      ['kegiatan', 'template_error_unknown_variable'],
      ['realisasi', 'template_error_realisasi_invalid'],
    ]);
    expect(await db.count('templates')).toBe(1);
  });

  it('replaces a template in place; a new default takes over from the old one', async () => {
    const a = await create();
    const b = await create({ name: 'Rapat' });
    const res = await h().saveTemplate({ ...draft({ name: 'Rapat dinas' }), id: b.id, isDefault: true });
    expect(res).toMatchObject({ ok: true, template: { id: b.id, name: 'Rapat dinas', order: 1, isDefault: true } });
    expect(summary(await h().listTemplates(undefined))).toEqual([['Mengajar', 0, false], ['Rapat dinas', 1, true]]);
    // Editing without saying anything about the default keeps it as it was.
    await h().saveTemplate({ ...draft({ name: 'Mengajar 7A' }), id: a.id });
    expect(summary(await h().listTemplates(undefined))).toEqual([['Mengajar 7A', 0, false], ['Rapat dinas', 1, true]]);
  });

  it('duplicates right after the original, never as the default', async () => {
    const a = await create();
    await create({ name: 'Rapat' });
    const list = await h().duplicateTemplate({ id: a.id, nameSuffix: '(salinan)' });
    expect(summary(list)).toEqual([['Mengajar', 0, true], ['Mengajar (salinan)', 1, false], ['Rapat', 2, false]]);
    expect(fields(list[1]!)).toEqual({ ...fields(list[0]!), name: 'Mengajar (salinan)', order: 1, isDefault: false });
    expect(list[1]!.id).not.toBe(a.id);
  });

  it('moves templates one place, not past either end', async () => {
    const a = await create({ name: 'A' });
    await create({ name: 'B' });
    const c = await create({ name: 'C' });
    expect(summary(await h().moveTemplate({ id: a.id, direction: 'up' })).map((x) => x[0])).toEqual(['A', 'B', 'C']);
    expect(summary(await h().moveTemplate({ id: a.id, direction: 'down' })).map((x) => x[0])).toEqual(['B', 'A', 'C']);
    expect(summary(await h().moveTemplate({ id: c.id, direction: 'up' }))).toEqual([['B', 0, false], ['C', 1, false], ['A', 2, true]]);
    expect(summary(await h().moveTemplate({ id: c.id, direction: 'down' })).map((x) => x[0])).toEqual(['B', 'A', 'C']);
  });

  it('deleting the default makes the first remaining template the default', async () => {
    await create({ name: 'A' });
    const b = await create({ name: 'B' });
    await create({ name: 'C' });
    await h().setDefaultTemplate(b.id);
    const list = await h().deleteTemplate(b.id);
    expect(summary(list)).toEqual([['A', 0, true], ['C', 1, false]]);
    expect(summary(await h().listTemplates(undefined))).toEqual(summary(list));
  });

  it('imports all rows of a CSV after the existing templates, or none when one row is wrong', async () => {
    await create({ name: 'Lama' });
    const bad = 'Rencana Aksi;Tanggal;Jam Mulai;Jam Selesai;Kegiatan Harian;Realisasi;Satuan;Bukti Dukung\n'
      + 'Rapat;;13:00;14:00;Rapat;1;;\n'
      + 'Rapat;;25:00;14:00;Rapat;1;;\n'
      + 'Rapat;;13:00;14:00;Rapat;0;;\n';
    const res = await h().importTemplatesCsv(bad);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'Jam Mulai', 'template_error_time_invalid'],
      [4, 'Realisasi', 'template_error_realisasi_invalid'],
    ]);
    expect(summary(await h().listTemplates(undefined))).toEqual([['Lama', 0, true]]);

    const good = bad.split('\n').slice(0, 2).join('\n') + '\nPiket;;06:45;07:15;Piket pagi;1;;\n';
    expect(await h().importTemplatesCsv(good)).toEqual({ ok: true, count: 2, ignoredColumns: [] });
    expect(summary(await h().listTemplates(undefined))).toEqual([['Lama', 0, true], ['Rapat', 1, false], ['Piket pagi', 2, false]]);
  });

  it('gives rows without Hari or Tanggal the working week of the settings', async () => {
    const csv = 'Rencana Aksi;Jam Mulai;Jam Selesai;Kegiatan Harian;Realisasi\nRapat;13:00;14:00;Rapat;1\n';
    await h().importTemplatesCsv(csv);
    await writeSettings(db, { workWeek: 6 });
    await h().importTemplatesCsv(csv);
    expect((await h().listTemplates(undefined)).map((t) => t.weekdays)).toEqual([[1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6]]);
  });

  it('round-trips every template through export, delete all, import', { timeout: PROPERTY_TIMEOUT_MS }, async () => {
    const text = fc.string({ minLength: 1, maxLength: 12 }).map((s) => s.replace(/[{}\s]/g, 'x'));
    const time = fc.tuple(fc.integer({ min: 0, max: 22 }), fc.integer({ min: 0, max: 59 }))
      .map(([hh, mm]) => `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`);
    const template = fc.record({
      name: text, rencanaAksi: text, jamMulai: time, kegiatan: text, satuan: fc.constantFrom('', 'Jam', 'Laporan {bulan}'),
      realisasi: fc.integer({ min: 1, max: 500 }),
      buktiDukung: fc.constantFrom('', 'https://drive.google.com/x?a=1;b=2', 'https://example.id/{tanggal_iso}'),
      weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    });
    await fc.assert(fc.asyncProperty(fc.array(template, { minLength: 1, maxLength: 4 }), async (drafts) => {
      await db.clear('templates');
      for (const d of drafts) {
        // One hour later, capped at 23:59: always after the start.
        const [hh, mm] = d.jamMulai.split(':').map(Number);
        const end = hh! === 22 ? `23:${String(mm).padStart(2, '0')}` : `${String(hh! + 1).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
        await create({ ...d, jamSelesai: end });
      }
      const before = await h().listTemplates(undefined);
      const csv = await h().exportTemplatesCsv(undefined);
      for (const t of before) await h().deleteTemplate(t.id);
      expect(await h().listTemplates(undefined)).toEqual([]);
      expect(await h().importTemplatesCsv(csv)).toMatchObject({ ok: true, count: before.length });
      expect((await h().listTemplates(undefined)).map(fields)).toEqual(before.map(fields));
    }), { numRuns: 25 });
  });
});

describe('remembering a Rencana Aksi from the filler', () => {
  it('changes only the Rencana Aksi of the stored template', async () => {
    const first = await h().saveTemplate(draft({ name: 'Mengajar', buktiDukung: 'https://drive.google.com/a' }));
    expect(first.ok).toBe(true);
    const id = first.ok ? first.template.id : '';
    // Edited in the options page meanwhile: the filler's remember must not undo it.
    await h().saveTemplate({ ...(first.ok ? first.template : {}), buktiDukung: 'https://drive.google.com/b' });
    const res = await h().rememberRencanaAksi({ id, rencanaAksi: 'Mengelola administrasi kepegawaian' });
    expect(res.ok && res.template).toMatchObject({ id, rencanaAksi: 'Mengelola administrasi kepegawaian', buktiDukung: 'https://drive.google.com/b' });
    expect((await h().rememberRencanaAksi({ id: 'nope', rencanaAksi: 'x' })).ok).toBe(false);
  });

  it('stores what the page offers as plain text only: no controls, no variables, bounded', async () => {
    const first = await h().saveTemplate(draft({ name: 'Mengajar' }));
    const id = first.ok ? first.template.id : '';
    const res = await h().rememberRencanaAksi({ id, rencanaAksi: '  Menyusun\u202e laporan\n{tanggal}\u0000 bulanan\u200b ' });
    expect(res.ok && res.template.rencanaAksi).toBe('Menyusun laporan {{tanggal}} bulanan');
    // Filled as the site's own text: the doubled braces render as single ones.
    expect(renderTemplate(res.ok ? res.template : (undefined as never), '2026-11-30').rencanaAksi).toBe('Menyusun laporan {tanggal} bulanan');
    const long = await h().rememberRencanaAksi({ id, rencanaAksi: 'x'.repeat(1_000_000) });
    expect(long).toEqual({ ok: false, errors: [{ field: 'rencanaAksi', code: 'template_error_site_text_long', params: ['1000'] }] });
    expect(await h().rememberRencanaAksi({ id, rencanaAksi: '\u202e\u0007 ' })).toMatchObject({ ok: false, errors: [{ code: 'template_error_rencana_aksi_required' }] });
    expect((await h().listTemplates(undefined)).find((t) => t.id === id)?.rencanaAksi).toBe('Menyusun laporan {{tanggal}} bulanan');
  });
});

describe('templates from the e-Kinerja form (issue 11, item 5)', () => {
  const entry = (over: Record<string, string> = {}) => ({
    rencanaAksi: ' Menyusun  laporan {bulan}\u202e ', jamMulai: '07:30', jamSelesai: '15:00', kegiatan: 'Rapat {hari} ini',
    realisasi: '1', satuan: 'Dokumen', buktiDukung: '', ...over,
  });

  it('saves the form as a template: the Rencana Aksi exactly as the site names it, the page\'s braces kept as text, the user\'s working week', async () => {
    await writeSettings(db, { workWeek: 6 });
    const res = await h().saveFormAsTemplate({ name: 'Dari formulir', entry: entry(), replace: false });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.template).toMatchObject({
      name: 'Dari formulir', rencanaAksi: 'Menyusun laporan {{bulan}}', kegiatan: 'Rapat {{hari}} ini', jamMulai: '07:30', jamSelesai: '15:00',
      realisasi: 1, satuan: 'Dokumen', weekdays: [1, 2, 3, 4, 5, 6], isDefault: true,
    });
    // Rendered for any date it gives back the site's own texts.
    expect(renderTemplate(res.template, '2026-12-04')).toMatchObject({ rencanaAksi: 'Menyusun laporan {bulan}', kegiatan: 'Rapat {hari} ini' });
    // The form's Rencana Aksi is one the site offers: the editor offers it (as a template value).
    expect(await h().siteRencanaAksi(undefined)).toEqual({ at: '2026-03-16T01:00:00.000Z', options: ['Menyusun laporan {{bulan}}'] });
  });

  it('never replaces a template of the same name without the user\'s yes, and keeps its days, order and default flag', async () => {
    const first = await create({ name: 'Mengajar', weekdays: [1, 3] });
    await create({ name: 'Rapat' });
    const before = await h().listTemplates(undefined);
    expect(await h().saveFormAsTemplate({ name: ' mengajar ', entry: entry({ rencanaAksi: 'Baru' }), replace: false })).toEqual({ ok: false, exists: 'Mengajar' });
    expect(await h().listTemplates(undefined)).toEqual(before);
    const res = await h().saveFormAsTemplate({ name: 'mengajar', entry: entry({ rencanaAksi: 'Baru' }), replace: true });
    expect(res).toMatchObject({ ok: true, template: { id: first.id, name: 'Mengajar', rencanaAksi: 'Baru', weekdays: [1, 3], order: 0, isDefault: true } });
    expect((await h().listTemplates(undefined)).map((x) => x.name)).toEqual(['Mengajar', 'Rapat']);
  });

  it('refuses an incomplete form with the fields\' errors and writes nothing', async () => {
    const res = await h().saveFormAsTemplate({ name: 'Kosong', entry: entry({ rencanaAksi: '', jamMulai: '', kegiatan: '  ' }), replace: false });
    expect(res).toEqual({ ok: false, errors: [{ field: 'rencanaAksi', code: 'template_error_rencana_aksi_required' }] });
    const res2 = await h().saveFormAsTemplate({ name: 'Kosong', entry: entry({ jamMulai: '', kegiatan: '  ', realisasi: '' }), replace: false });
    expect(res2.ok).toBe(false);
    if (res2.ok || !('errors' in res2)) return;
    expect(res2.errors.map((e) => [e.field, e.code])).toEqual([
      ['jamMulai', 'template_error_time_required'], ['kegiatan', 'template_error_kegiatan_required'], ['realisasi', 'template_error_realisasi_invalid'],
    ]);
    expect(await h().listTemplates(undefined)).toEqual([]);
    // A Bukti Dukung longer than a template holds is refused at its field, not dropped in silence.
    const long = await h().saveFormAsTemplate({ name: 'Panjang', entry: entry({ buktiDukung: `https://drive.google.com/${'x'.repeat(1200)}` }), replace: false });
    expect(long).toEqual({ ok: false, errors: [{ field: 'buktiDukung', code: 'template_error_page_text_long', params: ['1000'] }] });
    expect(await h().listTemplates(undefined)).toEqual([]);
  });

  it('keeps the site\'s Rencana Aksi options as plain text, offers them to the editor, and checks them again when read', async () => {
    expect(await h().siteRencanaAksi(undefined)).toBeNull();
    await h().rememberSiteRencanaAksi(['Menyusun laporan', ' Menyusun laporan ', 'Mengajar\u200b kelas\n7', '', 'Rapat {koordinasi}']);
    expect(await h().siteRencanaAksi(undefined)).toEqual({
      at: '2026-03-16T01:00:00.000Z', options: ['Menyusun laporan', 'Mengajar kelas 7', 'Rapat {{koordinasi}}'],
    });
    // A reading with nothing in it keeps what was seen.
    await h().rememberSiteRencanaAksi([]);
    expect((await h().siteRencanaAksi(undefined))?.options).toHaveLength(3);
    // Something else wrote storage.local (a content script can): only plain texts come out.
    await fakeBrowser.storage.local.set({ 'site.rencanaAksi': { at: '2026-03-16T01:00:00.000Z', options: ['Baik', 42, 'x'.repeat(5000), '\u202eJahat'] } });
    expect((await h().siteRencanaAksi(undefined))?.options).toEqual(['Baik', 'Jahat']);
    await fakeBrowser.storage.local.set({ 'site.rencanaAksi': 'rusak' });
    expect(await h().siteRencanaAksi(undefined)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FILL_ORDER, createFillSession, planFill, type FieldState, type FillKey, type FillTemplate, type Values } from '@/utils/fill/fill-modal';
import { chosenText, pickOption } from '@/utils/fill/vue-select';
import { typeIntoPicker } from '@/utils/fill/datepicker';
import { group, loadReplica, openModal, replica, tick } from './replica';
import { PROPERTY_TIMEOUT_MS } from '../../helpers/property';

const TEMPLATE: FillTemplate = {
  rencanaAksi: 'Melaksanakan pembelajaran tatap muka',
  jamMulai: '07:30',
  jamSelesai: '09:00',
  kegiatan: 'Mengajar {hari} {tanggal}',
  realisasi: 2,
  satuan: 'Jam Pelajaran',
  buktiDukung: 'https://drive.google.com/{tanggal_iso}',
};

const KIND: Record<FillKey, FieldState['kind']> = {
  rencanaAksi: 'choice', tanggal: 'date', jamMulai: 'time', jamSelesai: 'time', kegiatan: 'text', realisasi: 'text', satuan: 'text', buktiDukung: 'text',
};
const empty = (readOnly: Partial<Record<FillKey, boolean>> = { satuan: true }): Partial<Record<FillKey, FieldState>> =>
  Object.fromEntries(FILL_ORDER.map((k) => [k, { value: '', readOnly: readOnly[k] ?? false, kind: KIND[k] }]));

describe('planFill', () => {
  it('fills an empty form with the template rendered for today, leaving the read-only SATUAN alone', () => {
    // 2026-11-27 is a Friday.
    expect(planFill(empty(), TEMPLATE, '2026-11-27', {})).toEqual({
      date: '2026-11-27',
      writes: {
        rencanaAksi: 'Melaksanakan pembelajaran tatap muka', tanggal: '2026-11-27', jamMulai: '07:30', jamSelesai: '09:00',
        kegiatan: 'Mengajar Jumat 27-11-2026', realisasi: '2', buktiDukung: 'https://drive.google.com/2026-11-27',
      },
      conflicts: [],
      invalid: [],
    });
  });

  it('keeps a date the user chose and renders the template for it; an editable SATUAN is filled', () => {
    const current = { ...empty({}), tanggal: { value: '2026-11-23', readOnly: false, kind: 'date' as const } };
    const plan = planFill(current, TEMPLATE, '2026-11-27', {});
    expect(plan.date).toBe('2026-11-23');
    expect(plan.writes.tanggal).toBeUndefined();
    expect(plan.writes.kegiatan).toBe('Mengajar Senin 23-11-2026');
    expect(plan.writes.satuan).toBe('Jam Pelajaran');
    expect(plan.conflicts).toEqual([]);
  });

  it('types the date asked for (a missed day) and renders the template for it; a different date the user typed is asked about', () => {
    const plan = planFill(empty(), TEMPLATE, '2026-12-06', {}, '2026-12-04');
    expect(plan.date).toBe('2026-12-04');
    expect(plan.writes.tanggal).toBe('2026-12-04');
    expect(plan.writes.kegiatan).toBe('Mengajar Jumat 04-12-2026');
    const typed = { ...empty(), tanggal: { value: '2026-12-01', readOnly: false, kind: 'date' as const } };
    expect(planFill(typed, TEMPLATE, '2026-12-06', {}, '2026-12-04').conflicts).toEqual([{ key: 'tanggal', current: '2026-12-01', next: '2026-12-04' }]);
    // What the filler itself typed before is replaced without asking.
    expect(planFill(typed, TEMPLATE, '2026-12-06', { tanggal: '2026-12-01' }, '2026-12-04').writes.tanggal).toBe('2026-12-04');
  });

  it('asks about what the user typed, not about what it filled itself or what already matches', () => {
    const current = {
      ...empty(),
      rencanaAksi: { value: ' melaksanakan  PEMBELAJARAN tatap muka', readOnly: false, kind: 'choice' as const },
      jamMulai: { value: '07:30', readOnly: false, kind: 'time' as const },
      jamSelesai: { value: '10:00', readOnly: false, kind: 'time' as const },
      kegiatan: { value: 'Rapat', readOnly: false, kind: 'text' as const },
      realisasi: { value: '3', readOnly: false, kind: 'text' as const },
    };
    const plan = planFill(current, TEMPLATE, '2026-11-27', { realisasi: '3' });
    expect(plan.conflicts).toEqual([
      { key: 'jamSelesai', current: '10:00', next: '09:00' },
      { key: 'kegiatan', current: 'Rapat', next: 'Mengajar Jumat 27-11-2026' },
    ]);
    expect(Object.keys(plan.writes)).toEqual(['tanggal', 'realisasi', 'buktiDukung']);
  });

  it('normalises times written the Indonesian way and never types a time that is not one', () => {
    const plan = planFill(empty(), { ...TEMPLATE, jamMulai: '7.30', jamSelesai: '25:00' }, '2026-11-27', {});
    expect(plan.writes.jamMulai).toBe('07:30');
    expect(plan.writes.jamSelesai).toBeUndefined();
    expect(plan.invalid).toEqual(['jamSelesai']);
  });

  it('properties: never touches absent or read-only fields, never both writes and asks, asks only about foreign text', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    const pool = ['', 'Rapat', '07:30', '09:00', '2026-11-23', '2', 'Melaksanakan pembelajaran tatap muka', 'https://drive.google.com/2026-11-27'];
    const field = fc.option(fc.record({ value: fc.constantFrom(...pool), readOnly: fc.boolean() }), { nil: undefined });
    const arb = fc.record({
      fields: fc.tuple(...FILL_ORDER.map(() => field)),
      last: fc.tuple(...FILL_ORDER.map(() => fc.option(fc.constantFrom(...pool), { nil: undefined }))),
      buktiDukung: fc.constantFrom('', TEMPLATE.buktiDukung),
    });
    fc.assert(fc.property(arb, ({ fields, last, buktiDukung }) => {
      const current: Partial<Record<FillKey, FieldState>> = {};
      const lastFilled: Values = {};
      FILL_ORDER.forEach((k, i) => {
        if (fields[i]) current[k] = { ...fields[i]!, kind: KIND[k] };
        if (last[i] !== undefined) lastFilled[k] = last[i];
      });
      const plan = planFill(current, { ...TEMPLATE, buktiDukung }, '2026-11-27', lastFilled);
      const asked = plan.conflicts.map((c) => c.key);
      for (const key of FILL_ORDER) {
        const f = current[key];
        const touched = key in plan.writes || asked.includes(key);
        if (!f || f.readOnly) expect(touched).toBe(false);
        expect(key in plan.writes && asked.includes(key)).toBe(false);
        if (asked.includes(key)) {
          expect(f!.value.trim()).not.toBe('');
          expect(f!.value).not.toBe(lastFilled[key]);
        }
        // A blank, writable field always gets the template's value, when it has one.
        if (f && !f.readOnly && f.value === '' && key !== 'satuan' && !(key === 'buktiDukung' && buktiDukung === '')) {
          expect(plan.writes[key]).toBeTruthy();
        }
      }
      if (current.tanggal && /^\d{4}-\d{2}-\d{2}$/.test(current.tanggal.value)) {
        expect(plan.date).toBe(current.tanggal.value);
        expect('tanggal' in plan.writes || asked.includes('tanggal')).toBe(false);
      } else {
        expect(plan.date).toBe('2026-11-27');
      }
    }));
  });
});

/** A fill session on the replica's open modal (real vue-select and vue2-datepicker in happy-dom). */
async function session(query = '') {
  loadReplica(query);
  const modal = await openModal();
  return { modal, s: createFillSession(modal, () => '2026-11-27', () => performance.now()) };
}

const FILLED = {
  rencanaAksi: 'Melaksanakan pembelajaran tatap muka', tanggal: '2026-11-27', jamMulai: '07:30', jamSelesai: '09:00',
  kegiatan: 'Mengajar Jumat 27-11-2026', sumberData: 'ekinerja', realisasi: 2, satuan: 'Jam Pelajaran',
  buktiDukung: 'https://drive.google.com/2026-11-27',
};
const EMPTY = { rencanaAksi: null, tanggal: null, jamMulai: null, jamSelesai: null, kegiatan: '', realisasi: '', satuan: '', buktiDukung: '' };

describe('fill session on the replica (real widgets)', () => {
  it('fills every field into the Vue state and reports it', async () => {
    const { s } = await session();
    expect(s.canUndo).toBe(false);
    const report = await s.fill(TEMPLATE);
    expect(replica().state()).toMatchObject(FILLED);
    expect(report).toMatchObject({ date: '2026-11-27', failed: [], options: [], kept: [], problems: [] });
    expect(report.filled).toEqual(['rencanaAksi', 'tanggal', 'jamMulai', 'jamSelesai', 'kegiatan', 'realisasi', 'buktiDukung']);
    expect(report.ms).toBeGreaterThan(0);
    expect(s.date).toBe('2026-11-27');
    expect(s.canUndo).toBe(true);
  });

  it('refills over its own values without asking, and undo brings back the empty form', async () => {
    const { s } = await session();
    await s.fill(TEMPLATE);
    const other = { ...TEMPLATE, rencanaAksi: 'Menyusun laporan kinerja bulanan', kegiatan: 'Laporan', jamMulai: '13:00', jamSelesai: '15:30', realisasi: 1 };
    expect(s.check(other).conflicts).toEqual([]);
    await s.fill(other);
    expect(replica().state()).toMatchObject({ rencanaAksi: 'Menyusun laporan kinerja bulanan', satuan: 'Laporan', kegiatan: 'Laporan', jamMulai: '13:00', jamSelesai: '15:30', realisasi: 1 });
    expect(await s.undo()).toEqual([]);
    expect(replica().state()).toMatchObject(EMPTY);
    expect(s.canUndo).toBe(false);
  });

  it('undo leaves a field the user changed after the fill', async () => {
    const { modal, s } = await session();
    await s.fill(TEMPLATE);
    const kegiatan = modal.querySelector<HTMLInputElement>('[name="kegiatan"]')!;
    kegiatan.value = 'Diubah sendiri';
    kegiatan.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();
    expect(await s.undo()).toEqual(['KEGIATAN HARIAN']);
    expect(replica().state()).toMatchObject({ ...EMPTY, kegiatan: 'Diubah sendiri' });
  });

  it('with conflicts: keeps the user\'s values unless told to overwrite', async () => {
    const { modal, s } = await session();
    const realisasi = modal.querySelector<HTMLInputElement>('[name="realisasi_activity"]')!;
    realisasi.value = '4';
    realisasi.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();
    expect(s.check(TEMPLATE).conflicts).toEqual([{ key: 'realisasi', current: '4', next: '2' }]);
    const kept = await s.fill(TEMPLATE);
    expect(kept.kept).toEqual(['realisasi']);
    expect(replica().state()?.realisasi).toBe(4);
    // Asked about REALISASI only; the user then also types into KEGIATAN HARIAN: that stays.
    await s.undo();
    const kegiatan = modal.querySelector<HTMLInputElement>('[name="kegiatan"]')!;
    kegiatan.value = 'Piket';
    kegiatan.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();
    const report = await s.fill(TEMPLATE, ['realisasi']);
    expect(report.kept).toEqual(['kegiatan']);
    expect(replica().state()).toMatchObject({ realisasi: 2, kegiatan: 'Piket' });
    await s.undo();
    expect(replica().state()).toMatchObject({ realisasi: 4, kegiatan: 'Piket' });
  });

  it('does not guess an unknown Rencana Aksi: lists the options, then chooses the user\'s pick', async () => {
    const { modal, s } = await session();
    const report = await s.fill({ ...TEMPLATE, rencanaAksi: 'Menyusun laporan' });
    expect(report.failed).toEqual([{ key: 'rencanaAksi', label: 'RENCANA AKSI', reason: 'not-found' }]);
    expect(report.options).toEqual([
      'Menyusun laporan kinerja bulanan', 'Menyusun laporan kinerja triwulan', 'Melaksanakan pembelajaran tatap muka',
      'Mengelola administrasi kepegawaian', 'Menyusun rencana pelaksanaan pembelajaran (RPP)', 'Melaksanakan penilaian hasil belajar',
    ]);
    expect(replica().state()).toMatchObject({ ...FILLED, rencanaAksi: null, satuan: '' });
    // The list closed and its search was cleared.
    expect(group(modal, 'RENCANA AKSI').querySelector('.v-select')!.classList.contains('vs--open')).toBe(false);
    expect(group(modal, 'RENCANA AKSI').querySelector<HTMLInputElement>('.vs__search')!.value).toBe('');

    expect(await s.choose('Menyusun laporan kinerja triwulan')).toBe(true);
    expect(replica().state()).toMatchObject({ rencanaAksi: 'Menyusun laporan kinerja triwulan', satuan: 'Laporan' });
    await s.undo();
    expect(replica().state()).toMatchObject(EMPTY);
  });

  it('fills only the recognised fields of a relabeled form', async () => {
    const { s } = await session('relabeled=1');
    const report = await s.fill(TEMPLATE);
    expect(report.problems.map((p) => p.label)).toEqual(['KEGIATAN HARIAN', 'BUKTI DUKUNG']);
    expect(replica().state()).toMatchObject({ ...FILLED, kegiatan: '', buktiDukung: '' });
  });

  it('vue-select: picks the exact option (not one that merely contains the text) and fails on a disabled select', async () => {
    const { modal } = await session();
    const root = group(modal, 'RENCANA AKSI').querySelector<HTMLElement>('.v-select')!;
    // "Menyusun laporan kinerja" is part of two options but the text of none.
    expect(await pickOption(root, 'Menyusun laporan kinerja')).toMatchObject({ ok: false, reason: 'not-found' });
    expect(await pickOption(root, 'MENYUSUN LAPORAN KINERJA TRIWULAN')).toEqual({ ok: true });
    expect(chosenText(root)).toBe('Menyusun laporan kinerja triwulan');
    root.querySelector<HTMLInputElement>('.vs__search')!.disabled = true;
    expect(await pickOption(root, 'Menyusun laporan kinerja bulanan')).toMatchObject({ ok: false, reason: 'disabled' });
  });

  it('datepicker: a time written "07.30" is rejected by the picker and reported so, the model stays empty', async () => {
    const { modal } = await session();
    const input = group(modal, 'JAM MULAI KEGIATAN').querySelector<HTMLInputElement>('input.mx-input')!;
    expect(await typeIntoPicker(input, '07.30', (shown) => shown === '07.30')).toBe(false);
    expect(replica().state()?.jamMulai).toBeNull();
    expect(await typeIntoPicker(input, '07:45', (shown) => shown === '07:45')).toBe(true);
    expect(replica().state()?.jamMulai).toBe('07:45');
    expect(await typeIntoPicker(input, '', (shown) => shown === '')).toBe(true);
    expect(replica().state()?.jamMulai).toBeNull();
  });
});

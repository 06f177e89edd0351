import { describe, expect, it } from 'vitest';
import {
  normaliseDate, normaliseRealisasi, normaliseTime, normaliseWeekdays, validateTemplate, validateTemplateFields,
  type TemplateDraft, type TemplateError,
} from '@/utils/templates/validate';

const good: TemplateDraft = {
  id: 't1',
  name: 'Mengajar',
  rencanaAksi: 'Melaksanakan pembelajaran',
  jamMulai: '07.30',
  jamSelesai: '9:00',
  kegiatan: 'Mengajar kelas 7A pada {hari}, {tanggal}',
  realisasi: '2',
  satuan: 'JP',
  buktiDukung: 'https://drive.google.com/drive/folders/abc',
  weekdays: [5, 1, 3, 1],
  isDefault: true,
  order: 3,
};

function errorsOf(draft: TemplateDraft): TemplateError[] {
  const r = validateTemplate(draft);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}
const codes = (draft: TemplateDraft): Array<[string, string]> => errorsOf(draft).map((e) => [e.field, e.code]);

describe('normaliseTime', () => {
  it.each([
    ['07:30', '07:30'], ['7:30', '07:30'], ['07.30', '07:30'], ['7.30', '07:30'], ['0730', '07:30'],
    ['730', '07:30'], ['7', '07:00'], ['16', '16:00'], ['07:30:00', '07:30'], ['7.30.15', '07:30'],
    [' 23.59 ', '23:59'], ['00:00', '00:00'], ['0000', '00:00'], ['7:30 AM', '07:30'], ['7:30 PM', '19:30'],
    ['12:00 AM', '00:00'], ['12.15 pm', '12:15'], ['4 p.m.', '16:00'], ['11:59PM', '23:59'],
  ])('%j → %s', (input, expected) => {
    expect(normaliseTime(input)).toBe(expected);
  });

  it.each([
    '25:00', '24:00', '07:60', '7:5', '', '  ', 'abc', '13:00 PM', '0:30 am', '07:30:61', '07-30', '12345',
    '7,30', '-1:00', '07:30 WIB', 'pm', '1:2:3',
  ])('rejects %j', (input) => {
    expect(normaliseTime(input)).toBeNull();
  });
});

describe('normaliseDate', () => {
  it.each([
    ['2026-11-29', '2026-11-29'], ['2026-11-5', '2026-11-05'], ['2026/1/5', '2026-01-05'], ['29-11-2026', '2026-11-29'],
    ['5-1-2026', '2026-01-05'], ['29/11/2026', '2026-11-29'], ['05/01/2026', '2026-01-05'], ['29.11.2026', '2026-11-29'],
    ['2024-02-29', '2024-02-29'], ['29/02/2000', '2000-02-29'], [' 31/12/2026 ', '2026-12-31'],
  ])('%j → %s', (input, expected) => {
    expect(normaliseDate(input)).toBe(expected);
  });

  it.each([
    '2025-02-30', '2025-02-29', '1900-02-29', '31/04/2026', '2026-13-01', '2026-00-10', '00/01/2026', '32-01-2026',
    '2026-11-29T00:00', '29-11/2026', '11/29/2026', '', '26-11-29', '29 November 2026', '2026-11',
  ])('rejects %j', (input) => {
    expect(normaliseDate(input)).toBeNull();
  });
});

describe('normaliseRealisasi / normaliseWeekdays', () => {
  it('accepts whole numbers above 0 from numbers and strings', () => {
    expect(normaliseRealisasi(2)).toBe(2);
    expect(normaliseRealisasi('2')).toBe(2);
    expect(normaliseRealisasi(' 12 ')).toBe(12);
    expect(normaliseRealisasi('2,00')).toBe(2);
    expect(normaliseRealisasi('3.0')).toBe(3);
    for (const bad of [0, -1, 1.5, Number.NaN, Infinity, '0', '-1', '1.5', '1.000', '1,000', 'dua', '', '2 JP', null, undefined, true]) {
      expect(normaliseRealisasi(bad), String(bad)).toBeNull();
    }
  });

  it('sorts and de-duplicates ISO weekdays, rejects others', () => {
    expect(normaliseWeekdays([5, 1, 3, 1])).toEqual([1, 3, 5]);
    expect(normaliseWeekdays(['7', 6])).toEqual([6, 7]);
    expect(normaliseWeekdays([])).toBe('empty');
    expect(normaliseWeekdays(undefined)).toBe('empty');
    for (const bad of [[0], [8], [1.5], ['senin'], 'Senin', 3]) expect(normaliseWeekdays(bad), JSON.stringify(bad)).toBeNull();
  });
});

describe('validateTemplate', () => {
  it('returns the normalised record', () => {
    expect(validateTemplate(good)).toEqual({
      ok: true,
      template: {
        id: 't1', name: 'Mengajar', rencanaAksi: 'Melaksanakan pembelajaran', jamMulai: '07:30', jamSelesai: '09:00',
        kegiatan: 'Mengajar kelas 7A pada {hari}, {tanggal}', realisasi: 2, satuan: 'JP',
        buktiDukung: 'https://drive.google.com/drive/folders/abc', weekdays: [1, 3, 5], isDefault: true, order: 3,
      },
    });
  });

  it('trims texts and turns line breaks into one space (the site only has single-line inputs)', () => {
    const r = validateTemplate({ ...good, name: '  A  ', kegiatan: 'Rapat\r\n  koordinasi\nguru ', satuan: '' });
    expect(r.ok && [r.template.name, r.template.kegiatan, r.template.satuan]).toEqual(['A', 'Rapat koordinasi guru', '']);
  });

  it('fills defaults for the store-only fields', () => {
    const r = validateTemplate({ ...good, isDefault: 'yes', order: Number.NaN });
    expect(r.ok && [r.template.isDefault, r.template.order]).toEqual([false, 0]);
  });

  it('collects every error at once, in the form order', () => {
    expect(codes({})).toEqual([
      ['id', 'template_error_id_missing'],
      ['name', 'template_error_name_required'],
      ['rencanaAksi', 'template_error_rencana_aksi_required'],
      ['jamMulai', 'template_error_time_required'],
      ['jamSelesai', 'template_error_time_required'],
      ['kegiatan', 'template_error_kegiatan_required'],
      ['realisasi', 'template_error_realisasi_invalid'],
      ['weekdays', 'template_error_weekdays_empty'],
    ]);
  });

  it('rejects blank required texts', () => {
    expect(codes({ ...good, name: '  ', rencanaAksi: '\n', kegiatan: '' })).toEqual([
      ['name', 'template_error_name_required'],
      ['rencanaAksi', 'template_error_rencana_aksi_required'],
      ['kegiatan', 'template_error_kegiatan_required'],
    ]);
  });

  it('rejects out-of-range and unreadable times, with what was typed', () => {
    expect(errorsOf({ ...good, jamMulai: '25:00', jamSelesai: 'sore' })).toEqual([
      { field: 'jamMulai', code: 'template_error_time_invalid', detail: '25:00' },
      { field: 'jamSelesai', code: 'template_error_time_invalid', detail: 'sore' },
    ]);
  });

  it('requires the end after the start', () => {
    expect(codes({ ...good, jamMulai: '10.00', jamSelesai: '9.30' })).toEqual([['jamSelesai', 'template_error_time_order']]);
    expect(codes({ ...good, jamMulai: '10.00', jamSelesai: '10:00' })).toEqual([['jamSelesai', 'template_error_time_order']]);
    expect(validateTemplate({ ...good, jamMulai: '9:59', jamSelesai: '10.00' }).ok).toBe(true);
  });

  it('checks realisasi', () => {
    for (const bad of ['0', '-2', '1.5', 'dua', 2.5, '']) {
      expect(codes({ ...good, realisasi: bad }), String(bad)).toEqual([['realisasi', 'template_error_realisasi_invalid']]);
    }
    const r = validateTemplate({ ...good, realisasi: 4 });
    expect(r.ok && r.template.realisasi).toBe(4);
  });

  it('accepts an empty or http(s) Bukti Dukung only', () => {
    for (const ok of ['', 'https://drive.google.com/file/d/1A/view?usp=sharing', 'http://sekolah.sch.id/a', 'https://x.id/{tanggal_iso}/{hari}']) {
      expect(validateTemplate({ ...good, buktiDukung: ok }).ok, ok).toBe(true);
    }
    for (const bad of ['drive.google.com/x', 'ftp://x.com/a', 'https://x.com/a b', 'https:/drive.google.com/x', 'https://drive', 'javascript:alert(1)', 'https://']) {
      expect(codes({ ...good, buktiDukung: bad }), bad).toEqual([['buktiDukung', 'template_error_url_invalid']]);
    }
  });

  it('reports an unknown variable in any rendered field, listing the valid ones', () => {
    const errors = errorsOf({ ...good, kegiatan: 'Rapat {tgl} dan {Nama}', satuan: '{satuan}', rencanaAksi: '{hari} ok' });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['kegiatan', 'template_error_unknown_variable'],
      ['satuan', 'template_error_unknown_variable'],
    ]);
    const kegiatan = errors[0]!;
    expect(kegiatan.params?.[0]).toBe('{tgl}, {Nama}');
    for (const name of ['tanggal', 'tanggal_iso', 'hari', 'tanggal_panjang', 'bulan', 'tahun', 'minggu_ke']) {
      expect(kegiatan.detail).toContain(`{${name}}`);
      expect(kegiatan.params?.[1]).toContain(`{${name}}`);
    }
    expect(codes({ ...good, buktiDukung: 'https://x.id/{tgl}' })).toEqual([['buktiDukung', 'template_error_unknown_variable']]);
  });

  it('reports an unpaired brace, and accepts doubled ones', () => {
    expect(codes({ ...good, kegiatan: 'Rapat {tanggal' })).toEqual([['kegiatan', 'template_error_brace']]);
    expect(validateTemplate({ ...good, kegiatan: 'Kode {{A}}' }).ok).toBe(true);
  });

  it('does not render the name, so braces there are fine', () => {
    expect(validateTemplate({ ...good, name: 'Senin {x' }).ok).toBe(true);
  });

  it('checks weekdays', () => {
    expect(codes({ ...good, weekdays: [] })).toEqual([['weekdays', 'template_error_weekdays_empty']]);
    expect(codes({ ...good, weekdays: [0, 1] })).toEqual([['weekdays', 'template_error_weekdays_invalid']]);
  });

  it('validateTemplateFields needs no id and returns no store fields', () => {
    const { id: _id, isDefault: _d, order: _o, ...fields } = good;
    const r = validateTemplateFields(fields);
    expect(r.ok).toBe(true);
    expect(r.ok && Object.keys(r.template).sort()).toEqual(
      ['buktiDukung', 'jamMulai', 'jamSelesai', 'kegiatan', 'name', 'realisasi', 'rencanaAksi', 'satuan', 'weekdays'],
    );
  });
});

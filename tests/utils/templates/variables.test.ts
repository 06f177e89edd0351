import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  VARIABLES, VALID_VARIABLES_TEXT, findUnknownVariables, hasUnpairedBrace, renderTemplate, renderText, variableValues,
} from '@/utils/templates/variables';
import { PROPERTY_TIMEOUT_MS } from '../../helpers/property';

type Expected = Record<string, string>;

// Weekdays worked out by hand from known anchors (2025-01-01 was a Wednesday).
const CASES: Array<[string, Expected]> = [
  ['2026-11-29', {
    tanggal: '29-11-2026', tanggal_iso: '2026-11-29', hari: 'Minggu', tanggal_panjang: 'Minggu, 29 November 2026',
    bulan: 'November', tahun: '2026', minggu_ke: '5', tanggal_pendek: '29 Nov 2026',
  }],
  ['2026-01-01', {
    tanggal: '01-01-2026', tanggal_iso: '2026-01-01', hari: 'Kamis', tanggal_panjang: 'Kamis, 1 Januari 2026',
    bulan: 'Januari', tahun: '2026', minggu_ke: '1', tanggal_pendek: '1 Jan 2026',
  }],
  ['2026-03-02', {
    tanggal: '02-03-2026', tanggal_iso: '2026-03-02', hari: 'Senin', tanggal_panjang: 'Senin, 2 Maret 2026',
    bulan: 'Maret', tahun: '2026', minggu_ke: '1', tanggal_pendek: '2 Mar 2026',
  }],
  ['2026-08-17', {
    tanggal: '17-08-2026', tanggal_iso: '2026-08-17', hari: 'Senin', tanggal_panjang: 'Senin, 17 Agustus 2026',
    bulan: 'Agustus', tahun: '2026', minggu_ke: '3', tanggal_pendek: '17 Agu 2026',
  }],
  ['2026-05-08', {
    tanggal: '08-05-2026', tanggal_iso: '2026-05-08', hari: 'Jumat', tanggal_panjang: 'Jumat, 8 Mei 2026',
    bulan: 'Mei', tahun: '2026', minggu_ke: '2', tanggal_pendek: '8 Mei 2026',
  }],
  ['2026-02-28', {
    tanggal: '28-02-2026', tanggal_iso: '2026-02-28', hari: 'Sabtu', tanggal_panjang: 'Sabtu, 28 Februari 2026',
    bulan: 'Februari', tahun: '2026', minggu_ke: '4', tanggal_pendek: '28 Feb 2026',
  }],
  ['2024-02-29', {
    tanggal: '29-02-2024', tanggal_iso: '2024-02-29', hari: 'Kamis', tanggal_panjang: 'Kamis, 29 Februari 2024',
    bulan: 'Februari', tahun: '2024', minggu_ke: '5', tanggal_pendek: '29 Feb 2024',
  }],
  ['2025-12-31', {
    tanggal: '31-12-2025', tanggal_iso: '2025-12-31', hari: 'Rabu', tanggal_panjang: 'Rabu, 31 Desember 2025',
    bulan: 'Desember', tahun: '2025', minggu_ke: '5', tanggal_pendek: '31 Des 2025',
  }],
];

describe('renderText', () => {
  it.each(CASES)('renders every variable for %s', (date, expected) => {
    for (const v of VARIABLES) {
      expect(renderText(`{${v.name}}`, date), v.name).toBe(expected[v.name]);
    }
    expect(Object.keys(expected).sort()).toEqual(VARIABLES.map((v) => v.name).sort());
  });

  it('renders variables inside a sentence', () => {
    expect(renderText('Laporan {hari}, {tanggal} (minggu ke-{minggu_ke} {bulan} {tahun})', '2026-11-29'))
      .toBe('Laporan Minggu, 29-11-2026 (minggu ke-5 November 2026)');
  });

  it('matches names without regard to case, surrounding spaces, or a space/hyphen for _', () => {
    expect(renderText('{TANGGAL}|{ tanggal_iso }|{Tanggal Panjang}|{minggu-ke}', '2026-03-02'))
      .toBe('02-03-2026|2026-03-02|Senin, 2 Maret 2026|1');
  });

  it('writes literal braces doubled', () => {
    expect(renderText('{{tanggal}}', '2026-11-29')).toBe('{tanggal}');
    expect(renderText('{{{tanggal}}}', '2026-11-29')).toBe('{29-11-2026}');
    expect(renderText('a {{ b }} c', '2026-11-29')).toBe('a { b } c');
  });

  it('leaves unknown variables and unpaired braces as written', () => {
    expect(renderText('x {tgl} y', '2026-11-29')).toBe('x {tgl} y');
    expect(renderText('a { b', '2026-11-29')).toBe('a { b');
    expect(renderText('a } b {tahun', '2026-11-29')).toBe('a } b {tahun');
    expect(renderText('{}', '2026-11-29')).toBe('{}');
  });

  it('leaves text without braces unchanged', () => {
    expect(renderText('Mengajar kelas 7A; 2 JP', '2026-11-29')).toBe('Mengajar kelas 7A; 2 JP');
  });

  it('rejects a date that is not a YYYY-MM-DD calendar date', () => {
    for (const bad of ['2026-02-29', '2025-02-30', '29-11-2026', '2026-11-5', '', '2026-13-01']) {
      expect(() => renderText('{tanggal}', bad), bad).toThrow(RangeError);
    }
  });

  describe('does not depend on the machine time zone', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      process.env.TZ = saved;
    });
    it.each(['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Jayapura', 'America/Los_Angeles'])('%s', (zone) => {
      process.env.TZ = zone;
      // The zone really changed for this process (so the check below means something).
      expect(new Date(Date.UTC(2026, 0, 1, 12)).getTimezoneOffset()).not.toBe(0);
      expect(renderText('{hari} {tanggal_panjang} {tanggal}', '2026-01-01')).toBe('Kamis Kamis, 1 Januari 2026 01-01-2026');
    });
  });

  it('never throws on any text and keeps text without braces', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    const pieces = fc.constantFrom('{', '}', '{{', '}}', '{tanggal}', '{hari', 'x', ' ', '_', '\n', 'é');
    const text = fc.oneof(fc.string(), fc.array(pieces).map((p) => p.join('')));
    fc.assert(fc.property(text, (s) => {
      const out = renderText(s, '2026-11-29');
      expect(typeof out).toBe('string');
      if (!s.includes('{') && !s.includes('}')) expect(out).toBe(s);
    }));
  });

  it('gives back any text whose braces were doubled', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('{', '}', 'a', 'tanggal', ' ', '\n') }), (s) => {
      const escaped = s.replace(/[{}]/g, '$&$&');
      expect(renderText(escaped, '2026-11-29')).toBe(s);
      expect(findUnknownVariables(escaped)).toEqual([]);
      expect(hasUnpairedBrace(escaped)).toBe(false);
    }));
  });
});

describe('findUnknownVariables / hasUnpairedBrace', () => {
  it('lists unknown references as written, once each, in order', () => {
    expect(findUnknownVariables('{tgl} {tanggal} {Nama} {tgl} {}')).toEqual(['{tgl}', '{Nama}', '{}']);
    expect(findUnknownVariables('{tanggal} {{tgl}} {HARI}')).toEqual([]);
  });

  it('finds single braces', () => {
    expect(hasUnpairedBrace('a { b')).toBe(true);
    expect(hasUnpairedBrace('a } b')).toBe(true);
    expect(hasUnpairedBrace('{tanggal}}')).toBe(true);
    expect(hasUnpairedBrace('{{ {tanggal} }}')).toBe(false);
    expect(hasUnpairedBrace('{tgl}')).toBe(false);
  });

  it('spells out the valid variables for error details', () => {
    expect(VALID_VARIABLES_TEXT).toBe(
      '{tanggal}, {tanggal_iso}, {tanggal_pendek}, {tanggal_panjang}, {hari}, {bulan}, {tahun}, {minggu_ke}',
    );
  });
});

describe('variableValues / renderTemplate', () => {
  it('gives every value at once', () => {
    expect(variableValues('2026-11-29')).toEqual(CASES[0]![1]);
  });

  it('renders the text fields of a template for a date, not its times or number', () => {
    const entry = renderTemplate({
      rencanaAksi: 'Menyusun laporan', jamMulai: '07:30', jamSelesai: '08:00', kegiatan: 'Rapat {hari} {tanggal}',
      realisasi: 2, satuan: 'Laporan', buktiDukung: 'https://drive.google.com/{tanggal_iso}',
    }, '2026-01-01');
    expect(entry).toEqual({
      rencanaAksi: 'Menyusun laporan', tanggal: '2026-01-01', jamMulai: '07:30', jamSelesai: '08:00',
      kegiatan: 'Rapat Kamis 01-01-2026', realisasi: 2, satuan: 'Laporan',
      buktiDukung: 'https://drive.google.com/2026-01-01',
    });
  });
});

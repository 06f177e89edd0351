import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainSiteText, SITE_TEXT_MAX } from '@/utils/templates/site-text';
import { renderText } from '@/utils/templates/variables';
import { validateTemplateFields } from '@/utils/templates/validate';
import { PROPERTY_TIMEOUT_MS } from '../../helpers/property';

describe('plainSiteText (a Rencana Aksi offered by the page)', () => {
  it('keeps ordinary text as it is', () => {
    expect(plainSiteText('Melaksanakan pembelajaran IPA kelas 7 (semester ganjil) — 100%')).toEqual({
      ok: true, text: 'Melaksanakan pembelajaran IPA kelas 7 (semester ganjil) — 100%',
    });
  });

  it('removes controls, bidi overrides and zero-width characters; collapses white space; trims', () => {
    expect(plainSiteText('\t Rapat\u0000 koordinasi\r\n\u2028 bulanan \u202egnirts\u202c\u200b\ufeff\u0085 ')).toEqual({
      ok: true, text: 'Rapat koordinasi bulanan gnirts',
    });
    expect(plainSiteText('Cafe\u0301')).toEqual({ ok: true, text: 'Caf\u00e9' });
  });

  it('doubles braces, so the page cannot plant a template variable; rendering gives its text back', () => {
    const r = plainSiteText('Laporan {tanggal} } {');
    expect(r).toEqual({ ok: true, text: 'Laporan {{tanggal}} }} {{' });
    expect(renderText(r.ok ? r.text : '', '2026-11-30')).toBe('Laporan {tanggal} } {');
  });

  it('refuses empty, non-text and too long offers', () => {
    for (const v of ['', ' \u200b\u0007 ', undefined, 42, ['a'], { toString: () => 'x' }]) {
      expect(plainSiteText(v), String(v)).toEqual({ ok: false, code: 'template_error_rencana_aksi_required' });
    }
    expect(plainSiteText('a'.repeat(SITE_TEXT_MAX))).toMatchObject({ ok: true });
    expect(plainSiteText('a'.repeat(SITE_TEXT_MAX + 1))).toEqual({ ok: false, code: 'template_error_site_text_long', params: ['1000'] });
    expect(plainSiteText('a'.repeat(1_000_000))).toMatchObject({ ok: false, code: 'template_error_site_text_long' });
  });

  it('gives, for any text, a valid Rencana Aksi without controls that renders to itself', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
      const r = plainSiteText(s);
      if (!r.ok) return;
      expect(r.text).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
      expect(r.text).toBe(r.text.trim());
      const v = validateTemplateFields({ name: 'x', rencanaAksi: r.text, jamMulai: '07:00', jamSelesai: '08:00', kegiatan: 'k', realisasi: 1, satuan: '', buktiDukung: '', weekdays: [1] });
      expect(v.ok).toBe(true);
      expect(renderText(r.text, '2026-11-30')).toBe(r.text.replace(/\{\{/g, '{').replace(/\}\}/g, '}'));
    }), { numRuns: 2000 });
  });
});

import { describe, expect, it } from 'vitest';
import { TEMPLATE_MESSAGE_KEYS } from '@/utils/templates/messages';
import { VARIABLES } from '@/utils/templates/variables';
import { allTexts } from '../../i18n-fake';

const loadTexts = () => allTexts('template_');

const texts = loadTexts();
const placeholders = (s: string): string[] => [...s.matchAll(/\$(\d)/g)].map((m) => m[1]!).sort();

describe('templates messages', () => {
  it('has exactly the listed keys', () => {
    expect(Object.keys(texts).sort()).toEqual([...TEMPLATE_MESSAGE_KEYS].sort());
  });

  it('has Indonesian and English text for every key, with the same $n substitutions', () => {
    for (const key of TEMPLATE_MESSAGE_KEYS) {
      const m = texts[key];
      expect(m?.id.trim(), key).toBeTruthy();
      expect(m?.en.trim(), key).toBeTruthy();
      expect(placeholders(m!.en), key).toEqual(placeholders(m!.id));
    }
  });

  it('gives the unknown-variable message the two substitutions the error carries', () => {
    expect(placeholders(texts.template_error_unknown_variable!.id)).toEqual(['1', '2']);
  });

  it('describes every variable, using the examples of the issue', () => {
    for (const v of VARIABLES) expect(texts[v.descriptionKey]?.id, v.name).toBeTruthy();
    expect(texts.template_var_tanggal?.id).toContain('29-11-2026');
    expect(texts.template_var_tanggal_panjang?.id).toContain('Minggu, 29 November 2026');
  });
});

import { describe, expect, it } from 'vitest';
import { sameText, squash } from '@/utils/text/text';

describe('text helpers', () => {
  it('sameText ignores spacing and case only', () => {
    expect(sameText('  Menyusun   laporan\nKinerja ', 'menyusun laporan kinerja')).toBe(true);
    expect(sameText('Menyusun laporan', 'Menyusun laporan kinerja')).toBe(false);
    expect(sameText(null, '')).toBe(true);
  });

  it('squash collapses spacing and trims', () => {
    expect(squash('  a \n\t b ')).toBe('a b');
    expect(squash(undefined)).toBe('');
  });
});

/**
 * Conventions a test keeps honest (see DEVELOPERS.md): e-Kinerja's and ASN Digital's DOM are
 * known in utils/site/ only; entrypoints stay thin; one Preact component per file, named after it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}
/** The code of a file without its comments (roughly: block and line comments). */
const code = (file: string) => readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

const SITE_DOM = ['kinerja_harian', 'realisasi_activity', 'bukti_eviden', 'vuecal', 'kc-totp', "'#otp'", 'modal-title', '.modal.show', 'invalid-feedback', 'Tambah Progress Harian'];

describe('project conventions', () => {
  it('keeps e-Kinerja and ASN Digital DOM knowledge in utils/site/', () => {
    const outside = ['utils', 'components', 'entrypoints']
      .flatMap((d) => files(join(ROOT, d)))
      .filter((f) => !relative(ROOT, f).startsWith('utils/site/'))
      .flatMap((f) => SITE_DOM.filter((s) => code(f).includes(s)).map((s) => `${relative(ROOT, f)}: ${s}`));
    expect(outside).toEqual([]);
  });

  it('keeps entrypoints thin: wiring, not logic', () => {
    for (const f of files(join(ROOT, 'entrypoints'))) {
      expect(readFileSync(f, 'utf8').split('\n').length, relative(ROOT, f)).toBeLessThanOrEqual(40);
    }
  });

  it('has one component per file in components/, named after the file', () => {
    for (const f of files(join(ROOT, 'components')).filter((p) => p.endsWith('.tsx'))) {
      const name = basename(f, '.tsx');
      expect(readFileSync(f, 'utf8'), name).toMatch(new RegExp(`export function ${name}\\(`));
    }
  });
});

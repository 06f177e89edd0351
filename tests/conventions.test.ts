/**
 * Conventions a test keeps honest (see README "Where things live"): e-Kinerja's and ASN
 * Digital's DOM are known in utils/site/ only; layers point down (utils never import components
 * or entrypoints); every page feature is registered in its content script's list; entrypoints
 * stay wiring; one Preact component per file, named after it; the popup does not load WXT's
 * storage helper (its weight is measured by npm run bench).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PageFeature } from '@/utils/page/feature';

const ROOT = resolve(import.meta.dirname, '..');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}
/** The code of a file without its comments (roughly: block and line comments). */
const code = (file: string) => readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
const lines = (file: string) => readFileSync(file, 'utf8').split('\n').length;

/** Selectors and label texts of e-Kinerja's and ASN Digital's pages, as utils/site/ names them. */
const SITE_DOM = [
  // e-Kinerja: pages, the "Tambah Progress Harian" modal, the calendar, the navbar
  'kinerja_harian', 'realisasi_activity', 'bukti_eviden', 'Tambah Progress Harian', '.modal.show', 'modal-title', 'modal-body',
  'modal-content', 'modal-footer', 'invalid-feedback', 'data-dismiss', 'data-bs-dismiss', 'btn-close', '.v-select', 'vuecal',
  'nav-link', 'RENCANA AKSI', 'TANGGAL KEGIATAN', 'JAM MULAI', 'JAM SELESAI', 'KEGIATAN HARIAN', 'SUMBER DATA', 'BUKTI DUKUNG',
  // ASN Digital (Keycloak): the OTP step and the activation page
  'kc-totp', 'kc-attempted-username', "'#otp'", 'input#otp', 'name="otp"', 'one-time-code', 'input#totp', 'name="totp"',
];

/** Where a relative or `@/` import of `from` lands, relative to the project root. */
function importTargets(file: string): string[] {
  return [...code(file).matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .map((m) => m[1] ?? m[2]!)
    .filter((spec) => spec.startsWith('.') || spec.startsWith('@/'))
    .map((spec) => relative(ROOT, spec.startsWith('@/') ? join(ROOT, spec.slice(2)) : resolve(dirname(file), spec)));
}

const CONTENT_SCRIPTS = readdirSync(join(ROOT, 'entrypoints')).filter((d) => d.endsWith('.content'));

describe('project conventions', () => {
  it('keeps e-Kinerja and ASN Digital DOM knowledge in utils/site/', () => {
    const outside = ['utils', 'components', 'entrypoints']
      .flatMap((d) => files(join(ROOT, d)))
      .filter((f) => !relative(ROOT, f).startsWith('utils/site/'))
      .flatMap((f) => SITE_DOM.filter((s) => code(f).includes(s)).map((s) => `${relative(ROOT, f)}: ${s}`));
    expect(outside).toEqual([]);
  });

  it('points layers down: utils never import components or entrypoints', () => {
    const upward = files(join(ROOT, 'utils')).flatMap((f) =>
      importTargets(f).filter((t) => /^(components|entrypoints)\//.test(t)).map((t) => `${relative(ROOT, f)} → ${t}`));
    expect(upward).toEqual([]);
  });

  it('content scripts are folders (index.ts + one file per feature), and every feature is in the index\'s list', () => {
    expect(CONTENT_SCRIPTS.sort()).toEqual(['kinerja.content', 'sso.content']);
    for (const dir of CONTENT_SCRIPTS) {
      const index = code(join(ROOT, 'entrypoints', dir, 'index.ts'));
      const list = /runFeatures\(ctx, \[([^\]]*)\]\)/.exec(index)?.[1]?.split(',').map((s) => s.trim()).filter(Boolean) ?? [];
      const features = readdirSync(join(ROOT, 'entrypoints', dir)).filter((f) => f !== 'index.ts');
      expect(features.length, dir).toBeGreaterThan(0);
      for (const f of features) {
        const name = /export const (\w+): PageFeature/.exec(code(join(ROOT, 'entrypoints', dir, f)))?.[1];
        expect(name, `${dir}/${f} exports a PageFeature`).toBeDefined();
        expect(index, `${dir}/index.ts imports ${f}`).toMatch(new RegExp(`import \\{ ${name} \\} from './${basename(f, '.ts')}'`));
        expect(list, `${dir}/index.ts runs ${name}`).toContain(name);
      }
      expect(list.length, `${dir}: nothing in the list but its feature files`).toBe(features.length);
    }
  });

  it('each feature runs only on pages its content script is injected into', async () => {
    const modules = import.meta.glob<Record<string, unknown>>('../entrypoints/*.content/*.ts');
    for (const dir of CONTENT_SCRIPTS) {
      const script = (await modules[`../entrypoints/${dir}/index.ts`]!()).default as { matches: string[] };
      for (const f of readdirSync(join(ROOT, 'entrypoints', dir)).filter((x) => x !== 'index.ts')) {
        const mod = (await modules[`../entrypoints/${dir}/${f}`]!()) as Record<string, PageFeature>;
        for (const feature of Object.values(mod).filter((v) => typeof v === 'object' && v !== null && 'init' in v)) {
          expect(feature.matches.length, feature.name).toBeGreaterThan(0);
          for (const m of feature.matches) expect(script.matches, `${dir}/${f}`).toContain(m);
        }
      }
    }
  });

  it('keeps entrypoints thin: wiring, not logic (a feature file ≤ 60 lines, anything else ≤ 40)', () => {
    for (const f of files(join(ROOT, 'entrypoints'))) {
      const rel = relative(ROOT, f);
      const isFeature = /^entrypoints\/[^/]+\.content\/(?!index\.ts$)/.test(rel);
      expect(lines(f), rel).toBeLessThanOrEqual(isFeature ? 60 : 40);
    }
  });

  it('has one component per file in components/, named after the file', () => {
    for (const f of files(join(ROOT, 'components')).filter((p) => p.endsWith('.tsx'))) {
      const name = basename(f, '.tsx');
      expect(readFileSync(f, 'utf8'), name).toMatch(new RegExp(`export function ${name}\\(`));
    }
  });

  it('keeps the popup light: nothing it loads reaches WXT\'s storage helper (utils/storage/light.ts reads for it)', () => {
    const resolveFile = (p: string): string | undefined =>
      [p, `${p}.ts`, `${p}.tsx`, join(p, 'index.ts')].find((c) => /\.tsx?$/.test(c) && existsSync(join(ROOT, c)));
    const seen = new Set<string>();
    const heavy: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = code(join(ROOT, file));
      if (/from\s*['"]wxt\/utils\/storage['"]/.test(text)) heavy.push(file);
      // Value imports only: `import type` / `export type` leave nothing in the bundle.
      for (const m of text.matchAll(/(?:import|export)\s+(?!type\b)[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const spec = m[1] ?? m[2]!;
        if (!spec.startsWith('.') && !spec.startsWith('@/')) continue;
        const f = resolveFile(relative(ROOT, spec.startsWith('@/') ? join(ROOT, spec.slice(2)) : resolve(dirname(join(ROOT, file)), spec)));
        if (f) visit(f);
      }
    };
    visit('entrypoints/popup/main.tsx');
    expect(seen.has('utils/vault/popup-prefetch.ts')).toBe(true);
    expect(heavy).toEqual([]);
  });
});

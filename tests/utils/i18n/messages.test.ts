import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMessages } from '../../i18n-fake';

const ROOT = resolve(import.meta.dirname, '../../..');
const id = loadMessages('id');
const en = loadMessages('en');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

describe('i18n messages', () => {
  it('Indonesian and English have the same keys and placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const key of Object.keys(id)) {
      expect(Object.keys(en[key]!.placeholders ?? {}).sort(), key).toEqual(Object.keys(id[key]!.placeholders ?? {}).sort());
      expect(en[key]!.message.trim(), key).not.toBe('');
    }
  });

  it('every key the code names with t(\'…\') exists', () => {
    const used = new Set<string>();
    for (const file of [...sources(join(ROOT, 'components')), ...sources(join(ROOT, 'entrypoints')), ...sources(join(ROOT, 'utils'))]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((k) => !(k in id))).toEqual([]);
  });

  it('every message is used: by the code, or by the manifest', () => {
    const code = [...sources(join(ROOT, 'components')), ...sources(join(ROOT, 'entrypoints')), ...sources(join(ROOT, 'utils'))]
      .map((f) => readFileSync(f, 'utf8')).join('\n') + readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
    const unused = Object.keys(id).filter((k) => !new RegExp(`['"\`]${k}['"\`]|__MSG_${k}__`).test(code));
    expect(unused).toEqual([]);
  });

  it('every placeholder a message names is declared', () => {
    for (const [lang, msgs] of [['id', id], ['en', en]] as const) {
      for (const [key, m] of Object.entries(msgs)) {
        for (const [, name] of m.message.matchAll(/\$([a-z0-9_]+)\$/gi)) {
          expect(m.placeholders?.[name!.toLowerCase()], `${lang}:${key} $${name}$`).toBeDefined();
        }
      }
    }
  });
});

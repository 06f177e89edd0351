/**
 * The store packages (docs/STORE.md), made the way a release makes them: `npm run zip` (Chrome Web
 * Store) and `npm run zip:firefox` (AMO: the add-on and the sources zip AMO asks for, because the
 * add-on's code is bundled). Built into a temporary folder (WXT_OUT_DIR), so .output is untouched.
 *
 * The sources zip must hold everything a reviewer needs to rebuild (`npm ci && npm run
 * build:firefox`): package.json, the lock, the build config, every tracked source file; and
 * nothing secret or heavy: no node_modules, build output, dotfiles (.env, .git, .wxt), tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../fixture-server';

interface ZipEntry { name: string; method: number; compressed: Buffer; size: number }

/** The entries of a zip file (central directory), enough to list them and read small ones. */
function readZip(file: string): ZipEntry[] {
  const buf = readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${file}: not a zip`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory`);
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out.push({ name, method, size, compressed: buf.subarray(dataAt, dataAt + compressedSize) });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const text = (e: ZipEntry | undefined): string =>
  e ? (e.method === 0 ? e.compressed : inflateRawSync(e.compressed)).toString('utf8') : '';

let out: string;
let zips: Record<'chrome' | 'firefox' | 'sources', ZipEntry[]>;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'ekinerja-zip-'));
  const env = { ...process.env, WXT_OUT_DIR: out };
  execFileSync('npm', ['run', '--silent', 'zip'], { cwd: ROOT, env, stdio: 'pipe' });
  execFileSync('npm', ['run', '--silent', 'zip:firefox'], { cwd: ROOT, env, stdio: 'pipe' });
  const files = readdirSync(out).filter((f) => f.endsWith('.zip'));
  const find = (suffix: string) => {
    const f = files.find((x) => x.endsWith(suffix));
    if (!f) throw new Error(`no *${suffix} in ${files.join(', ')}`);
    return readZip(join(out, f));
  };
  zips = { chrome: find('-chrome.zip'), firefox: find('-firefox.zip'), sources: find('-sources.zip') };
}, 180_000);
afterAll(() => { if (out) rmSync(out, { recursive: true, force: true }); });

describe('store packages', () => {
  it('the Chrome Web Store zip: the Chrome build with manifest.json at its root, no Firefox block, no source maps', () => {
    const manifest = JSON.parse(text(zips.chrome.find((e) => e.name === 'manifest.json')));
    expect(manifest).toMatchObject({ manifest_version: 3, version: pkg.version, background: { service_worker: 'background.js' } });
    expect(manifest.browser_specific_settings).toBeUndefined();
    expect(zips.chrome.filter((e) => e.name.endsWith('.map'))).toEqual([]);
    expect(zips.chrome.map((e) => e.name)).toEqual(expect.arrayContaining(['popup.html', 'options.html', 'icon/128.png', '_locales/id/messages.json', '_locales/en/messages.json']));
  });

  it('the AMO zip: the Firefox build with its gecko id', () => {
    const manifest = JSON.parse(text(zips.firefox.find((e) => e.name === 'manifest.json')));
    expect(manifest).toMatchObject({ version: pkg.version, browser_specific_settings: { gecko: { id: 'asisten-ekinerja@asisten-ekinerja.id' } } });
    expect(zips.firefox.filter((e) => e.name.endsWith('.map'))).toEqual([]);
  });

  it('the sources zip holds what a rebuild needs and nothing secret or heavy', () => {
    const names = zips.sources.map((e) => e.name);
    for (const f of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md']) expect(names).toContain(f);
    // Every tracked file the build reads.
    const tracked = execFileSync('git', ['ls-files', 'entrypoints', 'components', 'utils', 'public'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n').filter(Boolean);
    expect(tracked.length).toBeGreaterThan(20);
    expect(tracked.filter((f) => !names.includes(f))).toEqual([]);
    // Nothing else that is heavy or private.
    expect(names.filter((n) => /(^|\/)(node_modules|\.output[^/]*|\.wxt|\.git|\.env[^/]*|\.ci)(\/|$)/.test(n))).toEqual([]);
    expect(names.filter((n) => /^(tests|bench)\//.test(n) || n.endsWith('.zip'))).toEqual([]);
    const total = zips.sources.reduce((sum, e) => sum + e.size, 0);
    expect(total).toBeLessThan(5 * 1024 * 1024);
    // The README tells a reviewer how to rebuild.
    expect(text(zips.sources.find((e) => e.name === 'README.md'))).toContain('npm run build:firefox');
  });
});

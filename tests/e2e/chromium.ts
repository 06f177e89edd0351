/** Where Debian's Chromium is and how every test launches it. */
import { existsSync } from 'node:fs';

/** Flags for a headless Chromium on a machine with no network but the package registries. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`chromium not found at ${path}: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  return path;
}

/**
 * The extension's messages follow Chromium's UI language, which needs that language's pack.
 * Debian ships only en-US with the chromium package; the rest come with chromium-l10n.
 */
export function requireLocale(executable: string, lang: string): void {
  if (lang.startsWith('en')) return;
  const dir = executable === '/usr/bin/chromium' ? '/usr/lib/chromium/locales' : null;
  if (dir && !existsSync(`${dir}/${lang}.pak`)) {
    throw new Error(`chromium has no "${lang}" language pack (${dir}/${lang}.pak): apt-get install -y chromium-l10n`);
  }
}

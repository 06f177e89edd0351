/**
 * MFA measurements for `npm run bench` (bench/run.ts calls measureMfa with its session, whose
 * extension copy has bench-blank.html), or on their own:
 *   WXT_OUT_DIR=.output-x npx tsx bench/mfa.ts      (uses an existing build in that folder)
 *
 *  - popup time-to-codes with 20 accounts: the popup's POPUP_CODES_MARK (the codes are on
 *    screen) vs. the blank extension page's load, measured alternately (median of RUNS each),
 *    without and with a vault passphrase (unlocked);
 *  - vault unlock time: from the page sending `unlockVault` to its answer (PBKDF2-SHA-256 with
 *    600,000 iterations, verifier, snapshot of the 20 accounts), median of UNLOCK_RUNS.
 * The accounts and the passphrase are removed afterwards, so the other measurements see an
 * empty authenticator as before.
 */
import { cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { launchExtension, OUTPUT, type ExtensionSession } from '../tests/e2e/harness';
import { POPUP_CODES_MARK } from '../utils/vault/snapshot';

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const UNLOCK_RUNS = Number(process.env.BENCH_UNLOCK_RUNS ?? 5);
const ACCOUNTS = 20;
const PASSPHRASE = 'bench kopi tubruk pagi';

export interface MfaBench {
  accounts: number;
  runs: number;
  /** Median ms to the codes on screen, no passphrase. */
  popupCodesMs: number;
  /** The same with a passphrase set (vault unlocked). */
  popupCodesVaultMs: number;
  /** Median load of the blank extension page, measured alternately with the popup. */
  blankMs: number;
  popupCodesOverBlank: number;
  popupCodesVaultOverBlank: number;
  /** Median ms of an unlock (600,000 PBKDF2 iterations) as the popup sees it. */
  vaultUnlockMs: number;
  unlockRuns: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A message to the background in the extension's own format (@webext-core/messaging). */
function message<T>(page: Page, type: string, data?: unknown): Promise<T> {
  return page.evaluate(([type, data]) => new Promise<unknown>((resolve, reject) => {
    chrome.runtime.sendMessage({ id: Math.random(), type, data, timestamp: Date.now() }, (r: { res?: unknown; err?: unknown }) => {
      if (chrome.runtime.lastError) reject(new Error(chrome.runtime.lastError.message));
      else if (r?.err) reject(new Error(JSON.stringify(r.err)));
      else resolve(r.res);
    });
  }), [type, data] as const) as Promise<T>;
}

/** A 20-byte base32 secret that differs per index. */
function secret(i: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let s = '';
  for (let k = 0; k < 32; k++) s += alphabet[(i * 7 + k * 13 + ((i * k) % 5)) % 32];
  return s;
}

async function popupVsBlank(page: Page, base: string): Promise<{ popup: number; blank: number }> {
  const popup: number[] = [];
  const blank: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    await page.goto(`${base}/popup.html`);
    const p = await page.waitForFunction(
      ([mark, n]: [string, number]) => {
        const m = performance.getEntriesByName(mark)[0];
        // The mark is set when the codes are rendered; check they are all there.
        return m && document.querySelectorAll('button.mfa-code').length === n ? m.startTime : null;
      },
      [POPUP_CODES_MARK, ACCOUNTS] as [string, number],
    );
    const popupMs = (await p.jsonValue()) as number;
    const res = await page.goto(`${base}/bench-blank.html`);
    if (!res?.ok()) throw new Error('bench-blank.html is missing from the extension under test (bench/run.ts adds it to its copy)');
    // (No named functions inside evaluate: tsx would wrap them in a helper the page lacks.)
    const b = await page.waitForFunction(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd);
    const blankMs = (await b.jsonValue()) as number;
    if (i >= 2) { popup.push(popupMs); blank.push(blankMs); } // two warm-up rounds
  }
  return { popup: median(popup), blank: median(blank) };
}

export async function measureMfa(session: ExtensionSession): Promise<MfaBench> {
  const base = `chrome-extension://${session.extensionId}`;
  const page = await session.context.newPage();
  await page.goto(`${base}/options.html`);
  const ids: string[] = [];
  for (let i = 0; i < ACCOUNTS; i++) {
    const text = i === 0
      ? `otpauth://totp/public-siasn:199001012015011001?secret=${secret(i)}&issuer=public-siasn`
      : `otpauth://totp/Layanan%20${i}:pegawai${i}@instansi.go.id?secret=${secret(i)}&issuer=Layanan%20${i}`;
    const res = await message<{ ok: boolean; added?: { id: string }[] }>(page, 'addAccounts', { source: { kind: 'text', text }, duplicates: 'add' });
    if (!res.ok) throw new Error(`could not add bench account ${i}: ${JSON.stringify(res)}`);
    ids.push(...res.added!.map((a) => a.id));
  }
  try {
    const plain = await popupVsBlank(page, base);

    await page.goto(`${base}/options.html`);
    const set = await message<{ ok: boolean }>(page, 'setVaultPassphrase', { current: null, next: PASSPHRASE });
    if (!set.ok) throw new Error(`could not set the bench passphrase: ${JSON.stringify(set)}`);
    const vault = await popupVsBlank(page, base);

    await page.goto(`${base}/options.html`);
    const unlock: number[] = [];
    for (let i = 0; i < UNLOCK_RUNS; i++) {
      await message(page, 'lockVault');
      const ms = await page.evaluate((pass) => new Promise<number>((resolve, reject) => {
        const t0 = performance.now();
        chrome.runtime.sendMessage({ id: Math.random(), type: 'unlockVault', data: pass, timestamp: Date.now() }, (r: { res?: { ok: boolean } }) => {
          if (!r?.res?.ok) reject(new Error('unlock failed'));
          else resolve(performance.now() - t0);
        });
      }), PASSPHRASE);
      unlock.push(ms);
    }
    await message(page, 'setVaultPassphrase', { current: PASSPHRASE, next: null });
    return {
      accounts: ACCOUNTS,
      runs: RUNS,
      popupCodesMs: plain.popup,
      popupCodesVaultMs: vault.popup,
      blankMs: median([plain.blank, vault.blank]),
      popupCodesOverBlank: Number((plain.popup / plain.blank).toFixed(3)),
      popupCodesVaultOverBlank: Number((vault.popup / vault.blank).toFixed(3)),
      vaultUnlockMs: median(unlock),
      unlockRuns: UNLOCK_RUNS,
    };
  } finally {
    await page.goto(`${base}/options.html`);
    await message(page, 'setVaultPassphrase', { current: PASSPHRASE, next: null }).catch(() => undefined);
    for (const id of ids) await message(page, 'removeAccount', id).catch(() => undefined);
    await page.close();
  }
}

// On its own: a copy of the existing build with the blank page added (as bench/run.ts does).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = join(OUTPUT, 'chrome-mv3');
  if (!existsSync(join(out, 'manifest.json'))) throw new Error(`no build in ${out}`);
  const dir = resolve(OUTPUT, 'bench-mfa-chrome-mv3');
  rmSync(dir, { recursive: true, force: true });
  cpSync(out, dir, { recursive: true });
  writeFileSync(join(dir, 'bench-blank.html'), '<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body></body></html>');
  const session = await launchExtension({ extensionPath: dir });
  try {
    const r = await measureMfa(session);
    console.log(JSON.stringify(r, null, 2));
  } finally {
    await session.close(true);
    rmSync(dir, { recursive: true, force: true });
  }
}

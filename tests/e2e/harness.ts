/**
 * End-to-end harness: Debian's Chromium with the built extension loaded, through playwright-core.
 * Fixture pages are served at the real addresses (https://kinerja.bkn.go.id/…) with
 * context.route, so the manifest's real match patterns are exercised.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, requireLocale } from './chromium';
import { checkFixtures, fixtureResponse, ROOT } from './fixture-server';

export { EKINERJA, FIXTURES, ROOT, SSO } from './fixture-server';

/** The build folder (WXT_OUT_DIR when set, as in wxt.config.ts). */
export const OUTPUT = resolve(ROOT, process.env.WXT_OUT_DIR ?? '.output');

export function extensionDir(browser: 'chrome-mv3' | 'firefox-mv3' = 'chrome-mv3'): string {
  const dir = join(OUTPUT, browser);
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`extension not built: ${dir}/manifest.json is missing. Run "npm run build${browser === 'firefox-mv3' ? ':firefox' : ''}" first (npm run test:e2e does; mind WXT_OUT_DIR).`);
  }
  return dir;
}

export interface LaunchOptions {
  /** Reuse a profile (to test a browser restart); a fresh one by default. */
  userDataDir?: string;
  /** Browser UI language, which picks the extension's messages: 'id' by default. */
  lang?: 'id' | 'en';
  /** Extension folder to load (bench uses a copy). */
  extensionPath?: string;
  /**
   * A fresh install opens the welcome checklist (options.html#welcome) in a tab. 'close' (the
   * default): the harness waits until it has rendered and closes it, so each test starts from its
   * own pages; 'keep': it stays open as `session.welcome`; 'close-at-once': closed as soon as the
   * tab exists, while it still loads (a user's quick close); 'none': not waited for (a build from
   * before the welcome tab, which the bench compares with).
   */
  welcomeTab?: 'close' | 'keep' | 'close-at-once' | 'none';
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /** The extension's service worker (the background). */
  background(): Promise<Worker>;
  /** Opens an extension page (popup.html, options.html) in a new tab. */
  openPage(path: 'popup.html' | 'options.html' | string): Promise<Page>;
  /** The welcome checklist the install opened (with `welcomeTab: 'keep'`). */
  welcome?: Page;
  /** Closes the browser, keeping the profile unless `removeProfile`. */
  close(removeProfile?: boolean): Promise<void>;
}

export async function launchExtension(opts: LaunchOptions = {}): Promise<ExtensionSession> {
  const ext = opts.extensionPath ?? extensionDir();
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'ekinerja-e2e-'));
  const lang = opts.lang ?? 'id';
  const executablePath = chromiumPath();
  requireLocale(executablePath, lang);
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      locale: lang === 'id' ? 'id-ID' : 'en-US',
      acceptDownloads: true,
      env: { ...process.env, LANG: lang === 'id' ? 'id_ID.UTF-8' : 'en_US.UTF-8', LANGUAGE: lang },
      args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, `--lang=${lang}`, ...CHROMIUM_ARGS],
    });
  } catch (err) {
    throw new Error(`could not launch chromium with the extension from ${ext}: ${(err as Error).message}`, { cause: err });
  }
  const background = async (): Promise<Worker> => {
    const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    if (existing) return existing;
    try {
      return await context.waitForEvent('serviceworker', { timeout: 10_000 });
    } catch {
      throw new Error('the extension\'s service worker did not start within 10 s: is .output/chrome-mv3 a valid build? (see chrome://extensions errors)');
    }
  };
  const worker = await background();
  const extensionId = new URL(worker.url()).host;
  let welcome: Page | undefined;
  if (!opts.userDataDir && opts.welcomeTab !== 'none') welcome = await installWelcome(context, extensionId, opts.welcomeTab ?? 'close');
  return {
    context,
    extensionId,
    userDataDir,
    welcome,
    background,
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close(removeProfile = false) {
      await context.close();
      if (removeProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh install opens the welcome checklist (utils/background/welcome.ts): waits for its tab
 * and for it to render (the app mounted, as a user sees it), then does what `tab` says.
 */
async function installWelcome(context: BrowserContext, extensionId: string, tab: Exclude<LaunchOptions['welcomeTab'], 'none' | undefined>): Promise<Page | undefined> {
  const url = `chrome-extension://${extensionId}/options.html#welcome`;
  const find = () => context.pages().find((p) => p.url() === url);
  let welcome = find();
  // A tab may show up before its address does: look again at each new page, and every second.
  for (const until = Date.now() + 15_000; !welcome && Date.now() < until; welcome = find()) {
    await context.waitForEvent('page', { timeout: 1_000 }).catch(() => undefined);
  }
  if (!welcome) throw new Error(`a fresh install did not open ${url} within 15 s (utils/background/welcome.ts)`);
  if (tab !== 'close-at-once') await welcome.locator('#app > *').first().waitFor();
  if (tab === 'keep') return welcome;
  await welcome.close();
  return undefined;
}

/**
 * Serves `routes` (path → fixture file under tests/fixtures) at `origin`, e.g.
 * serveFixtures(ctx, 'https://kinerja.bkn.go.id', { '/kinerja_harian': 'kinerja/kinerja_harian.html' }).
 * Any other path on that origin answers 404 and names the path, so a missing fixture is obvious.
 */
export async function serveFixtures(context: BrowserContext, origin: string, routes: Record<string, string>): Promise<void> {
  checkFixtures(routes);
  await context.route(`${origin}/**`, async (route) => {
    await route.fulfill(fixtureResponse(routes, new URL(route.request().url()).pathname));
  });
}

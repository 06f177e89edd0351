/**
 * End-to-end harness for Firefox: Debian's firefox-esr with the built Firefox extension
 * (.output/firefox-mv3) installed as a temporary add-on, driven by puppeteer-core over WebDriver
 * BiDi (no browser download, no driver). The Chromium harness (../harness.ts) is Playwright's.
 *
 * Web pages (the e-Kinerja replica, the SSO pages) are puppeteer pages. Fixtures are served at
 * the real addresses by one BiDi network intercept for the whole browser (so a tab the extension
 * opens by itself is served too), with the same route table and answers as Chromium's
 * (../fixture-server.ts).
 *
 * Extension pages (popup.html, options.html): Firefox's WebDriver BiDi neither navigates to
 * moz-extension:// nor lets a script run in an extension page. Nothing test-only goes into the
 * extension for that; instead the harness
 *  - fixes the add-on's internal UUID (pref `extensions.webextensions.uuids`), so its pages'
 *    addresses are known;
 *  - starts Firefox with system access for the remote agent (MOZ_REMOTE_ALLOW_SYSTEM_ACCESS), which
 *    exposes the browser window (chrome://browser/content/browser.xhtml) to BiDi's script module;
 *  - runs extension pages in the parent process (pref `extensions.webextensions.remote` false), so
 *    the browser window's privileged code reaches their DOM directly.
 * A test opens an extension page as a tab of that window (gBrowser.addTab) and drives it with
 * `run(fn)`: `fn` runs in the browser window with a small DOM toolkit over the page (DOM_TOOLKIT
 * below). Events dispatched by privileged code are trusted, like a user's.
 *
 * Notifications: headless Firefox has no desktop notifications to look at, so the harness puts a
 * recorder in place of the OS alert service (the XPCOM contract @mozilla.org/alerts-service;1 that
 * the notifications API calls): it records every alert the extension shows (title, text, actions)
 * and can click an alert's body, which is what a user does in Firefox (no buttons there).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { checkFixtures, fixtureResponse } from '../fixture-server';
import { extensionDir } from '../harness';

export { EKINERJA, SSO, FIXTURES, ROOT } from '../fixture-server';

/** The gecko id of wxt.config.ts's browser_specific_settings. */
export const GECKO_ID = 'asisten-ekinerja@asisten-ekinerja.id';
/** The internal UUID the add-on gets (pref extensions.webextensions.uuids). */
export const EXTENSION_UUID = '6f1c2a8e-0d4b-4c5e-9a7f-3b2d1e0c9f8a';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(path)) throw new Error(`firefox not found at ${path}: apt-get install -y firefox-esr firefox-esr-l10n-id (or set FIREFOX_PATH)`);
  // The extension's messages follow Firefox's UI language; Debian ships Indonesian in a language pack.
  const langpack = '/usr/lib/firefox-esr/browser/extensions/langpack-id@firefox-esr.mozilla.org.xpi';
  if (path === '/usr/bin/firefox-esr' && !existsSync(langpack)) throw new Error(`firefox-esr has no Indonesian language pack (${langpack}): apt-get install -y firefox-esr-l10n-id`);
  return path;
}

/** An answer to a routed request. */
export interface RoutedResponse {
  status?: number;
  contentType?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}
/** A request as the route handlers and the recorder see it. */
export interface RoutedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
}
export type RouteHandler = (req: RoutedRequest) => RoutedResponse | undefined;

/** An alert the extension showed (what a user would see), as the recorder kept it. */
export interface ShownAlert {
  name: string;
  title: string;
  text: string;
  imageURL: string;
  /** Buttons on the alert (Firefox's notifications API has none). */
  actions: number;
  textClickable: boolean;
}

/** A DOM toolkit over an extension page, for `ExtensionPage.run` (runs in the browser window). */
export interface Dom {
  win: Window & typeof globalThis;
  doc: Document;
  /** The page's own `browser` (the extension's APIs, as that page has them). */
  api: typeof import('webextension-polyfill');
  /** Resolves with `probe()`'s first truthy value; throws after `ms` naming `what`. */
  wait<T>(what: string, probe: () => T | null | undefined | false, ms?: number): Promise<T>;
  /** Visible text of `el` with whitespace collapsed. */
  text(el: Element | null | undefined): string;
  /** A copy of `value` that the page can read (objects handed to `api` must be the page's). */
  clone<T>(value: T): T;
  /** Elements matching `selector` (inside `within`, default the document). */
  all(selector: string, within?: ParentNode): Element[];
  /** The form control labelled `label` (label[for], a wrapping label, aria-label or aria-labelledby). */
  control(label: string, within?: ParentNode): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null;
  /** The button (or link) whose accessible name is `name` (exact, or matching a RegExp source with /…/). */
  button(name: string, within?: ParentNode): HTMLElement | null;
  /** The element with role/landmark named `name` (aria-label, aria-labelledby). */
  named(role: string, name: string, within?: ParentNode): HTMLElement | null;
  /** Each action returns once the page has had its turn to render (a user is never faster). */
  click(el: Element): Promise<void>;
  /** Types `value` into a text-like control (input and change events, as typing and leaving do). */
  fill(el: Element, value: string): Promise<void>;
  /** Chooses the option with this value or visible text. */
  select(el: Element, valueOrText: string): Promise<void>;
  /** Puts a file from disk into a file input (as the file chooser does). */
  setFile(el: Element, path: string): Promise<void>;
}

export interface ExtensionPage {
  url: string;
  /** Runs `fn` with the DOM toolkit over this page; its result comes back as JSON. */
  run<T, A extends unknown[]>(fn: (dom: Dom, ...args: A) => T | Promise<T>, ...args: A): Promise<T>;
  close(): Promise<void>;
}

export interface FirefoxSession {
  browser: Browser;
  /** The gecko id Firefox installed the add-on under. */
  addonId: string;
  /** The welcome checklist the fresh install opened (rendered; the test closes it). */
  welcome: ExtensionPage;
  /** A new tab for web pages (fixtures are routed). */
  newPage(): Promise<Page>;
  /** Opens an extension page (popup.html, options.html) in a tab of the browser window. */
  openPage(path: string): Promise<ExtensionPage>;
  /** Serves `routes` (path → file under tests/fixtures) at `origin`; later calls win. */
  serveFixtures(origin: string, routes: Record<string, string>): void;
  /** Answers requests whose URL starts with `prefix` (e.g. the SSO's root for the clock check). */
  route(prefix: string, handler: RouteHandler): void;
  /** Every request to the routed origins, in order. */
  requests: RoutedRequest[];
  /** Alerts (notifications) shown so far, and the names of those taken away. */
  alerts(): Promise<{ shown: ShownAlert[]; closed: string[] }>;
  /** Clicks the body of the alert named `name`, as the user does. */
  clickAlert(name: string): Promise<void>;
  /** Runs `fn` in the browser window's privileged realm (source text; arguments as JSON). */
  chrome<T>(fn: string, ...args: unknown[]): Promise<T>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  /** Time zone of the browser (TZ), for "Ikuti komputer ini". */
  tz?: string;
}

/** Origins whose requests the harness intercepts (and answers: nothing there reaches a network). */
const ROUTED_ORIGINS = ['https://kinerja.bkn.go.id', 'https://sso-siasn.bkn.go.id', 'https://asndigital.bkn.go.id'];

/** In the browser window: the alert recorder in place of the OS alert service. */
const INSTALL_ALERT_RECORDER = `() => {
  if (globalThis.__e2eAlerts) return;
  const state = { shown: [], closed: [], listeners: new Map() };
  const service = {
    QueryInterface: ChromeUtils.generateQI(['nsIAlertsService', 'nsIAlertsDoNotDisturb']),
    showAlert(alert, listener) {
      state.shown.push({ name: alert.name, title: alert.title, text: alert.text, imageURL: alert.imageURL || '',
        actions: (alert.actions || []).length, textClickable: alert.textClickable });
      if (listener) state.listeners.set(alert.name, { listener, cookie: alert.cookie });
      listener?.observe(null, 'alertshow', alert.cookie);
    },
    showAlertNotification() { throw Components.Exception('not used', Cr.NS_ERROR_NOT_IMPLEMENTED); },
    closeAlert(name) {
      state.closed.push(name);
      const l = state.listeners.get(name);
      state.listeners.delete(name);
      l?.listener.observe(null, 'alertfinished', l.cookie);
    },
    manualDoNotDisturb: false,
    suppressForScreenSharing: false,
  };
  const factory = { createInstance(iid) { return service.QueryInterface(iid); } };
  Components.manager.QueryInterface(Ci.nsIComponentRegistrar)
    .registerFactory(Components.ID(Services.uuid.generateUUID().toString()), 'e2e alert recorder', '@mozilla.org/alerts-service;1', factory);
  globalThis.__e2eAlerts = state;
}`;

/** In the browser window: the DOM toolkit handed to ExtensionPage.run (see the Dom interface). */
const DOM_TOOLKIT = `(win) => {
  const doc = win.document;
  const squash = (s) => (s || '').replace(/\\s+/g, ' ').trim();
  const text = (el) => squash(el && el.textContent);
  const all = (sel, within) => Array.from((within || doc).querySelectorAll(sel));
  const matches = (actual, wanted) => wanted.startsWith('/') && wanted.endsWith('/') ? new RegExp(wanted.slice(1, -1)).test(actual) : actual === wanted;
  const labelled = (el) => {
    if (el.getAttribute('aria-label')) return squash(el.getAttribute('aria-label'));
    const by = el.getAttribute('aria-labelledby');
    if (by) return squash(by.split(/\\s+/).map((id) => text(doc.getElementById(id))).join(' '));
    return '';
  };
  // A user is never faster than the page's next render: let it run (Preact renders in a microtask).
  const settle = () => new Promise((r) => win.setTimeout(r, 0));
  const dom = {
    win, doc, api: win.wrappedJSObject.browser,
    async wait(what, probe, ms = 15000) {
      const end = Date.now() + ms;
      for (;;) {
        const v = probe();
        if (v) return v;
        if (Date.now() > end) throw new Error('timed out waiting for ' + what);
        await new Promise((r) => win.setTimeout(r, 50));
      }
    },
    text, all,
    clone: (value) => Components.utils.cloneInto(value, win),
    control(label, within) {
      for (const l of all('label', within)) {
        if (squash(l.textContent) !== label) continue;
        const c = l.htmlFor ? doc.getElementById(l.htmlFor) : l.querySelector('input,select,textarea');
        if (c) return c;
      }
      return all('input,select,textarea', within).find((c) => labelled(c) === label) || null;
    },
    button(name, within) {
      return all('button,a,[role=button]', within).find((b) => matches(labelled(b) || text(b), name)) || null;
    },
    named(role, name, within) {
      return all('[role=' + role + '],' + (role === 'region' ? 'section' : role === 'list' ? 'ul,ol' : role), within)
        .find((el) => labelled(el) === name) || null;
    },
    async click(el) { el.scrollIntoView?.({ block: 'center' }); el.focus?.(); el.click(); await settle(); },
    async fill(el, value) {
      el.focus();
      el.value = value;
      el.dispatchEvent(new win.Event('input', { bubbles: true }));
      el.dispatchEvent(new win.Event('change', { bubbles: true }));
      await settle();
    },
    async select(el, wanted) {
      const option = Array.from(el.options).find((o) => o.value === wanted || squash(o.textContent) === wanted);
      if (!option) throw new Error('no option ' + wanted + ' in ' + (el.id || el.name));
      el.value = option.value;
      el.dispatchEvent(new win.Event('input', { bubbles: true }));
      el.dispatchEvent(new win.Event('change', { bubbles: true }));
      await settle();
    },
    async setFile(el, path) {
      const file = await File.createFromFileName(path);
      el.mozSetFileArray([file]);
      el.dispatchEvent(new win.Event('input', { bubbles: true }));
      el.dispatchEvent(new win.Event('change', { bubbles: true }));
    },
  };
  return dom;
}`;

type BidiConnection = {
  send(method: string, params: unknown): Promise<{ result: Record<string, unknown> }>;
  on(event: string, listener: (params: Record<string, unknown>) => void): void;
};
type BidiValue = { type: string; value?: unknown };
type BidiRequestEvent = {
  isBlocked: boolean;
  intercepts?: string[];
  request: { request: string; url: string; method: string; headers: { name: string; value: { type: string; value: string } }[] };
};

export async function launchFirefox(opts: FirefoxLaunchOptions = {}): Promise<FirefoxSession> {
  const ext = extensionDir('firefox-mv3');
  const profile = mkdtempSync(join(tmpdir(), 'ekinerja-ff-'));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  Object.assign(env, { MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1', LANG: 'id_ID.UTF-8', LANGUAGE: 'id' });
  if (opts.tz) env.TZ = opts.tz;
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: true,
      userDataDir: profile,
      env,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
        'extensions.webextensions.remote': false,
        // The extension's messages follow Firefox's UI language (langpack from firefox-esr-l10n-id).
        'intl.locale.requested': 'id',
        'intl.accept_languages': 'id-ID, id',
        // Nothing but the routed origins: no background traffic on a machine without internet.
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
      },
    });
  } catch (err) {
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`could not launch ${firefoxPath()}: ${(err as Error).message}. apt-get install -y firefox-esr firefox-esr-l10n-id (or set FIREFOX_PATH)`, { cause: err });
  }
  const conn = (browser as unknown as { connection: BidiConnection }).connection;

  // The browser window (privileged realm).
  const tree = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const top = (tree.result.contexts as { context: string; url: string }[]).find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!top) {
    await browser.close();
    throw new Error('no browser window over BiDi: was MOZ_REMOTE_ALLOW_SYSTEM_ACCESS honoured?');
  }
  const chrome = async <T>(fn: string, ...args: unknown[]): Promise<T> => {
    const res = await conn.send('script.callFunction', {
      functionDeclaration: `async (argsJson) => { const __name = (f) => f; const r = await (${fn})(...JSON.parse(argsJson)); return JSON.stringify(r === undefined ? null : r); }`,
      arguments: [{ type: 'string', value: JSON.stringify(args) }],
      target: { context: top.context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    const r = res.result as { type: string; result?: BidiValue; exceptionDetails?: { text: string } };
    if (r.type === 'exception') throw new Error(`in the browser window: ${r.exceptionDetails?.text ?? 'exception'}`);
    return JSON.parse(String(r.result?.value)) as T;
  };
  await chrome(INSTALL_ALERT_RECORDER);
  await chrome(`() => { globalThis.__e2eDom = ${DOM_TOOLKIT}; globalThis.__e2eTabs = new Map(); globalThis.__e2eNextTab = 1; }`);

  // Routing: one intercept for every tab, answered from the route table.
  const routes: { prefix: string; handler: RouteHandler }[] = [];
  const requests: RoutedRequest[] = [];
  await conn.send('session.subscribe', { events: ['network.beforeRequestSent'] });
  const intercept = await conn.send('network.addIntercept', {
    phases: ['beforeRequestSent'],
    urlPatterns: ROUTED_ORIGINS.map((o) => ({ type: 'pattern', protocol: 'https', hostname: new URL(o).hostname })),
  });
  const interceptId = intercept.result.intercept as string;
  conn.on('network.beforeRequestSent', (e) => {
    const ev = e as unknown as BidiRequestEvent;
    if (!ev.isBlocked || !ev.intercepts?.includes(interceptId)) return;
    const req: RoutedRequest = {
      url: ev.request.url,
      method: ev.request.method,
      headers: Object.fromEntries(ev.request.headers.map((h) => [h.name.toLowerCase(), h.value.value])),
    };
    requests.push(req);
    let answer: RoutedResponse | undefined;
    for (let i = routes.length - 1; i >= 0 && !answer; i--) {
      if (req.url.startsWith(routes[i]!.prefix)) answer = routes[i]!.handler(req);
    }
    answer ??= { status: 404, contentType: 'text/plain', body: `nothing routed for ${req.url} (firefox harness)` };
    const body = typeof answer.body === 'string' ? Buffer.from(answer.body) : answer.body ?? Buffer.alloc(0);
    const headers = { 'content-type': answer.contentType ?? 'text/html; charset=utf-8', ...answer.headers };
    void conn.send('network.provideResponse', {
      request: ev.request.request,
      statusCode: answer.status ?? 200,
      reasonPhrase: (answer.status ?? 200) === 200 ? 'OK' : 'Not Found',
      headers: Object.entries(headers).map(([name, value]) => ({ name, value: { type: 'string', value } })),
      body: { type: 'base64', value: body.toString('base64') },
    }).catch(() => undefined);
  });

  let addonId: string;
  try {
    addonId = await browser.installExtension(ext);
  } catch (err) {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`Firefox refused the add-on in ${ext}: ${(err as Error).message}`, { cause: err });
  }

  /** An extension page in the tab registered as `key` (globalThis.__e2eTabs). */
  const extensionPage = (key: number, url: string): ExtensionPage => ({
    url,
    run(fn, ...args) {
      return chrome(`async (key, ...args) => {
        const tab = globalThis.__e2eTabs.get(key);
        if (!tab || !tab.linkedBrowser) throw new Error('the extension page was closed');
        const dom = globalThis.__e2eDom(tab.linkedBrowser.contentWindow);
        return await (${fn.toString()})(dom, ...args);
      }`, key, ...args);
    },
    async close() {
      await chrome(`(key) => { const tab = globalThis.__e2eTabs.get(key); globalThis.__e2eTabs.delete(key); if (tab) gBrowser.removeTab(tab); }`, key);
    },
  });

  // A fresh install opens the welcome checklist (utils/background/welcome.ts): its tab, once rendered.
  const welcomeUrl = `${EXTENSION_ORIGIN}/options.html#welcome`;
  let welcomeKey: number;
  try {
    welcomeKey = await chrome<number>(`async (url) => {
      const end = Date.now() + 15000;
      for (;;) {
        const tab = gBrowser.tabs.find((t) => t.linkedBrowser && t.linkedBrowser.currentURI.spec === url);
        const doc = tab && tab.linkedBrowser.contentDocument;
        if (doc && doc.readyState === 'complete' && doc.getElementById('app') && doc.getElementById('app').childElementCount) {
          const key = globalThis.__e2eNextTab++;
          globalThis.__e2eTabs.set(key, tab);
          return key;
        }
        if (Date.now() > end) throw new Error('a fresh install did not open ' + url + ' within 15 s (utils/background/welcome.ts)');
        await new Promise((r) => setTimeout(r, 50));
      }
    }`, welcomeUrl);
  } catch (err) {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
    throw err;
  }

  const session: FirefoxSession = {
    browser,
    addonId,
    welcome: extensionPage(welcomeKey, welcomeUrl),
    requests,
    chrome,
    async newPage() {
      return browser.newPage();
    },
    async openPage(path) {
      const url = `${EXTENSION_ORIGIN}/${path.replace(/^\//, '')}`;
      const key = await chrome<number>(`async (url) => {
        const tab = gBrowser.addTab(url, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
        gBrowser.selectedTab = tab;
        const key = globalThis.__e2eNextTab++;
        globalThis.__e2eTabs.set(key, tab);
        const end = Date.now() + 15000;
        for (;;) {
          const b = tab.linkedBrowser;
          const doc = b.contentDocument;
          if (b.currentURI.spec === url && doc && doc.readyState === 'complete' && doc.body && doc.body.childElementCount) return key;
          if (Date.now() > end) throw new Error('extension page did not load: ' + url + ' (now ' + b.currentURI.spec + ', remote ' + b.isRemoteBrowser + ')');
          await new Promise((r) => setTimeout(r, 50));
        }
      }`, url);
      return extensionPage(key, url);
    },
    serveFixtures(origin, table) {
      checkFixtures(table);
      routes.push({ prefix: `${origin}/`, handler: (req) => fixtureResponse(table, new URL(req.url).pathname) });
    },
    route(prefix, handler) {
      routes.push({ prefix, handler });
    },
    alerts() {
      return chrome(`() => ({ shown: globalThis.__e2eAlerts.shown, closed: globalThis.__e2eAlerts.closed })`);
    },
    async clickAlert(name) {
      await chrome(`(name) => {
        const l = globalThis.__e2eAlerts.listeners.get(name);
        if (!l) throw new Error('no alert showing named ' + name);
        l.listener.observe(null, 'alertclickcallback', l.cookie);
      }`, name);
    },
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return session;
}

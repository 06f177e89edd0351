/**
 * In-page features: how the content scripts run.
 *
 * Each content script (entrypoints/kinerja.content/, entrypoints/sso.content/) is a folder whose
 * index.ts runs a list of features, one file per feature beside it. A feature is
 * `{ name, matches, init(ctx, signal) }`: `init` wires page readers (utils/site/) and mechanics
 * (utils/fill/, utils/sso-helper/) to the page, and hands `signal` to every listener, observer
 * and timer it starts. The signal aborts when the extension is reloaded or removed (the content
 * script's context is invalidated) and when the feature itself fails: one failing feature stops
 * only itself, never its neighbours.
 *
 * Where a change goes: a new thing the extension does on a page → a new feature file beside the
 * index.ts, added to its list; shared in-page machinery (this runner, the shadow-root widget,
 * the DOM factory) → here, utils/page/.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface PageFeature {
  /** Shown in the console when the feature fails. */
  name: string;
  /** Match patterns (`https://host/*`) of the pages it runs on: a subset of its content script's. */
  matches: readonly string[];
  init(ctx: ContentScriptContext, signal: AbortSignal): void | Promise<void>;
}

/** Whether `url` matches a match pattern whose only wildcard is `*` (any characters). */
export function matchesUrl(pattern: string, url: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*')}$`);
  return re.test(url);
}

/**
 * Starts each feature whose `matches` cover `url` (checked once: the patterns cover whole sites,
 * and features follow client-side navigation themselves), each with its own AbortSignal.
 */
export function runFeatures(ctx: ContentScriptContext, features: readonly PageFeature[], url = location.href): void {
  for (const feature of features) {
    if (!feature.matches.some((p) => matchesUrl(p, url))) continue;
    const ctl = new AbortController();
    if (ctx.signal.aborted) ctl.abort();
    else ctx.onInvalidated(() => ctl.abort());
    const fail = (error: unknown) => {
      ctl.abort();
      console.error(`[Asisten e-Kinerja] "${feature.name}" stopped:`, error);
    };
    try {
      void Promise.resolve(feature.init(ctx, ctl.signal)).catch(fail);
    } catch (error) {
      fail(error);
    }
  }
}

/** Calls `fn` when `signal` aborts (or now, when it already has): for removers such as onMessage's. */
export function onAbort(signal: AbortSignal, fn: () => void): void {
  if (signal.aborted) fn();
  else signal.addEventListener('abort', fn, { once: true });
}

/** Calls `fn` on the page's client-side navigation (history API), until `signal` aborts. */
export function onLocationChange(ctx: ContentScriptContext, signal: AbortSignal, fn: () => void): void {
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    if (!signal.aborted) fn();
  });
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    onAbort(signal, () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

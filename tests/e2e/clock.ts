/**
 * A fixed day for end-to-end tests: the extension's clock — its pages' and its background's,
 * where "today" and the day's status are computed — set to a chosen instant, from which it runs
 * on. Tests that depend on the day (a working day or not, the missed days up to today) then hold
 * whatever the real date and hour (the Asia/Jakarta day flips at 17:00 UTC).
 *
 * Playwright's own clock (context.clock) reaches pages only, not the service worker, so `Date`
 * is shifted here in both: pages through an init script (every page opened afterwards), the
 * background by evaluating in its worker (again whenever a test asks, in case Chrome restarted
 * it). Timers (setTimeout, alarms) keep real time; only the date moves.
 */
import type { Worker } from 'playwright-core';
import type { ExtensionSession } from './harness';

/**
 * Shifts a realm's Date by SHIFT ms (installed once per realm; a later run changes the shift).
 * Plain JavaScript in a string: tsx and vitest may wrap a function's inner functions in helpers
 * the page lacks. Date stays a function (Date() without `new` gives a string) with the real prototype.
 */
const shiftDate = (shiftMs: number) => `(() => {
  const g = globalThis;
  const installed = g.__clockShiftMs !== undefined;
  g.__clockShiftMs = ${shiftMs};
  if (installed) return;
  const Real = Date;
  const now = () => Real.now() + g.__clockShiftMs;
  const Shifted = function (...args) {
    if (!new.target) return new Real(now()).toString();
    return args.length === 0 ? new Real(now()) : new Real(...args);
  };
  Object.defineProperties(Shifted, {
    prototype: { value: Real.prototype },
    now: { value: now },
    parse: { value: Real.parse },
    UTC: { value: Real.UTC },
  });
  g.Date = Shifted;
})()`;

export interface FixedClock {
  /** The instant the clock was set to. */
  at: Date;
  /** Applies the shift to the background again if it is a new worker (call before reading what it computes). */
  ensure(): Promise<void>;
}

/** Sets the extension's clock to `at` (ISO instant). Call before opening the pages that must see it. */
export async function fixClock(s: ExtensionSession, at: string): Promise<FixedClock> {
  const target = Date.parse(at);
  if (Number.isNaN(target)) throw new Error(`not an instant: ${at}`);
  const shiftMs = target - Date.now();
  await s.context.addInitScript({ content: shiftDate(shiftMs) });
  let worker: Worker | null = null;
  const ensure = async () => {
    const w = await s.background();
    if (w === worker) return;
    await w.evaluate(shiftDate(shiftMs));
    worker = w;
  };
  await ensure();
  return { at: new Date(target), ensure };
}

/**
 * Two instants for tests that must hold on both kinds of day, at 10:00 in Asia/Jakarta: a working
 * day (Monday 7 December 2026) and a weekend day (Sunday 6 December 2026).
 */
export const WORKING_DAY = { date: '2026-12-07', at: '2026-12-07T03:00:00Z' } as const;
export const WEEKEND_DAY = { date: '2026-12-06', at: '2026-12-06T03:00:00Z' } as const;

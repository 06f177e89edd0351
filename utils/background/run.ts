/**
 * The background's side of a reporting run (utils/reporting/run.ts): "Isi Progress Harian hari
 * ini", "Isi" on a missed day and "Lapor susulan". The state lives in storage.session (a reload,
 * a login detour or the worker's sleep do not lose it); the run's tab is told when it changes and
 * asks what to do (runTask). It advances on the save watcher's confirmed outcomes and on the
 * records (a day reported meanwhile), never by itself: the user clicks OK.
 */
import { browser } from 'wxt/browser';
import { pageNonWorkday } from '../calendar/off-reason';
import { sendMessage } from '../messaging/protocol';
import type { RunProtocol } from '../messaging/run';
import { reportRunItem } from '../storage/items';
import { reportedDates } from '../calendar/status';
import { isValidDate } from '../calendar/dates';
import { runView, startRun, stepRun, type RunEvent, type RunState } from '../reporting/run';
import { EKINERJA_ORIGIN } from '../site/pages';
import { SSO_ORIGIN } from '../site/sso';
import { openDailyProgress } from './open-daily-progress';
import { createQueue } from './queue';
import type { BackgroundDeps, Capability } from './capability';

/** Whether a tab at `url` can still be a run's tab: on e-Kinerja, or on the ASN Digital login on its way back. */
export const runTabUrl = (url: string | undefined): boolean =>
  url !== undefined && (url.startsWith(`${EKINERJA_ORIGIN}/`) || url.startsWith(`${SSO_ORIGIN}/`));

export function runCapability({ readDay }: BackgroundDeps): Capability<keyof RunProtocol> {
  // One change of the run at a time (events from the tab, the popup and refreshes interleave).
  const inOrder = createQueue({ name: 'run' });

  const reported = async () => reportedDates((await readDay()).reports);

  /** Tells the run's tab to ask again (nothing when it has no content script now: it asks when it starts). */
  const poke = (run: RunState | null) => {
    if (run?.tabId != null) void sendMessage('runChanged', undefined, run.tabId).catch(() => undefined);
  };

  const change = (event: RunEvent, known?: ReadonlySet<string>) => inOrder(async () => {
    const run = await reportRunItem.getValue();
    if (!run) return null;
    const next = stepRun(run, event, known ?? (await reported()));
    if (next !== run) {
      await reportRunItem.setValue(next);
      if (event.type !== 'tab') poke(next);
    }
    return next;
  });

  return {
    handlers: {
      async fillDays() {
        const { status } = await readDay();
        const off = status.todayStatus.state === 'off' ? status.todayStatus.off : null;
        // The page's scripts can read the in-page control: the leave's kind goes there, not the user's note.
        return { today: status.today, todayOff: off && pageNonWorkday(off), missed: [...status.missed].filter((d) => d !== status.today).reverse() };
      },
      async startRun(data) {
        const day = await readDay();
        const days = data.what === 'today' ? [day.status.today] : data.what === 'day' ? [data.date].filter(isValidDate) : day.status.missed;
        const run = startRun(crypto.randomUUID(), data.what === 'missed' ? 'queue' : 'one', days, reportedDates(day.reports));
        if (!run) return { ok: false, reason: 'no-days' };
        await inOrder(() => reportRunItem.setValue(run));
        const tabId = await openDailyProgress();
        const placed = tabId === undefined ? run : await change({ type: 'tab', tabId });
        poke(placed);
        return { ok: true, run: runView(placed ?? run) };
      },
      async runTask(_data, from) {
        const run = await reportRunItem.getValue();
        if (!run || from?.tabId === undefined) return null;
        if (run.tabId !== from.tabId) {
          // The run's tab is gone (closed, or off to another site): this e-Kinerja tab takes it over.
          // On the ASN Digital login it is still the run's tab (a login detour comes back to it).
          const alive = run.tabId !== null && (await browser.tabs.get(run.tabId).then((t) => runTabUrl(t?.url), () => false));
          if (alive) return null;
          const moved = await change({ type: 'tab', tabId: from.tabId });
          return moved ? runView(moved) : null;
        }
        return runView(run);
      },
      async runAction(data, from) {
        const run = await reportRunItem.getValue();
        // Only the run the page shows: a bar left from an earlier run never stops or clears a new one.
        if (!run || run.id !== data.id || (from?.tabId !== undefined && run.tabId !== null && run.tabId !== from.tabId)) return null;
        if (data.action === 'dismiss') {
          await inOrder(() => reportRunItem.setValue(null));
          return null;
        }
        const next = await change(data.action === 'stop' ? { type: 'stop' } : { type: data.action === 'skip' ? 'skip' : 'filled', date: data.date });
        return next ? runView(next) : null;
      },
    },
    // The daily-progress page's run feature.
    contentScripts: { fillDays: [EKINERJA_ORIGIN], runTask: [EKINERJA_ORIGIN], runAction: [EKINERJA_ORIGIN] },
    async onRefresh(ctx) {
      if (await reportRunItem.getValue()) await change({ type: 'reported', dates: reportedDates(ctx.reports) }, reportedDates(ctx.reports));
    },
    async onSaveOutcome(date, outcome) {
      if (await reportRunItem.getValue()) await change({ type: 'outcome', date, outcome });
    },
  };
}

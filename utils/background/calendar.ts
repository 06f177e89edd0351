/**
 * The background's side of the calendar: today's status for the popup, reports marked by hand
 * or seen on the site, the options' calendar view and the days off.
 */
import { applyOutcome, applySiteReading, putReport } from '../db/records';
import { isFullView } from '../reporting/day-record';
import { isValidDate } from '../calendar/dates';
import { checkDayOff } from '../calendar/workdays';
import type { StatusSnapshot } from '../calendar/status';
import { EKINERJA_ORIGIN } from '../site/pages';
import type { CalendarProtocol, PopupStatus } from '../messaging/calendar';
import { lastReadingItem, siteDaysSeenItem } from '../storage/items';
import { addShown } from '../calendar/site-months';
import type { BackgroundDeps, Capability } from './capability';
import { recordSave, recordSiteEvents } from './jurnal';

export function calendarCapability({ db, now, readDay, refresh, saveOutcome }: BackgroundDeps): Capability<keyof CalendarProtocol> {
  const popupStatus = async (s: StatusSnapshot): Promise<PopupStatus> => ({ ...s, lastReading: await lastReadingItem.getValue() });

  return {
    handlers: {
      async getStatus() {
        // Answer the popup first; the badge and alarms catch up right after (a day may have
        // changed while the worker slept).
        const { status } = await readDay();
        void refresh().catch(() => undefined);
        return popupStatus(status);
      },
      async setReport({ date, status }) {
        if (status !== 'reported' && status !== 'not-reported') throw new Error(`setReport: status "${String(status)}" cannot be set by hand`);
        await putReport(await db(), date, status, 'manual', now());
        return popupStatus(await refresh());
      },
      async recordSiteReading(reading) {
        await lastReadingItem.setValue({ at: now().toISOString(), ok: reading.ok });
        if (!reading.ok) return { changed: 0 };
        const { shown, withEntries, view } = reading;
        const full = isFullView(view);
        const d = await db();
        const { changed, confirmed } = await applySiteReading(d, { shown, withEntries, full }, now());
        // The titles and times of the entries shown, for the Jurnal (a day read again replaces
        // its earlier reading).
        if (reading.events) await recordSiteEvents(d, shown, reading.events, now());
        const seen = (await siteDaysSeenItem.getValue()) ?? {};
        const more = full ? addShown(seen, shown) : seen;
        if (more !== seen) await siteDaysSeenItem.setValue(more);
        if (changed || more !== seen) await refresh();
        // A save that waited for the calendar is confirmed now: a run waiting on it goes on.
        for (const date of confirmed) await saveOutcome(date, 'confirmed');
        return { changed };
      },
      async recordObserved({ date, outcome, sent }) {
        if (!isValidDate(date) || !['confirmed', 'unconfirmed', 'failed'].includes(outcome)) throw new Error('recordObserved: bad date or outcome');
        const d = await db();
        // The Jurnal keeps a confirmed save with the values sent.
        if (outcome === 'confirmed' && sent) await recordSave(d, date, sent, now());
        if (await applyOutcome(d, date, outcome, now())) await refresh();
        await saveOutcome(date, outcome);
      },
      async getCalendarData() {
        const { now: _t, ...data } = await readDay();
        return data;
      },
      async addDayOff(draft) {
        const problems = checkDayOff(draft);
        if (problems.length) return { ok: false, problems };
        const record = { id: crypto.randomUUID(), start: draft.start, end: draft.end, kind: draft.kind, note: String(draft.note ?? '') };
        await (await db()).put('daysOff', record);
        await refresh();
        return { ok: true, record };
      },
      async removeDayOff(id) {
        await (await db()).delete('daysOff', id);
        await refresh();
      },
    },
    // The calendar reader and the filler's save watcher on the daily-progress page.
    contentScripts: { recordSiteReading: [EKINERJA_ORIGIN], recordObserved: [EKINERJA_ORIGIN] },
  };
}

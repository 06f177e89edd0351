/**
 * On the daily-progress page, reads the calendar whenever it changes (week navigation, a new
 * entry) and reports each new reading; a page whose calendar cannot be found or read is reported
 * as such once. Everything stops when `signal` aborts.
 */
import { CALENDAR_SELECTORS, readCalendar, type CalendarReading } from './calendar-reader';
import { pageKind } from './pages';

/** How long the calendar may take to appear before the page counts as unreadable. */
const APPEAR_TIMEOUT_MS = 10_000;
const SETTLE_MS = 250;

/**
 * Starts watching `doc` (when `loc` is the daily-progress page). Returns the restart, for the
 * caller to run on client-side navigation.
 */
export function watchCalendar(doc: Document, signal: AbortSignal, report: (reading: CalendarReading) => void, loc: Pick<Location, 'pathname'> = location): () => void {
  let last = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let giveUp: ReturnType<typeof setTimeout> | undefined;
  let observer: MutationObserver | undefined;

  const emit = (reading: CalendarReading) => {
    const key = JSON.stringify(reading);
    if (key === last) return;
    last = key;
    report(reading);
  };
  const read = () => {
    const reading = readCalendar(doc);
    // A missing calendar is reported only after the grace period (the app may render late).
    if (!reading.ok && reading.reason === 'no-calendar') return;
    clearTimeout(giveUp);
    emit(reading);
  };
  const stop = () => {
    observer?.disconnect();
    observer = undefined;
    clearTimeout(timer);
    clearTimeout(giveUp);
  };
  const start = () => {
    stop();
    last = '';
    if (signal.aborted || pageKind(loc.pathname) !== 'daily-progress') return;
    observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(read, SETTLE_MS);
    });
    observer.observe(doc.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
    giveUp = setTimeout(() => { if (!doc.querySelector(CALENDAR_SELECTORS.root)) emit(readCalendar(doc)); }, APPEAR_TIMEOUT_MS);
    timer = setTimeout(read, SETTLE_MS);
  };

  start();
  signal.addEventListener('abort', stop, { once: true });
  return start;
}

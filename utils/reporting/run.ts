/**
 * A reporting run: the days the extension walks the user through on e-Kinerja, one "Tambah
 * Progress Harian" modal each, the user clicking OK. Pure; the background keeps the state
 * (utils/background/run.ts) and the content script does what it says (open the modal, fill it
 * for the day, show the bar).
 *
 * - "Isi Progress Harian hari ini" and "Isi" on one missed day are runs of one day (`kind: 'one'`);
 *   "Lapor susulan (N hari)" is a run of every missed day in date order (`kind: 'queue'`).
 * - A day advances only on a CONFIRMED save (utils/reporting/confirm.ts): the outcome reported by
 *   the save watcher, or the day becoming reported in the records (a calendar reading confirming an
 *   unconfirmed save). A failed save keeps the day and opens its modal again (`attempt` + 1); an
 *   unconfirmed one waits for the calendar.
 * - A queue never fills a day that is reported (by hand, on the site, in another tab): such days
 *   are passed over as 'already' when they come up, or when they become reported while they are up
 *   and not yet filled. A one-day run fills its day even when it has an entry (a second entry is
 *   the user's choice) and ends on that day's next confirmed save.
 * - "Lewati" skips the day (it stays missed); "Berhenti" ends the run.
 */
import type { SaveOutcome } from './confirm';
import type { PageNonWorkday } from '../calendar/off-reason';

export type RunKind = 'one' | 'queue';
/** Where the current day is: its modal to be opened and filled, filled (waiting for OK), or its save waiting for the calendar. */
export type RunStage = 'open' | 'filled' | 'unconfirmed';
/** What became of a day. */
export type DayResult = 'reported' | 'skipped' | 'already';

export interface RunState {
  /** Tells runs apart (a new run replaces the old one). */
  id: string;
  kind: RunKind;
  /** The days, ascending, no repeats. */
  days: string[];
  /** The current day's place in `days`; `days.length` when finished. */
  index: number;
  stage: RunStage;
  /** How many times the current day's modal has been asked for (a failed save asks again). */
  attempt: number;
  /** Whether the last save of the current day failed (the page says so). */
  failed: boolean;
  results: Record<string, DayResult>;
  /** The tab the run works in (null: the next e-Kinerja tab that asks). */
  tabId: number | null;
  /** Ended by "Berhenti". */
  stopped: boolean;
}

export type RunEvent =
  /** The content script filled the current day's modal. */
  | { type: 'filled'; date: string }
  /** What came of an "OK" (the save watcher). */
  | { type: 'outcome'; date: string; outcome: SaveOutcome }
  /** The days reported now, after a change of the records. */
  | { type: 'reported'; dates: ReadonlySet<string> }
  | { type: 'skip'; date: string }
  | { type: 'stop' }
  /** The run's work moves to this tab. */
  | { type: 'tab'; tabId: number };

/** The days of a run: valid dates only, ascending, each once. */
export function runDays(days: readonly string[]): string[] {
  return [...new Set(days.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)))].sort();
}

/** A new run over `days` (see runDays); null when no day is left. Queue days already reported are passed over. */
export function startRun(id: string, kind: RunKind, days: readonly string[], reported: ReadonlySet<string>, tabId: number | null = null): RunState | null {
  const list = runDays(days);
  if (list.length === 0) return null;
  const run: RunState = { id, kind, days: list, index: -1, stage: 'open', attempt: 0, failed: false, results: {}, tabId, stopped: false };
  return advance(run, reported);
}

export const isFinished = (run: RunState): boolean => run.stopped || run.index >= run.days.length;
export const currentDay = (run: RunState): string | null => (isFinished(run) ? null : run.days[run.index]!);

/** The next day to work on (queue: passing over reported ones), its modal to be opened. */
function advance(run: RunState, reported: ReadonlySet<string>): RunState {
  const results = { ...run.results };
  let index = run.index + 1;
  while (run.kind === 'queue' && index < run.days.length && reported.has(run.days[index]!)) {
    results[run.days[index]!] = 'already';
    index += 1;
  }
  return { ...run, index, results, stage: 'open', attempt: run.attempt + 1, failed: false };
}

/** The next state (the same object when the event changes nothing). */
export function stepRun(run: RunState, event: RunEvent, reported: ReadonlySet<string> = new Set()): RunState {
  if (event.type === 'tab') return run.tabId === event.tabId ? run : { ...run, tabId: event.tabId };
  const day = currentDay(run);
  if (day === null) return run;
  const done = (result: DayResult, now: ReadonlySet<string>) => advance({ ...run, results: { ...run.results, [day]: result } }, now);
  switch (event.type) {
    case 'stop':
      return { ...run, stopped: true };
    case 'skip':
      return event.date === day ? done('skipped', reported) : run;
    case 'filled':
      return event.date === day && run.stage === 'open' ? { ...run, stage: 'filled' } : run;
    case 'outcome':
      if (event.date !== day) return run;
      if (event.outcome === 'confirmed') return done('reported', new Set([...reported, day]));
      if (event.outcome === 'failed') return { ...run, stage: 'open', attempt: run.attempt + 1, failed: true };
      return run.stage === 'filled' ? { ...run, stage: 'unconfirmed' } : run;
    case 'reported':
      // A one-day run ends only on its own confirmed save (the day may have had an entry before).
      if (run.kind === 'one' || !event.dates.has(day)) return run;
      // Reported while its modal was not yet filled: someone else's entry (by hand, another tab).
      return done(run.stage === 'open' && !run.failed ? 'already' : 'reported', event.dates);
  }
}

/** What the page shows about a run: the bar ("2 dari 5 — Jumat, 4 Desember") or the summary. */
export interface RunView {
  id: string;
  kind: RunKind;
  /** 1-based place of the current day; 0 when finished. */
  position: number;
  total: number;
  /** The current day, null when finished. */
  date: string | null;
  stage: RunStage;
  attempt: number;
  failed: boolean;
  finished: boolean;
  stopped: boolean;
  /** Days reported by this run, skipped by the user, and passed over as already reported. */
  reported: number;
  skipped: number;
  already: number;
}

export function runView(run: RunState): RunView {
  const count = (r: DayResult) => Object.values(run.results).filter((x) => x === r).length;
  const finished = isFinished(run);
  return {
    id: run.id,
    kind: run.kind,
    position: finished ? 0 : run.index + 1,
    total: run.days.length,
    date: currentDay(run),
    stage: run.stage,
    attempt: run.attempt,
    failed: run.failed,
    finished,
    stopped: run.stopped,
    reported: count('reported'),
    skipped: count('skipped'),
    already: count('already'),
  };
}

/** The days the in-page control offers to fill: today (and why it is not a working day, if so) and the missed days, newest first. */
export interface FillDays {
  today: string;
  /** Why today is not a working day, as the page may be told (never the user's note). */
  todayOff: PageNonWorkday | null;
  missed: string[];
}

/**
 * What the in-page control offers and preselects (components/FillControl.tsx): today, the missed
 * days, why today is not a working day (`why` puts it in words), and the run's day to fill at
 * once when a run wants this modal filled.
 */
export function fillChoice(days: FillDays | null, run: RunView | null, why: (off: PageNonWorkday) => string) {
  const runDay = run && !run.finished && run.stage !== 'unconfirmed' ? run.date : null;
  return {
    today: days?.today,
    missed: days?.missed,
    offDays: days?.todayOff ? { [days.today]: why(days.todayOff) } : undefined,
    date: runDay ?? undefined,
    auto: runDay !== null,
  };
}

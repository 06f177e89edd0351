/** Messages about a reporting run: today's report and "Lapor susulan" (part of the one contract in protocol.ts). */
import type { FillDays, RunView } from '../reporting/run';

export type { FillDays, RunView } from '../reporting/run';

export type StartRunResult = { ok: true; run: RunView } | { ok: false; reason: 'no-days' };

export interface RunProtocol {
  /** Content script: the days the filler offers (FillDays). */
  fillDays(): FillDays;
  /**
   * Popup: starts a run (replacing any) and brings up the daily-progress page. `today`: one day,
   * today in the user's zone ("Isi Progress Harian hari ini"); `day`: one missed day ("Isi");
   * `missed`: every missed day in date order ("Lapor susulan").
   */
  startRun(data: { what: 'today' } | { what: 'day'; date: string } | { what: 'missed' }): StartRunResult;
  /** Content script: what the run wants of this tab now (null: no run, or it works in another tab). */
  runTask(): RunView | null;
  /** Content script: the current day's modal is filled; the user chose Lewati, Berhenti, or closed the summary. */
  runAction(data: ({ action: 'filled'; date: string } | { action: 'skip'; date: string } | { action: 'stop' } | { action: 'dismiss' }) & { id: string }): RunView | null;
}

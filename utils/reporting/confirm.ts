/**
 * The confirmation rule: when a click on "OK" in e-Kinerja's "Tambah Progress Harian" modal
 * counts as a saved Progress Harian. Pure: the page watcher (watch-save.ts) turns what the page
 * shows into events, and this decides.
 *
 * - **Confirmed** when the calendar shows a new entry on the entry's date (the strongest sign:
 *   the live site's toast texts are not known for certain), or when the modal closed, a success
 *   toast appeared and no error followed before the page settled.
 * - **Failed** when the page shows an error (an alert in the modal, an error toast after it
 *   closed — HTTP 500 —, "Sesi Anda telah berakhir" — 401 —, or it goes to the login page):
 *   nothing is recorded, the day stays missed.
 * - **Unconfirmed** ("belum terkonfirmasi") when the modal closed and the page showed neither
 *   success nor failure before it settled (or the page was left meanwhile): the day is recorded
 *   as waiting, still counts as missed, until a reading of the calendar shows its entry.
 * - Nothing at all when the form kept its validation errors, or the user closed the modal first.
 */

/** What happened to one "OK". */
export type SaveOutcome = 'confirmed' | 'unconfirmed' | 'failed';
/** What decided it. */
export type OutcomeReason = 'calendar' | 'toast' | 'error' | 'session-ended' | 'login-page' | 'no-sign' | 'page-left';

export type SaveEvent =
  /** "OK" clicked; `date` from TANGGAL KEGIATAN; `entriesBefore` what the calendar showed on it (null: not shown). */
  | { type: 'ok'; date: string | null; entriesBefore: number | null }
  /** Close, ×, the backdrop or Escape. */
  | { type: 'dismissed' }
  /** The modal is open and shows validation messages under its fields. */
  | { type: 'validation-errors' }
  | { type: 'modal-closed' }
  /** A toast/alert appeared after "OK". */
  | { type: 'sign'; sign: 'success' | 'error' | 'session-ended' }
  /** The calendar shows `entries` entries on the attempt's date (null: date not shown). */
  | { type: 'calendar'; entries: number | null }
  /** The page went to e-Kinerja's login page. */
  | { type: 'login-page' }
  /** The page is being left or the content script stops. */
  | { type: 'page-left' }
  /** The wait after the modal closed (see `settleDelay`) is over. */
  | { type: 'settled' };

export type SaveState =
  | { phase: 'idle' }
  /** "OK" clicked, the modal still open: waiting for the site. */
  | { phase: 'sent'; date: string; before: number | null; success: boolean }
  /** The modal closed after "OK": waiting for a sign until settled. */
  | { phase: 'closed'; date: string; before: number | null; success: boolean }
  | { phase: 'done'; date: string; outcome: SaveOutcome; reason: OutcomeReason };

export const IDLE: SaveState = { phase: 'idle' };

/** How long to wait for a sign after the modal closed: short after a success toast (an error may still follow), longer without. */
export const SETTLE_AFTER_SUCCESS_MS = 1200;
export const SETTLE_WITHOUT_SIGN_MS = 5000;

/** The next state. A 'done' state is the attempt's outcome; the next "OK" starts a new attempt. */
export function step(state: SaveState, event: SaveEvent): SaveState {
  if (event.type === 'ok') {
    // A new attempt (also after an error that kept the modal open); a pending one is superseded.
    return event.date ? { phase: 'sent', date: event.date, before: event.entriesBefore, success: false } : IDLE;
  }
  if (state.phase === 'idle' || state.phase === 'done') return state;
  const done = (outcome: SaveOutcome, reason: OutcomeReason): SaveState => ({ phase: 'done', date: state.date, outcome, reason });
  switch (event.type) {
    case 'calendar':
      return event.entries !== null && event.entries > (state.before ?? 0) ? done('confirmed', 'calendar') : state;
    case 'sign':
      if (event.sign === 'session-ended') return done('failed', 'session-ended');
      if (event.sign === 'error') return done('failed', 'error');
      return { ...state, success: true };
    case 'login-page':
      return done('failed', 'login-page');
    case 'dismissed':
      return state.phase === 'sent' ? IDLE : state;
    case 'validation-errors':
      return state.phase === 'sent' ? IDLE : state;
    case 'modal-closed':
      return state.phase === 'sent' ? { ...state, phase: 'closed' } : state;
    case 'settled':
      if (state.phase !== 'closed') return state;
      return state.success ? done('confirmed', 'toast') : done('unconfirmed', 'no-sign');
    case 'page-left':
      return state.phase === 'closed' ? done('unconfirmed', 'page-left') : IDLE;
  }
}

/** How long to wait, from now, before `settled`: null while no wait is due. */
export function settleDelay(state: SaveState): number | null {
  if (state.phase !== 'closed') return null;
  return state.success ? SETTLE_AFTER_SUCCESS_MS : SETTLE_WITHOUT_SIGN_MS;
}

/**
 * The save watcher against the e-Kinerja replica (real vue-select, vue2-datepicker, vue-cal) in
 * happy-dom, with each of the replica's server failure modes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchProgressModal } from '@/utils/site/watch-modal';
import { watchSaves } from '@/utils/reporting/watch-save';
import { createFillSession, type FillSession } from '@/utils/fill/fill-modal';
import type { OutcomeReason, SaveOutcome } from '@/utils/reporting/confirm';
import { footerButton, group, loadReplica, openModal, replica, tick } from '../fill/replica';

let stop: AbortController | undefined;
afterEach(() => {
  stop?.abort();
  vi.useRealTimers();
});

const TEMPLATE = { rencanaAksi: 'Mengelola administrasi kepegawaian', jamMulai: '08:00', jamSelesai: '10:00', kegiatan: 'Arsip', realisasi: 1, satuan: '', buktiDukung: '' };
type Outcome = { date: string; outcome: SaveOutcome; reason: OutcomeReason };

/** Watches the page as the content script does; returns what it saw. */
function watch(fillDate = '2026-11-27') {
  stop = new AbortController();
  const opened: HTMLElement[] = [];
  const outcomes: Outcome[] = [];
  let session: FillSession | null = null;
  let closed = 0;
  watchSaves(document, stop.signal, (date, outcome, reason) => outcomes.push({ date, outcome, reason }));
  watchProgressModal(document, stop.signal, (modal, signal) => {
    opened.push(modal);
    signal.addEventListener('abort', () => closed++);
    session = createFillSession(modal, () => fillDate, () => 0, signal);
  });
  return { opened, outcomes, closed: () => closed, fill: () => session!.fill(TEMPLATE) };
}

const typeDate = async (modal: HTMLElement, text: string) => {
  const input = group(modal, 'TANGGAL KEGIATAN').querySelector<HTMLInputElement>('input.mx-input')!;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await tick();
};

const answered = () => tick(150); // the replica answers ~100 ms after OK
const until = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 20 });

describe('watchProgressModal', () => {
  it('notices the modal each time it opens and signals each close', async () => {
    loadReplica();
    const seen = watch();
    await tick();
    expect(seen.opened).toEqual([]);
    const modal = await openModal();
    await tick();
    expect(seen.opened).toEqual([modal]);
    footerButton(modal, 'Close').click();
    await tick();
    expect(seen.closed()).toBe(1);
    await openModal();
    await tick();
    expect(seen.opened).toHaveLength(2);
    stop!.abort();
    expect(seen.closed()).toBe(2);
    footerButton(modal, 'Close').click();
    await openModal();
    await tick();
    expect(seen.opened).toHaveLength(2); // stopped: nothing more
  });
});

describe('watchSaves: what counts as a save', () => {
  it('confirms by the new calendar entry on the date in TANGGAL KEGIATAN (the user changed it after filling)', async () => {
    loadReplica('date=2026-11-20');
    const seen = watch();
    const modal = await openModal();
    await seen.fill();
    await typeDate(modal, '2026-11-20');
    footerButton(modal, 'OK').click();
    expect(seen.outcomes).toEqual([]); // not before the site answers
    await until(() => expect(seen.outcomes).toEqual([{ date: '2026-11-20', outcome: 'confirmed', reason: 'calendar' }]));
    expect(replica().saved.map((e) => e.tanggal)).toEqual(['2026-11-20']);
  });

  it('confirms by the success toast when the calendar does not show the date (another week)', async () => {
    loadReplica('date=2026-10-05');
    const seen = watch('2026-11-27');
    const modal = await openModal();
    await seen.fill();
    footerButton(modal, 'OK').click();
    await until(() => expect(seen.outcomes).toEqual([{ date: '2026-11-27', outcome: 'confirmed', reason: 'toast' }]));
  });

  it('a second entry on a day that had one already is confirmed only by the new entry, not by the old one', async () => {
    loadReplica('date=2026-11-20&entries=2026-11-20&fail=500');
    const seen = watch('2026-11-20');
    const modal = await openModal();
    await seen.fill();
    footerButton(modal, 'OK').click();
    await until(() => expect(seen.outcomes).toEqual([{ date: '2026-11-20', outcome: 'failed', reason: 'error' }]));
  });

  it('reports nothing after validation errors and Close, nor after Close alone; counts a later successful OK', async () => {
    loadReplica('date=2026-11-27');
    const seen = watch();
    let modal = await openModal();
    await typeDate(modal, '2026-11-24');
    footerButton(modal, 'OK').click(); // the rest is empty: errors, modal stays
    await answered();
    expect(modal.querySelectorAll('.invalid-feedback').length).toBeGreaterThan(0);
    footerButton(modal, 'Close').click();
    await answered();
    expect(seen.outcomes).toEqual([]);

    modal = await openModal();
    await seen.fill();
    modal.querySelector<HTMLButtonElement>('.modal-header .close')!.click();
    await answered();
    expect(seen.outcomes).toEqual([]);

    modal = await openModal();
    await seen.fill();
    footerButton(modal, 'OK').click();
    await until(() => expect(seen.outcomes).toEqual([{ date: '2026-11-27', outcome: 'confirmed', reason: 'calendar' }]));
    expect(replica().saved).toHaveLength(1);
  });

  it('reports nothing when the content script stops while the modal is still open', async () => {
    loadReplica();
    const seen = watch();
    const modal = await openModal();
    await seen.fill();
    footerButton(modal, 'OK').click();
    stop!.abort(); // before the site answers
    await answered();
    expect(replica().saved).toHaveLength(1);
    expect(seen.outcomes).toEqual([]);
  });
});

describe('watchSaves: the server fails', () => {
  it('modal stays open with an error: failed; a second OK that saves is confirmed', async () => {
    loadReplica('date=2026-11-27&fail=open');
    const seen = watch();
    const modal = await openModal();
    await seen.fill();
    footerButton(modal, 'OK').click();
    await until(() => expect(seen.outcomes).toEqual([{ date: '2026-11-27', outcome: 'failed', reason: 'error' }]));
    expect(modal.classList.contains('show')).toBe(true);
    replica().setFailure(null);
    footerButton(modal, 'OK').click();
    await until(() => expect(seen.outcomes[1]).toEqual({ date: '2026-11-27', outcome: 'confirmed', reason: 'calendar' }));
  });

  it('modal closes, then an error toast (HTTP 500): failed, nothing stored', async () => {
    loadReplica('date=2026-11-27&fail=500');
    const seen = watch();
    const modal = await openModal();
    await seen.fill();
    footerButton(modal, 'OK').click();
    await until(() => expect(seen.outcomes).toEqual([{ date: '2026-11-27', outcome: 'failed', reason: 'error' }]));
    expect(replica().saved).toEqual([]);
  });

  it('"Sesi Anda telah berakhir" (401): failed before the page goes to the login', async () => {
    loadReplica('date=2026-11-27&fail=401');
    const seen = watch();
    const modal = await openModal();
    await seen.fill();
    footerButton(modal, 'OK').click();
    await until(() => expect(seen.outcomes).toEqual([{ date: '2026-11-27', outcome: 'failed', reason: 'session-ended' }]));
    await until(() => expect(location.pathname).toBe('/login')); // the site's own navigation
    stop!.abort(); // the page goes away
    expect(seen.outcomes).toHaveLength(1);
  });

  it('the page shows neither success nor failure: unconfirmed once the page settled, not before', async () => {
    loadReplica('date=2026-11-27&fail=quiet');
    const seen = watch();
    const modal = await openModal();
    await seen.fill();
    footerButton(modal, 'OK').click();
    await tick(1000);
    expect(modal.classList.contains('show')).toBe(false);
    expect(seen.outcomes).toEqual([]); // still waiting for a sign
    await until(() => expect(seen.outcomes).toEqual([{ date: '2026-11-27', outcome: 'unconfirmed', reason: 'no-sign' }]));
    expect(replica().saved).toHaveLength(1);
  }, 20_000); // waits out SETTLE_WITHOUT_SIGN_MS

  it('a page left while waiting after the modal closed: unconfirmed', async () => {
    loadReplica('date=2026-11-27&fail=quiet');
    const seen = watch();
    const modal = await openModal();
    await seen.fill();
    footerButton(modal, 'OK').click();
    await vi.waitFor(() => expect(modal.classList.contains('show')).toBe(false));
    stop!.abort();
    expect(seen.outcomes).toEqual([{ date: '2026-11-27', outcome: 'unconfirmed', reason: 'page-left' }]);
  });

  it('a failure only for some dates (failDates) leaves the other days\' saves alone', async () => {
    loadReplica('date=2026-11-23&fail=500&failDates=2026-11-24');
    const seen = watch('2026-11-23');
    let modal = await openModal();
    await seen.fill();
    footerButton(modal, 'OK').click();
    await until(() => expect(seen.outcomes).toHaveLength(1));
    modal = await openModal();
    await seen.fill();
    await typeDate(modal, '2026-11-24');
    footerButton(modal, 'OK').click();
    await until(() => expect(seen.outcomes).toHaveLength(2));
    expect(seen.outcomes.map((o) => [o.date, o.outcome])).toEqual([['2026-11-23', 'confirmed'], ['2026-11-24', 'failed']]);
  });
});

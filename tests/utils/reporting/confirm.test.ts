import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IDLE, SETTLE_AFTER_SUCCESS_MS, SETTLE_WITHOUT_SIGN_MS, settleDelay, step, type SaveEvent, type SaveState } from '@/utils/reporting/confirm';

const D = '2026-12-04';
const ok = (entriesBefore: number | null = 0): SaveEvent => ({ type: 'ok', date: D, entriesBefore });
const run = (...events: SaveEvent[]): SaveState => events.reduce(step, IDLE);
const closed: SaveEvent = { type: 'modal-closed' };
const success: SaveEvent = { type: 'sign', sign: 'success' };
const error: SaveEvent = { type: 'sign', sign: 'error' };
const settled: SaveEvent = { type: 'settled' };

describe('the confirmation rule', () => {
  it('confirms when the calendar shows a new entry on the date, with or without a toast, even before the modal closed', () => {
    expect(run(ok(0), closed, { type: 'calendar', entries: 1 })).toEqual({ phase: 'done', date: D, outcome: 'confirmed', reason: 'calendar' });
    expect(run(ok(null), { type: 'calendar', entries: 1 })).toMatchObject({ outcome: 'confirmed', reason: 'calendar' });
    expect(run(ok(0), success, closed, { type: 'calendar', entries: 1 })).toMatchObject({ outcome: 'confirmed', reason: 'calendar' });
  });

  it('does not take an entry the day already had for a new one', () => {
    const s = run(ok(1), closed, { type: 'calendar', entries: 1 });
    expect(s.phase).toBe('closed');
    expect(step(s, { type: 'calendar', entries: 2 })).toMatchObject({ outcome: 'confirmed' });
    expect(run(ok(0), closed, { type: 'calendar', entries: null }).phase).toBe('closed');
  });

  it('confirms on a success toast once the page settled with the modal closed and no error', () => {
    expect(run(ok(), success, closed, settled)).toMatchObject({ outcome: 'confirmed', reason: 'toast' });
    expect(run(ok(), closed, success, settled)).toMatchObject({ outcome: 'confirmed', reason: 'toast' });
    // Settled while the modal is still open: nothing decided.
    expect(run(ok(), success, settled).phase).toBe('sent');
  });

  it('fails on an error alert, an error toast after the close (500), the session ending (401) or the login page', () => {
    expect(run(ok(), error)).toMatchObject({ outcome: 'failed', reason: 'error' });
    expect(run(ok(), closed, error)).toMatchObject({ outcome: 'failed', reason: 'error' });
    expect(run(ok(), success, closed, error, settled)).toMatchObject({ outcome: 'failed', reason: 'error' });
    expect(run(ok(), { type: 'sign', sign: 'session-ended' })).toMatchObject({ outcome: 'failed', reason: 'session-ended' });
    expect(run(ok(), closed, { type: 'login-page' })).toMatchObject({ outcome: 'failed', reason: 'login-page' });
  });

  it('leaves a closed modal with no sign unconfirmed, also when the page is left meanwhile', () => {
    expect(run(ok(), closed, settled)).toEqual({ phase: 'done', date: D, outcome: 'unconfirmed', reason: 'no-sign' });
    expect(run(ok(), closed, { type: 'page-left' })).toMatchObject({ outcome: 'unconfirmed', reason: 'page-left' });
  });

  it('forgets an attempt on validation errors, Close, or leaving with the modal open; ignores signs with no attempt', () => {
    expect(run(ok(), { type: 'validation-errors' })).toBe(IDLE);
    expect(run(ok(), { type: 'dismissed' })).toBe(IDLE);
    expect(run(ok(), { type: 'page-left' })).toBe(IDLE);
    expect(run(success, closed, { type: 'calendar', entries: 3 }, settled)).toBe(IDLE);
    expect(run({ type: 'ok', date: null, entriesBefore: null }, closed, settled)).toBe(IDLE);
  });

  it('keeps a decision: later events do not change it; the next OK starts a new attempt', () => {
    const done = run(ok(), error);
    expect(run(ok(), error, { type: 'calendar', entries: 5 }, success, settled)).toEqual(done);
    expect(step(done, ok()).phase).toBe('sent');
  });

  it('waits shorter after a success toast than without any sign', () => {
    expect(settleDelay(run(ok()))).toBeNull();
    expect(settleDelay(run(ok(), closed))).toBe(SETTLE_WITHOUT_SIGN_MS);
    expect(settleDelay(run(ok(), closed, success))).toBe(SETTLE_AFTER_SUCCESS_MS);
    expect(SETTLE_AFTER_SUCCESS_MS).toBeLessThan(SETTLE_WITHOUT_SIGN_MS);
  });

  it('never confirms after an error sign, and never without a success toast or a new calendar entry (property)', () => {
    const event = fc.oneof(
      fc.constant<SaveEvent>(closed), fc.constant<SaveEvent>(success), fc.constant<SaveEvent>(error), fc.constant<SaveEvent>(settled),
      fc.constant<SaveEvent>({ type: 'sign', sign: 'session-ended' }), fc.constant<SaveEvent>({ type: 'login-page' }),
      fc.constant<SaveEvent>({ type: 'validation-errors' }), fc.constant<SaveEvent>({ type: 'dismissed' }), fc.constant<SaveEvent>({ type: 'page-left' }),
      fc.integer({ min: 0, max: 3 }).map<SaveEvent>((n) => ({ type: 'calendar', entries: n })),
    );
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 }), fc.array(event, { maxLength: 12 }), (before, events) => {
      let s = step(IDLE, ok(before));
      const seen: SaveEvent[] = [];
      for (const e of events) {
        const was = s;
        s = step(s, e);
        if (was.phase !== 'done') seen.push(e);
      }
      if (s.phase !== 'done' || s.outcome !== 'confirmed') return;
      const firstError = seen.findIndex((e) => e.type === 'sign' && e.sign !== 'success');
      expect(firstError).toBe(-1);
      const newEntry = seen.some((e) => e.type === 'calendar' && (e.entries ?? 0) > before);
      const toast = seen.some((e) => e.type === 'sign' && e.sign === 'success') && seen.some((e) => e.type === 'modal-closed');
      expect(newEntry || toast).toBe(true);
    }));
  });
});

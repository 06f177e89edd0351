import { describe, expect, it } from 'vitest';
import { afterOutcome, afterReading, isFullView } from '@/utils/reporting/day-record';
import type { ReportRecord } from '@/utils/db/schema';

const D = '2026-12-04';
const AT = '2026-12-06T01:00:00.000Z';
const rec = (status: ReportRecord['status'], source: ReportRecord['source']): ReportRecord => ({ date: D, status, source, at: '2026-12-01T00:00:00.000Z' });

describe('a save attempt\'s outcome', () => {
  it('confirmed: reported (observed), unless the site or the user already said so', () => {
    expect(afterOutcome(undefined, D, 'confirmed', AT)).toEqual({ put: { date: D, status: 'reported', source: 'observed', at: AT } });
    expect(afterOutcome(rec('unconfirmed', 'observed'), D, 'confirmed', AT)).toMatchObject({ put: { status: 'reported' } });
    expect(afterOutcome(rec('not-reported', 'manual'), D, 'confirmed', AT)).toMatchObject({ put: { status: 'reported', source: 'observed' } });
    expect(afterOutcome(rec('reported', 'site'), D, 'confirmed', AT)).toBeNull();
    expect(afterOutcome(rec('reported', 'manual'), D, 'confirmed', AT)).toBeNull();
  });

  it('unconfirmed: waits ("belum terkonfirmasi") unless the day is reported already', () => {
    expect(afterOutcome(undefined, D, 'unconfirmed', AT)).toEqual({ put: { date: D, status: 'unconfirmed', source: 'observed', at: AT } });
    expect(afterOutcome(rec('reported', 'observed'), D, 'unconfirmed', AT)).toBeNull();
    expect(afterOutcome(rec('reported', 'manual'), D, 'unconfirmed', AT)).toBeNull();
    expect(afterOutcome(rec('unconfirmed', 'observed'), D, 'unconfirmed', AT)).toBeNull();
  });

  it('failed: records nothing; an earlier unconfirmed save of the day becomes plainly missed', () => {
    expect(afterOutcome(undefined, D, 'failed', AT)).toBeNull();
    expect(afterOutcome(rec('unconfirmed', 'observed'), D, 'failed', AT)).toEqual({ remove: D });
    expect(afterOutcome(rec('reported', 'observed'), D, 'failed', AT)).toBeNull();
    expect(afterOutcome(rec('reported', 'site'), D, 'failed', AT)).toBeNull();
  });
});

describe('a reading of the site\'s calendar', () => {
  it('an entry makes the day reported (site), over an observed or unconfirmed record, never over a manual one', () => {
    expect(afterReading(undefined, D, true, true, AT)).toEqual({ put: { date: D, status: 'reported', source: 'site', at: AT } });
    expect(afterReading(rec('unconfirmed', 'observed'), D, true, false, AT)).toMatchObject({ put: { status: 'reported', source: 'site' } });
    expect(afterReading(rec('reported', 'observed'), D, true, true, AT)).toMatchObject({ put: { source: 'site' } });
    expect(afterReading(rec('reported', 'manual'), D, true, true, AT)).toBeNull();
    expect(afterReading(rec('reported', 'site'), D, true, true, AT)).toBeNull();
  });

  it('a full reading with the day empty withdraws an observed report (reported or unconfirmed), nothing else', () => {
    expect(afterReading(rec('reported', 'observed'), D, false, true, AT)).toEqual({ remove: D });
    expect(afterReading(rec('unconfirmed', 'observed'), D, false, true, AT)).toEqual({ remove: D });
    expect(afterReading(rec('reported', 'manual'), D, false, true, AT)).toBeNull();
    expect(afterReading(rec('reported', 'site'), D, false, true, AT)).toBeNull();
    expect(afterReading(undefined, D, false, true, AT)).toBeNull();
    // Not a full reading (the day view): no withdrawal.
    expect(afterReading(rec('reported', 'observed'), D, false, false, AT)).toBeNull();
  });

  it('counts the week and month views as full, the day view not', () => {
    expect([isFullView('week'), isFullView('month'), isFullView('day')]).toEqual([true, true, false]);
  });
});

/**
 * The periods a Rekap covers: one month, or one SKP assessment period (January–June,
 * July–December). Pure; dates are `YYYY-MM-DD`.
 */
import { monthEnd } from '../calendar/workdays';

export type Period =
  | { kind: 'month'; year: number; month: number }
  /** half 1 = January–June, 2 = July–December. */
  | { kind: 'skp'; year: number; half: 1 | 2 };

const pad = (n: number) => String(n).padStart(2, '0');

/** The first and last day of the period. */
export function periodRange(p: Period): { from: string; to: string } {
  if (p.kind === 'month') {
    const from = `${p.year}-${pad(p.month)}-01`;
    return { from, to: monthEnd(from) };
  }
  return p.half === 1
    ? { from: `${p.year}-01-01`, to: `${p.year}-06-30` }
    : { from: `${p.year}-07-01`, to: `${p.year}-12-31` };
}

/** The month and the SKP period holding `date`. */
export function periodsOf(date: string): { month: Period; skp: Period } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return { month: { kind: 'month', year, month }, skp: { kind: 'skp', year, half: month <= 6 ? 1 : 2 } };
}

/** A period as text for a URL or a file name: `2026-12` or `2026-S2`. */
export function periodKey(p: Period): string {
  return p.kind === 'month' ? `${p.year}-${pad(p.month)}` : `${p.year}-S${p.half}`;
}

/** The period a key names, or null. */
export function parsePeriodKey(key: string): Period | null {
  let m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (m) return { kind: 'month', year: Number(m[1]), month: Number(m[2]) };
  m = /^(\d{4})-S([12])$/.exec(key);
  if (m) return { kind: 'skp', year: Number(m[1]), half: Number(m[2]) as 1 | 2 };
  return null;
}

/**
 * The shipped holiday table against independent public lists (shared/conformance/holidays;
 * SOURCES.md): every source built on the decree or the official calendar, and not older than
 * the decree, must list exactly the shipped dates of the kinds it covers (and the same kind
 * where its kinds are reliable); a date added by a later amendment is only asked of sources
 * made after that amendment. Rule-based, scraped and predicted lists are reference only.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOLIDAYS } from '@/utils/calendar/holidays';
import { CONFORMANCE_DIR } from './shared';

interface Source {
  id: string;
  basis: string;
  asOf: string;
  categories: string[];
  kindReliable?: boolean;
  years: Record<string, Array<{ date: string; kind: string }>>;
}
interface Sources {
  decrees: Record<string, { date: string; amendments: Array<{ date: string; dates: string[] }> }>;
  sources: Source[];
}

const data: Sources | null = CONFORMANCE_DIR
  ? (JSON.parse(readFileSync(resolve(CONFORMANCE_DIR, 'holidays/sources.json'), 'utf8')) as Sources)
  : null;

describe.skipIf(!data)('conformance: holidays 2025–2026 against independent sources', () => {
  const consensus = (data?.sources ?? []).filter((s) => s.basis === 'decree' || s.basis === 'official-calendar');

  it('has decree-based sources for both years', () => {
    for (const year of ['2025', '2026']) expect(consensus.filter((s) => s.years[year] && s.asOf >= data!.decrees[year]!.date).length).toBeGreaterThanOrEqual(3);
  });

  for (const source of consensus) {
    for (const [year, list] of Object.entries(source.years)) {
      const decree = data!.decrees[year]!;
      it(`${source.id} ${year}`, () => {
        if (source.asOf < decree.date) return; // made before the decree: reference only
        const later = decree.amendments.filter((a) => source.asOf < a.date).flatMap((a) => a.dates);
        const shipped = HOLIDAYS.filter((h) => h.date.startsWith(year) && source.categories.includes(h.kind) && !later.includes(h.date));
        const theirs = list.filter((h) => !later.includes(h.date));
        expect(theirs.map((h) => h.date).sort()).toEqual(shipped.map((h) => h.date).sort());
        if (source.kindReliable !== false) {
          const kindOf = new Map(shipped.map((h) => [h.date, h.kind]));
          for (const h of theirs) expect(`${h.date} ${h.kind}`).toBe(`${h.date} ${kindOf.get(h.date)}`);
        }
      });
    }
  }
});

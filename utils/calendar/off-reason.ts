/** Why a day is not a working day, in words. */
import { t } from '../i18n/i18n';
import { DAY_OFF_KIND_MESSAGE, REASON_MESSAGE } from './reasons';
import type { NonWorkday } from './workdays';

/** For the extension's own pages: the holiday's name, the user's note, or the kind of day ("Akhir pekan"). */
export function offReason(off: Pick<NonWorkday, 'reason' | 'name' | 'note'>): string {
  return off.name ?? (off.note || t(REASON_MESSAGE[off.reason]));
}

/**
 * What a web page may be told (the in-page control lives in the site's page, whose scripts can
 * read it): the holiday's name or the kind of day off ("Cuti tahunan"), never the user's note.
 */
export type PageNonWorkday = Pick<NonWorkday, 'workday' | 'reason' | 'name' | 'kind'>;

export const pageNonWorkday = ({ workday, reason, name, kind }: NonWorkday): PageNonWorkday =>
  ({ workday, reason, ...(name !== undefined ? { name } : {}), ...(kind !== undefined ? { kind } : {}) });

export function pageOffReason(off: PageNonWorkday): string {
  return off.name ?? t(off.kind ? DAY_OFF_KIND_MESSAGE[off.kind] : REASON_MESSAGE[off.reason]);
}

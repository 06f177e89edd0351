/** Why a day is not a working day, in words: the holiday's name, the user's note, or the kind of day ("Akhir pekan"). */
import { t } from '../i18n/i18n';
import { REASON_MESSAGE } from './reasons';
import type { NonWorkday } from './workdays';

export function offReason(off: Pick<NonWorkday, 'reason' | 'name' | 'note'>): string {
  return off.name ?? (off.note || t(REASON_MESSAGE[off.reason]));
}

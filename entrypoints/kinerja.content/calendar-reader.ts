/**
 * Reports what the daily-progress page's calendar shows (which days have entries) to the
 * background, which counts them as reported. Reading the calendar: utils/site/calendar-reader.ts.
 */
import type { PageFeature } from '@/utils/page/feature';
import { onLocationChange } from '@/utils/page/feature';
import { sendMessage } from '@/utils/messaging/protocol';
import { EKINERJA_MATCHES } from '@/utils/site/pages';
import { watchCalendar } from '@/utils/site/watch-calendar';

export const calendarReader: PageFeature = {
  name: 'calendar reader',
  matches: EKINERJA_MATCHES,
  init(ctx, signal) {
    const restart = watchCalendar(document, signal, (reading) => void sendMessage('recordSiteReading', reading).catch(() => undefined));
    onLocationChange(ctx, signal, restart);
  },
};

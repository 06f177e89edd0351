import { defineContentScript } from 'wxt/utils/define-content-script';
import { onMessage, sendMessage } from '@/utils/messaging/protocol';
import { EKINERJA_MATCHES, readPageInfo } from '@/utils/site/pages';
import { startFiller } from '@/utils/fill/start';
import { watchCalendar } from '@/utils/site/watch-calendar';

export default defineContentScript({
  matches: EKINERJA_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    onMessage('getPageInfo', () => readPageInfo(document, location));
    watchCalendar(ctx, (reading) => void sendMessage('recordSiteReading', reading).catch(() => undefined));
    startFiller(ctx);
  },
});

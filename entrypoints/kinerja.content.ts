import { defineContentScript } from 'wxt/utils/define-content-script';
import { onMessage } from '@/utils/messaging/protocol';
import { EKINERJA_MATCHES, readPageInfo } from '@/utils/site/pages';
import { startFiller } from '@/utils/fill/start';

export default defineContentScript({
  matches: EKINERJA_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    onMessage('getPageInfo', () => readPageInfo(document, location));
    startFiller(ctx);
  },
});

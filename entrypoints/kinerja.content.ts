import { defineContentScript } from 'wxt/utils/define-content-script';
import { onMessage } from '@/utils/messaging/protocol';
import { EKINERJA_MATCHES, readPageInfo } from '@/utils/site/pages';

export default defineContentScript({
  matches: EKINERJA_MATCHES,
  runAt: 'document_idle',
  main() {
    onMessage('getPageInfo', () => readPageInfo(document, location));
  },
});

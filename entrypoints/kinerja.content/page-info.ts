/** Answers the popup's question "which e-Kinerja page is this, and who is logged in?". */
import type { PageFeature } from '@/utils/page/feature';
import { onAbort } from '@/utils/page/feature';
import { onMessage } from '@/utils/messaging/protocol';
import { EKINERJA_MATCHES, readPageInfo } from '@/utils/site/pages';

export const pageInfo: PageFeature = {
  name: 'page info',
  matches: EKINERJA_MATCHES,
  init(_ctx, signal) {
    onAbort(signal, onMessage('getPageInfo', () => readPageInfo(document, location)));
  },
};

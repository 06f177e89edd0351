/** The popup's "Isi di halaman ini": does what the page's button would (utils/sso-helper/page-fill.ts). */
import type { PageFeature } from '@/utils/page/feature';
import { onAbort } from '@/utils/page/feature';
import { onMessage } from '@/utils/messaging/protocol';
import { SSO_MATCHES } from '@/utils/site/sso';
import { fillOnPage } from '@/utils/sso-helper/page-fill';

export const popupFillRequest: PageFeature = {
  name: 'popup fill request',
  matches: SSO_MATCHES,
  init(_ctx, signal) {
    onAbort(signal, onMessage('ssoFillCode', ({ data }) => fillOnPage(data?.accountId)));
  },
};

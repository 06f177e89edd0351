/** The popup's "Pindai kode QR di tab ini" on the MFA activation page: the QR image from the page itself, not the screen. */
import type { PageFeature } from '@/utils/page/feature';
import { onAbort } from '@/utils/page/feature';
import { onMessage } from '@/utils/messaging/protocol';
import { SSO_MATCHES, activationQrDataUrl } from '@/utils/site/sso';

export const activationQrRequest: PageFeature = {
  name: 'activation QR request',
  matches: SSO_MATCHES,
  init(_ctx, signal) {
    onAbort(signal, onMessage('ssoActivationQr', () => ({ dataUrl: activationQrDataUrl(document) })));
  },
};

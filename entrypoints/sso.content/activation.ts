/** On the MFA activation page: save the QR code's account in one click (utils/sso-helper/activation.ts). */
import type { PageFeature } from '@/utils/page/feature';
import { sleep } from '@/utils/page/feature';
import { sendMessage } from '@/utils/messaging/protocol';
import { t } from '@/utils/i18n/i18n';
import { SSO_MATCHES } from '@/utils/site/sso';
import { startActivationSave } from '@/utils/sso-helper/activation';
import { offerPageFill } from '@/utils/sso-helper/page-fill';

export const ssoActivation: PageFeature = {
  name: 'SSO activation',
  matches: SSO_MATCHES,
  init(_ctx, signal) {
    const helper = startActivationSave(document, { saveActivation: (data) => sendMessage('saveActivationAccount', data), t, sleep }, signal);
    offerPageFill(() => helper.save(), signal);
  },
};

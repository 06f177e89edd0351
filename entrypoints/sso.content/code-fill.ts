/** "Isi kode MFA" beside the OTP field of the login (utils/sso-helper/code-fill.ts). */
import type { PageFeature } from '@/utils/page/feature';
import { sleep } from '@/utils/page/feature';
import { sendMessage } from '@/utils/messaging/protocol';
import { t } from '@/utils/i18n/i18n';
import { SSO_MATCHES } from '@/utils/site/sso';
import { startCodeFill } from '@/utils/sso-helper/code-fill';
import { offerPageFill } from '@/utils/sso-helper/page-fill';

export const ssoCodeFill: PageFeature = {
  name: 'SSO code fill',
  matches: SSO_MATCHES,
  init(_ctx, signal) {
    const helper = startCodeFill(document, { getCode: (data) => sendMessage('ssoCode', data), t, sleep }, signal);
    offerPageFill((accountId) => helper.fill(accountId), signal);
  },
};

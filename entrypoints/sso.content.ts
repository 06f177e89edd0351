import { defineContentScript } from 'wxt/utils/define-content-script';
import { onMessage, sendMessage } from '@/utils/messaging/protocol';
import { t } from '@/utils/i18n/i18n';
import { SSO_MATCHES, startSsoHelper } from '@/utils/site/sso';

/** ASN Digital's login (Keycloak): "Isi kode MFA" beside the OTP field; save the account on the activation page. */
export default defineContentScript({
  matches: SSO_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const helper = startSsoHelper(
      document,
      {
        getCode: (data) => sendMessage('ssoCode', data),
        saveActivation: (data) => sendMessage('saveActivationAccount', data),
        t,
        sleep: (ms, signal) => new Promise((resolve) => {
          const timer = ctx.setTimeout(resolve, ms);
          signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
        }),
      },
      ctx.signal,
    );
    // "Isi di halaman ini" in the popup.
    onMessage('ssoFillCode', ({ data }) => helper.fill(data?.accountId));
  },
});

/**
 * The content script on ASN Digital's login (Keycloak at sso-siasn.bkn.go.id): runs the page
 * features, one file each beside this one. A new feature is a new file here, added to this list
 * (a test checks it). The order matters for the popup's "Isi di halaman ini": the first feature
 * that applies to the page acts.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runFeatures } from '@/utils/page/feature';
import { SSO_MATCHES } from '@/utils/site/sso';
import { ssoCodeFill } from './code-fill';
import { ssoActivation } from './activation';
import { popupFillRequest } from './popup-fill-request';
import { activationQrRequest } from './activation-qr';

export default defineContentScript({
  matches: SSO_MATCHES,
  runAt: 'document_idle',
  // WXT's start-up notice by window.postMessage names the extension's id to every page listener
  // (issue 12, finding 9); the same notice as a DOM event on document stays (README, Keamanan).
  noScriptStartedPostMessage: true,
  main(ctx) {
    runFeatures(ctx, [ssoCodeFill, ssoActivation, popupFillRequest, activationQrRequest]);
  },
});

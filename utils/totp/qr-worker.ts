/**
 * The options page's QR reader, in a Web Worker (started by ./qr-file.ts): decoding a phone photo
 * and looking for its code at several sizes takes up to a second or two, which would freeze the
 * page on its main thread. One message in (the image file), one answer out.
 */
import { findQrInImage, ImageDecodeError } from './qr-image';
import type { QrFileAnswer } from './qr-file';

addEventListener('message', (event: MessageEvent<{ file: Blob }>) => {
  const started = performance.now();
  void findQrInImage(event.data.file)
    .then(
      (found): QrFileAnswer => ({ ok: true, found, ms: Math.round(performance.now() - started) }),
      (e: unknown): QrFileAnswer => ({ ok: false, error: e instanceof ImageDecodeError ? 'mfa_err_image' : 'otp_err_no_qr' }),
    )
    .then((answer) => postMessage(answer));
});

/**
 * Reading the QR code of an image file off the page's main thread: a Web Worker
 * (./qr-worker.ts) per file, ended when it answers. Used by the options page's "Unggah gambar
 * kode QR"; the popup never loads it.
 */
import type { QrFound } from './qr';

export type QrFileAnswer =
  | { ok: true; found: QrFound; ms: number }
  | { ok: false; error: 'mfa_err_image' | 'otp_err_no_qr' | 'mfa_err_qr_failed' };

/** Longer than any read takes (seconds for a large photo without a code on a slow computer). */
const TIMEOUT_MS = 30_000;

export function readQrFile(file: Blob): Promise<QrFileAnswer> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./qr-worker.ts', import.meta.url), { type: 'module' });
    // Too slow, or the worker failed: say so (never hang on "working").
    const timer = setTimeout(() => done({ ok: false, error: 'mfa_err_qr_failed' }), TIMEOUT_MS);
    function done(answer: QrFileAnswer): void {
      clearTimeout(timer);
      worker.terminate();
      resolve(answer);
    }
    worker.addEventListener('message', (e: MessageEvent<QrFileAnswer>) => done(e.data));
    worker.addEventListener('error', () => done({ ok: false, error: 'mfa_err_qr_failed' }));
    worker.postMessage({ file });
  });
}

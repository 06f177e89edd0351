/**
 * An image file or data: URL → grey pixels → the QR code in it (./qr.ts), with the browser's
 * createImageBitmap and OffscreenCanvas: the same code in the background (a tab capture, the
 * activation page's QR image) and in the options page's worker (./qr-worker.ts, an uploaded photo).
 */
import { OtpError } from './errors';
import { findQr, grayFromRgba, type QrFound, type QrSource } from './qr';

/**
 * The largest side an image is drawn at (a 12-megapixel photo is 4000 × 3000): even a larger
 * one read "as it is" is drawn at this size, so memory stays bounded (≈ 64 MB of RGBA).
 */
export const MAX_DECODE_SIDE = 4096;

/** Failures: the bytes are not an image the browser can draw. */
export class ImageDecodeError extends Error {
  constructor(detail: string) {
    super(`not an image: ${detail}`);
  }
}

const MAX_DATA_URL_CHARS = 30_000_000;

/** The bytes of a base64 data: URL as a Blob of its type; ImageDecodeError when it is not one. */
export function blobFromDataUrl(dataUrl: string): Blob {
  if (typeof dataUrl !== 'string' || dataUrl.length > MAX_DATA_URL_CHARS) throw new ImageDecodeError('too long');
  const m = /^data:([a-z0-9.+/-]*)(?:;[^,;]*)*;base64,/i.exec(dataUrl);
  if (!m) throw new ImageDecodeError('not a base64 data: URL');
  let binary: string;
  try {
    binary = atob(dataUrl.slice(m[0].length).replace(/\s+/g, ''));
  } catch {
    throw new ImageDecodeError('bad base64');
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: m[1] || 'image/png' });
}

/**
 * The image, ready to be read at any size (./qr.ts, findQr): each size is drawn by the canvas
 * straight from the decoded bitmap (smoothing 'high'), so a 12-megapixel photo is never turned
 * into pixels at full size unless its small sizes fail. Close it when done.
 */
export async function imageSource(blob: Blob): Promise<QrSource> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch (e) {
    throw new ImageDecodeError(e instanceof Error ? e.message : String(e));
  }
  const { width, height } = bitmap;
  const longest = Math.max(width, height);
  return {
    width,
    height,
    at(side) {
      const f = Math.min(1, side / longest, MAX_DECODE_SIDE / longest);
      const w = Math.max(1, Math.round(width * f));
      const h = Math.max(1, Math.round(height * f));
      const canvas = new OffscreenCanvas(w, h);
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      if (!ctx) throw new OtpError('otp_err_no_qr', 'no 2d context');
      ctx.fillStyle = '#fff'; // transparent PNGs: dark modules on white
      ctx.fillRect(0, 0, w, h);
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(bitmap, 0, 0, w, h);
      return grayFromRgba(ctx.getImageData(0, 0, w, h).data, w, h);
    },
    close: () => bitmap.close(),
  };
}

/** The QR code in an image, at the first size that reads; ImageDecodeError when it is not an image. */
export async function findQrInImage(blob: Blob): Promise<QrFound> {
  const src = await imageSource(blob);
  try {
    return findQr(src);
  } finally {
    src.close?.();
  }
}

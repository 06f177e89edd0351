/**
 * An image file or data: URL → grey pixels → the QR code in it (./qr.ts), with the browser's
 * createImageBitmap and OffscreenCanvas: the same code in the background (a tab capture, the
 * activation page's QR image) and in the options page's worker (./qr-worker.ts, an uploaded photo).
 */
import { OtpError } from './errors';
import { findQr, grayFromRgba, type Gray, type QrFound } from './qr';

/** RGBA pixels, as a canvas gives them. */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/**
 * The largest side an image is drawn at before reading (a 12-megapixel photo is 4000 × 3000):
 * larger ones are scaled down by the canvas first, so memory stays bounded (≈ 64 MB of RGBA).
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

/** The image's pixels, its longest side at most MAX_DECODE_SIDE; transparent areas on white. */
export async function imagePixels(blob: Blob): Promise<Pixels> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch (e) {
    throw new ImageDecodeError(e instanceof Error ? e.message : String(e));
  }
  try {
    const scale = Math.min(1, MAX_DECODE_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new ImageDecodeError('no 2d context');
    ctx.fillStyle = '#fff'; // transparent PNGs: dark modules on white
    ctx.fillRect(0, 0, width, height);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, width, height);
    return { data: ctx.getImageData(0, 0, width, height).data, width, height };
  } finally {
    bitmap.close();
  }
}

/** The QR code in RGBA pixels, at the first size that reads (./qr.ts). */
export function findQrInPixels(px: Pixels): QrFound {
  let gray: Gray;
  try {
    gray = grayFromRgba(px.data, px.width, px.height);
  } catch (e) {
    throw e instanceof OtpError ? e : new OtpError('otp_err_no_qr', String(e));
  }
  return findQr(gray);
}

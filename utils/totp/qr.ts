/**
 * Reading a QR code from pixels (a tab capture or an uploaded image drawn on a canvas) with jsQR.
 * Returns the text it holds; importFromText (./import.ts) turns that into accounts.
 */
import jsQR from 'jsqr';
import { OtpError } from './errors';

/** The text of the QR code in RGBA pixels; OtpError 'otp_err_no_qr' when there is none. */
export function decodeQrFromImageData(data: Uint8ClampedArray, width: number, height: number): string {
  if (
    !Number.isInteger(width) ||
    !Number.isInteger(height) ||
    width <= 0 ||
    height <= 0 ||
    data.length !== width * height * 4
  ) {
    throw new OtpError('otp_err_no_qr', `bad image ${width}x${height}, ${data.length} bytes`);
  }
  let text: string | undefined;
  try {
    // 'attemptBoth': also light-on-dark codes (dark themes, inverted screenshots).
    text = jsQR(data, width, height, { inversionAttempts: 'attemptBoth' })?.data;
  } catch (e) {
    throw new OtpError('otp_err_no_qr', `decoder failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!text) throw new OtpError('otp_err_no_qr');
  return text;
}

import { describe, expect, it } from 'vitest';
import { OtpError } from '@/utils/totp/errors';
import { importFromText } from '@/utils/totp/import';
import { decodeQrFromImageData } from '@/utils/totp/qr';
import { qrImage, qrMatrix } from './qr-encoder';

const KEYCLOAK_URI =
  'otpauth://totp/public-siasn:199001012015011001?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&digits=6&algorithm=SHA1&issuer=public-siasn&period=30';

function noQrCode(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(OtpError);
    return (e as OtpError).code;
  }
  throw new Error('expected an OtpError');
}

describe('decodeQrFromImageData', () => {
  it('reads the otpauth link of a Keycloak-style QR code', () => {
    const { data, width, height } = qrImage(KEYCLOAK_URI, { scale: 4 });
    expect(qrMatrix(KEYCLOAK_URI).length).toBeGreaterThan(21); // a multi-version code, not version 1
    expect(decodeQrFromImageData(data, width, height)).toBe(KEYCLOAK_URI);
  });

  it('finds a small code somewhere in a larger screenshot', () => {
    const { data, width, height } = qrImage('otpauth://totp/a:b?secret=JBSWY3DPEHPK3PXP', {
      scale: 3,
      offset: 150,
      canvas: 420,
    });
    expect(width).toBe(420);
    expect(decodeQrFromImageData(data, width, height)).toBe('otpauth://totp/a:b?secret=JBSWY3DPEHPK3PXP');
  });

  it('reads a light-on-dark (inverted) code', () => {
    const { data, width, height } = qrImage('hello inverted', { scale: 5, invert: true });
    expect(decodeQrFromImageData(data, width, height)).toBe('hello inverted');
  });

  it('feeds straight into importFromText', () => {
    const { data, width, height } = qrImage(KEYCLOAK_URI);
    const { accounts } = importFromText(decodeQrFromImageData(data, width, height));
    expect(accounts).toEqual([
      {
        issuer: 'public-siasn',
        account: '199001012015011001',
        secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
      },
    ]);
  });

  it('reports a blank image as otp_err_no_qr', () => {
    const data = new Uint8ClampedArray(200 * 100 * 4).fill(255);
    expect(noQrCode(() => decodeQrFromImageData(data, 200, 100))).toBe('otp_err_no_qr');
  });

  it('reports noise as otp_err_no_qr', () => {
    let seed = 42;
    const data = new Uint8ClampedArray(160 * 160 * 4).map(() => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed & 0xff;
    });
    expect(noQrCode(() => decodeQrFromImageData(data, 160, 160))).toBe('otp_err_no_qr');
  });

  it('reports pixels that do not match the size as otp_err_no_qr', () => {
    expect(noQrCode(() => decodeQrFromImageData(new Uint8ClampedArray(10), 2, 2))).toBe('otp_err_no_qr');
    expect(noQrCode(() => decodeQrFromImageData(new Uint8ClampedArray(0), 0, 0))).toBe('otp_err_no_qr');
  });
});

import { describe, expect, it } from 'vitest';
import { OtpError } from '@/utils/totp/errors';
import { importFromText } from '@/utils/totp/import';
import jsQR from 'jsqr';
import { decodeQrFromImageData, denoise, downscale, findQr, grayFromRgba, noiseLevel, otsuThreshold, qrSides, threshold, type Gray } from '@/utils/totp/qr';
import { qrImage, qrMatrix } from './qr-encoder';
import { qrPhoto, toRgba } from './photo';

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

describe('reading at several sizes (issue 12: QR from a phone photo)', () => {
  const URI = KEYCLOAK_URI;

  it('picks 400 → 800 → 1200 px, and the original when it is small', () => {
    expect(qrSides(4000, 3000)).toEqual([400, 800, 1200]);
    expect(qrSides(1840, 1380)).toEqual([400, 800, 1200]);
    expect(qrSides(1600, 1200)).toEqual([400, 800, 1200, 1600]);
    expect(qrSides(1280, 720)).toEqual([400, 800, 1280]); // 1200 is within 10 % of 1280
    expect(qrSides(420, 300)).toEqual([420]);
    expect(qrSides(2560, 1440)).toEqual([400, 800, 1200]); // and then 2560 when crisp (findQr)
  });

  it('scales down by area average, keeping the aspect ratio', () => {
    const img: Gray = { data: Uint8Array.from([0, 100, 200, 50, 100, 0, 50, 250]), width: 4, height: 2 };
    expect(downscale(img, 2)).toEqual({ data: Uint8Array.from([50, 138]), width: 2, height: 1 });
    expect(downscale(img, 4)).toBe(img);
    const big = downscale({ data: new Uint8Array(4000 * 3000).fill(77), width: 4000, height: 3000 }, 400);
    expect([big.width, big.height]).toEqual([400, 300]);
    expect(new Set(big.data)).toEqual(new Set([77]));
  });

  it('Otsu cuts between the dark and the light grey levels', () => {
    const data = new Uint8Array(1000);
    for (let i = 0; i < data.length; i++) data[i] = i % 3 === 0 ? 40 + (i % 7) : 180 + (i % 11);
    const img: Gray = { data, width: 100, height: 10 };
    const cut = otsuThreshold(img);
    expect(cut).toBeGreaterThanOrEqual(46);
    expect(cut).toBeLessThan(180);
    expect(new Set(threshold(img, cut).data)).toEqual(new Set([0, 255]));
  });

  it('measures grain: a screenshot stays as it is, a camera frame is smoothed', () => {
    const shot = qrImage(URI, { scale: 3 });
    const crisp = grayFromRgba(shot.data, shot.width, shot.height);
    expect(noiseLevel(crisp)).toBe(0);
    expect(denoise(crisp)).toBe(crisp);
    const photo = qrPhoto(URI, { width: 800, height: 600, module: 8, noise: 40 });
    expect(noiseLevel(photo)).toBeGreaterThan(10);
    expect(noiseLevel(denoise(photo))).toBeLessThanOrEqual(2);
  });

  it('reads a 1840×1380 camera frame that jsQR alone does not read at full size, and says at which size', () => {
    const photo = qrPhoto(URI, { width: 1840, height: 1380, module: 17, noise: 40 });
    // What the extension did before: jsQR on the whole frame (scaled to at most 1600 px) finds nothing
    // (dark-on-light shown here; the light-on-dark attempt it also made takes as long, and fails too).
    const before = downscale(photo, 1600);
    expect(jsQR(toRgba(before), before.width, before.height, { inversionAttempts: 'dontInvert' })).toBeNull();
    const found = findQr(photo);
    expect(found).toMatchObject({ text: URI, side: 400, original: false, sourceWidth: 1840, sourceHeight: 1380 });
    expect(decodeQrFromImageData(toRgba(photo), 1840, 1380)).toBe(URI);
  });

  it('reads a 12-megapixel photo at the first size', () => {
    const photo = qrPhoto(URI, { width: 4000, height: 3000, module: 30, noise: 50, angle: -4 });
    const t0 = performance.now();
    const found = findQr(photo);
    console.info(`12 MP photo: read at ${found.side} px in ${Math.round(performance.now() - t0)} ms`);
    expect(found).toMatchObject({ text: URI, side: 400, original: false, binarisation: 'local' });
  });

  it('falls back to a larger size, and to a global threshold for a low-contrast code', () => {
    // Modules of 5 px: too small at 400 and 800 px, read at 1200.
    const small = qrPhoto(URI, { width: 1600, height: 1200, module: 5, noise: 10 });
    expect(findQr(small)).toMatchObject({ text: URI, side: 1200 });
    // 35 grey levels between dark and light modules: below jsQR's own contrast floor.
    const dull = qrPhoto(URI, { width: 1600, height: 1200, module: 12, noise: 15, light: 140, dark: 105, surround: 120 });
    expect(findQr(dull)).toMatchObject({ text: URI, binarisation: 'otsu' });
  });

  it('reads light-on-dark photos, and a crisp screenshot of a large screen at its own size', () => {
    const dark = qrPhoto(URI, { width: 2000, height: 1500, module: 15, light: 30, dark: 220, surround: 200 });
    expect(findQr(dark).text).toBe(URI);
    const shot = qrImage(URI, { scale: 2, offset: 900, canvas: 2560 });
    expect(findQr(grayFromRgba(shot.data, shot.width, shot.height))).toMatchObject({ text: URI, side: 2560, original: true });
  });

  it('a photo without a code: otp_err_no_qr after every size', () => {
    const empty = qrPhoto('', { width: 2000, height: 1500, module: 1e-6, margin: 0, noise: 40 });
    try {
      findQr(empty);
      throw new Error('expected no code');
    } catch (e) {
      expect(e).toBeInstanceOf(OtpError);
      expect((e as OtpError).code).toBe('otp_err_no_qr');
      expect((e as OtpError).detail).toBe('tried 400, 800, 1200 px');
    }
  });
});

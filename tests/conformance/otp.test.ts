/**
 * Real-world OTP inputs (otpauth links, Google Authenticator exports, TOTP/HOTP vectors from ten
 * open-source authenticators and the RFCs; see otp/SOURCES.md in the conformance data that ./shared.ts finds): every
 * supported input gives the expected account or code, every unsupported or broken one a clear
 * OtpError (a translated message key), never anything else.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { base32Decode } from '@/utils/totp/base32';
import { isOtpError, OTP_ERROR_CODES } from '@/utils/totp/errors';
import { importFromText } from '@/utils/totp/import';
import { totpCode } from '@/utils/totp/totp';
import { findQr, grayFromRgba, type Gray } from '@/utils/totp/qr';
import { readPng } from '../helpers/png';
import { CONFORMANCE_DIR, SKIP_REASON } from './shared';

interface Case {
  kind: 'uri' | 'migration' | 'totp' | 'qr';
  id: string;
  input?: string;
  expect?: unknown;
  unsupported?: string;
  invalid?: boolean;
  divergent?: string;
  secret?: string;
  algorithm?: string;
  digits?: number;
  period?: number;
  time?: number;
  file?: string;
  format?: 'png' | 'y.gz';
  width?: number;
  height?: number;
  stride?: number;
  expectCode?: string;
}
type Expected = { type?: string; issuer?: string; account?: string; secret?: string; algorithm?: string; digits?: number; period?: number };

const cases: Case[] = CONFORMANCE_DIR
  ? (JSON.parse(readFileSync(resolve(CONFORMANCE_DIR, 'otp/cases.json'), 'utf8')) as { cases: Case[] }).cases
  : [];
if (!CONFORMANCE_DIR) console.warn(`tests/conformance: skipped — ${SKIP_REASON}`);

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** The error must be an OtpError with a known message key. */
function expectOtpError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (!isOtpError(e)) throw e;
    expect(OTP_ERROR_CODES).toContain(e.code);
    return e.code;
  }
  throw new Error('accepted an input that should be refused');
}

function checkAccount(got: ReturnType<typeof importFromText>['accounts'][number], want: Expected): void {
  if (want.issuer !== undefined) expect(got.issuer).toBe(want.issuer);
  if (want.account !== undefined) expect(got.account).toBe(want.account);
  // Secrets compare as key bytes (SOURCES.md), not as spellings.
  if (want.secret !== undefined) expect(hex(base32Decode(got.secret))).toBe(hex(base32Decode(want.secret)));
  if (want.algorithm !== undefined) expect(got.algorithm).toBe(want.algorithm);
  if (want.digits !== undefined) expect(got.digits).toBe(want.digits);
  if (want.period !== undefined) expect(got.period).toBe(want.period);
}

const byKind = (kind: Case['kind']) => cases.filter((c) => c.kind === kind && !c.divergent);

describe.skipIf(!CONFORMANCE_DIR)('conformance: OTP inputs from other authenticators', () => {
  it('has the cases', () => {
    expect(cases.length).toBeGreaterThan(200);
  });

  describe('otpauth:// links', () => {
    for (const c of byKind('uri')) {
      it(c.id, () => {
        if (c.unsupported || c.invalid) {
          expectOtpError(() => importFromText(c.input!));
          return;
        }
        const res = importFromText(c.input!);
        expect(res.accounts).toHaveLength(1);
        checkAccount(res.accounts[0]!, c.expect as Expected);
      });
    }
  });

  describe('Google Authenticator exports', () => {
    for (const c of byKind('migration')) {
      it(c.id, () => {
        if (c.invalid) {
          expectOtpError(() => importFromText(c.input!));
          return;
        }
        const want = (c.expect as { accounts: Expected[] }).accounts;
        const supported = want.filter((a) => (a.type ?? 'totp') === 'totp');
        if (supported.length === 0) {
          expectOtpError(() => importFromText(c.input!));
          return;
        }
        const res = importFromText(c.input!);
        expect(res.accounts).toHaveLength(supported.length);
        supported.forEach((a, i) => checkAccount(res.accounts[i]!, a));
        // The unsupported ones (HOTP) are listed as skipped, each with a message key.
        expect(res.skipped).toHaveLength(want.length - supported.length);
        for (const s of res.skipped) expect(OTP_ERROR_CODES).toContain(s.code);
      });
    }
  });

  describe('QR images (screenshots, a phone photo, camera frames) read at several sizes', () => {
    /** The picture as grey pixels: a PNG, or a camera's raw luma plane (rows `stride` bytes apart). */
    const load = (c: Case): Gray => {
      const bytes = readFileSync(resolve(CONFORMANCE_DIR!, 'otp', c.file!));
      if (c.format === 'png') {
        const png = readPng(bytes);
        return grayFromRgba(png.data, png.width, png.height);
      }
      const luma = gunzipSync(bytes);
      const data = new Uint8Array(c.width! * c.height!);
      for (let y = 0; y < c.height!; y++) data.set(luma.subarray(y * c.stride!, y * c.stride! + c.width!), y * c.width!);
      return { data, width: c.width!, height: c.height! };
    };
    for (const c of byKind('qr')) {
      it(c.id, () => {
        const img = load(c);
        if (c.invalid) {
          const code = expectOtpError(() => importFromText(findQr(img).text));
          if (c.expectCode) expect(code).toBe(c.expectCode);
          return;
        }
        const want = (c.expect as { accounts: Expected[] }).accounts;
        const res = importFromText(findQr(img).text);
        expect(res.accounts).toHaveLength(want.length);
        want.forEach((a, i) => checkAccount(res.accounts[i]!, a));
      });
    }
  });

  describe('TOTP and HOTP vectors', () => {
    for (const c of byKind('totp')) {
      it(c.id, () => {
        const params = { secret: c.secret!, algorithm: c.algorithm as 'SHA1', digits: c.digits as 6, period: c.period! };
        if (c.unsupported) {
          expectOtpError(() => totpCode(params, c.time! * 1000));
          return;
        }
        expect(totpCode(params, c.time! * 1000)).toBe(c.expect);
      });
    }
  });
});

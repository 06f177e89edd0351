import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Algorithm } from '@/utils/totp/account';
import { base32Encode } from '@/utils/totp/base32';
import { OtpError } from '@/utils/totp/errors';
import { groupCode, msRemaining, secondsRemaining, totpCode } from '@/utils/totp/totp';
import { PROPERTY_TIMEOUT_MS } from '../../helpers/property';

/** RFC 6238 computed independently with node:crypto (RFC 4226 dynamic truncation). */
function referenceTotp(key: Uint8Array, algorithm: Algorithm, digits: number, period: number, nowMs: number): string {
  const counter = BigInt(Math.floor(Math.floor(nowMs / 1000) / period));
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(counter);
  const hash = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' }[algorithm];
  const mac = createHmac(hash, key).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

// RFC 6238 appendix B: ASCII seeds of 20, 32 and 64 bytes.
const SEEDS: Record<Algorithm, Uint8Array> = {
  SHA1: ascii('12345678901234567890'),
  SHA256: ascii('12345678901234567890123456789012'),
  SHA512: ascii('1234567890123456789012345678901234567890123456789012345678901234'),
};

// The table of RFC 6238 appendix B (8 digits, 30 s).
const RFC_TABLE: [number, Record<Algorithm, string>][] = [
  [59, { SHA1: '94287082', SHA256: '46119246', SHA512: '90693936' }],
  [1111111109, { SHA1: '07081804', SHA256: '68084774', SHA512: '25091201' }],
  [1111111111, { SHA1: '14050471', SHA256: '67062674', SHA512: '99943326' }],
  [1234567890, { SHA1: '89005924', SHA256: '91819424', SHA512: '93441116' }],
  [2000000000, { SHA1: '69279037', SHA256: '90698825', SHA512: '38618901' }],
  [20000000000, { SHA1: '65353130', SHA256: '77737706', SHA512: '47863826' }],
];

describe('totpCode: RFC 6238 appendix B', () => {
  for (const [seconds, expected] of RFC_TABLE) {
    for (const algorithm of ['SHA1', 'SHA256', 'SHA512'] as const) {
      it(`${algorithm} at T=${seconds}`, () => {
        const seed = SEEDS[algorithm];
        const account = { secret: base32Encode(seed), algorithm, digits: 8 as const, period: 30 };
        const code = totpCode(account, seconds * 1000);
        expect(code).toBe(referenceTotp(seed, algorithm, 8, 30, seconds * 1000));
        expect(code).toBe(expected[algorithm]);
      });
    }
  }

  it('6-digit codes are the last 6 digits of the same computation', () => {
    for (const [seconds, expected] of RFC_TABLE) {
      const account = { secret: base32Encode(SEEDS.SHA1), algorithm: 'SHA1' as const, digits: 6 as const, period: 30 };
      expect(totpCode(account, seconds * 1000 + 999)).toBe(expected.SHA1.slice(2));
    }
  });
});

describe('totpCode with real-world accounts', () => {
  it('works with a 10-byte secret (16 base32 characters), which otplib refuses by default', () => {
    const key = new Uint8Array([...ascii('Hello!'), 0xde, 0xad, 0xbe, 0xef]);
    const secret = 'JBSWY3DPEHPK3PXP'; // the classic example key: these 10 bytes
    expect(base32Encode(key)).toBe(secret);
    for (const nowMs of [0, 1_700_000_000_000, 1_767_225_600_123]) {
      const account = { secret, algorithm: 'SHA1' as const, digits: 6 as const, period: 30 };
      expect(totpCode(account, nowMs)).toBe(referenceTotp(key, 'SHA1', 6, 30, nowMs));
    }
  });

  it('accepts the secret as typed (lower case, grouped)', () => {
    const key = ascii('12345678901234567890');
    const grouped = base32Encode(key).toLowerCase().replace(/(.{4})/g, '$1 ');
    const code = totpCode({ secret: grouped, algorithm: 'SHA1', digits: 6, period: 30 }, 59_000);
    expect(code).toBe('287082');
  });

  it('changes exactly at period boundaries (15 s and 60 s periods)', () => {
    const key = ascii('abcdefghijklmnopqrst');
    for (const period of [15, 60]) {
      const account = { secret: base32Encode(key), algorithm: 'SHA256' as const, digits: 6 as const, period };
      const boundary = 1_800_000_000 - (1_800_000_000 % period);
      expect(totpCode(account, boundary * 1000 - 1)).toBe(referenceTotp(key, 'SHA256', 6, period, boundary * 1000 - 1));
      expect(totpCode(account, boundary * 1000)).toBe(referenceTotp(key, 'SHA256', 6, period, boundary * 1000));
      expect(totpCode(account, boundary * 1000 - 1)).not.toBe(totpCode(account, boundary * 1000)); // true for these keys
    }
  });

  it('throws an OtpError for a secret that is not base32', () => {
    expect(() => totpCode({ secret: 'not base32!', algorithm: 'SHA1', digits: 6, period: 30 }, 0)).toThrow(OtpError);
    expect(() => totpCode({ secret: '', algorithm: 'SHA1', digits: 6, period: 30 }, 0)).toThrow(OtpError);
  });

  it('matches the node:crypto reference for random secrets, times and settings', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 100 }),
        fc.constantFrom<Algorithm>('SHA1', 'SHA256', 'SHA512'),
        fc.constantFrom(6 as const, 8 as const),
        fc.integer({ min: 15, max: 120 }),
        fc.integer({ min: 0, max: 4_102_444_800_000 }), // up to 2100
        (key, algorithm, digits, period, nowMs) => {
          const code = totpCode({ secret: base32Encode(key), algorithm, digits, period }, nowMs);
          expect(code).toBe(referenceTotp(key, algorithm, digits, period, nowMs));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('countdown', () => {
  it('secondsRemaining counts period … 1', () => {
    expect(secondsRemaining(30, 0)).toBe(30);
    expect(secondsRemaining(30, 999)).toBe(30);
    expect(secondsRemaining(30, 1000)).toBe(29);
    expect(secondsRemaining(30, 29_000)).toBe(1);
    expect(secondsRemaining(30, 29_999)).toBe(1);
    expect(secondsRemaining(30, 30_000)).toBe(30);
    expect(secondsRemaining(60, 1_700_000_030_000)).toBe(10); // 1_700_000_030 = 28_333_333·60 + 50
  });

  it('agrees with the whole-second formula for any time', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(fc.integer({ min: 15, max: 120 }), fc.integer({ min: 0, max: 4_102_444_800_000 }), (period, nowMs) => {
        const s = secondsRemaining(period, nowMs);
        expect(s).toBe(period - (Math.floor(nowMs / 1000) % period));
        expect(msRemaining(period, nowMs)).toBe(period * 1000 - (nowMs % (period * 1000)));
      }),
      { numRuns: 2000 },
    );
  });

  it('groupCode splits the code in two halves for display', () => {
    expect(groupCode('123456')).toBe('123 456');
    expect(groupCode('12345678')).toBe('1234 5678');
  });
});

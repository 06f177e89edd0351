import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, normalizeBase32 } from '@/utils/totp/base32';
import { OtpError } from '@/utils/totp/errors';
import { PROPERTY_TIMEOUT_MS } from '../../helpers/property';

/** An independent reference: bytes → bit string → 5-bit groups. */
function referenceEncode(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = [...bytes].map((b) => b.toString(2).padStart(8, '0')).join('');
  while (bits.length % 5 !== 0) bits += '0';
  let out = '';
  for (let i = 0; i < bits.length; i += 5) out += alphabet[parseInt(bits.slice(i, i + 5), 2)];
  return out;
}

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

function errorCode(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(OtpError);
    return (e as OtpError).code;
  }
  throw new Error('expected an OtpError');
}

describe('base32 (RFC 4648 §10 test vectors)', () => {
  const vectors: [string, string][] = [
    ['', ''],
    ['f', 'MY======'],
    ['fo', 'MZXQ===='],
    ['foo', 'MZXW6==='],
    ['foob', 'MZXW6YQ='],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI======'],
  ];

  it.each(vectors)('encodes %j as %s', (plain, encoded) => {
    expect(base32Encode(bytesOf(plain), { padding: true })).toBe(encoded);
    expect(base32Encode(bytesOf(plain))).toBe(encoded.replace(/=/g, ''));
  });

  it.each(vectors)('decodes %s (padded and unpadded) back to %j', (plain, encoded) => {
    expect(base32Decode(encoded)).toEqual(bytesOf(plain));
    expect(base32Decode(encoded.replace(/=/g, ''))).toEqual(bytesOf(plain));
  });
});

describe('base32Decode tolerance', () => {
  const hello = bytesOf('Hello!');

  it('accepts lower case, spaces, line breaks and hyphens', () => {
    expect(base32Decode('JBSWY3DPEE')).toEqual(hello);
    expect(base32Decode('jbswy3dpee')).toEqual(hello);
    expect(base32Decode('jbsw y3dp ee')).toEqual(hello);
    expect(base32Decode(' JBSW-Y3DP-EE\n')).toEqual(hello);
    expect(base32Decode('JBSWY3DPEE======')).toEqual(hello);
  });

  it('reads a Keycloak key shown grouped by four', () => {
    // Keycloak displays the key as "KRUG S4ZA ..." in span#kc-totp-secret-key.
    const key = 'KRUGS4ZA NFZSA5DI MUQGWZLZ';
    expect(new TextDecoder().decode(base32Decode(key.replace(/(.{4})/g, '$1 ')))).toBe('This is the key');
  });

  it('rejects characters outside the alphabet', () => {
    for (const bad of ['JBSWY3DP0E', 'JBSWY3DP1E', 'JBSWY3DP8E', 'JBSW+3DP', 'JBSW_3DP', 'JBSWÉ3DP', 'MZ=XW6']) {
      expect(errorCode(() => base32Decode(bad))).toBe('otp_err_base32');
    }
  });

  it('rejects lengths no encoder produces (1, 3 or 6 characters past a multiple of 8)', () => {
    for (const bad of ['A', 'ABC', 'ABCDEF', 'ABCDEFGHA']) {
      expect(errorCode(() => base32Decode(bad))).toBe('otp_err_base32');
    }
  });

  it('normalizeBase32 gives the canonical stored form', () => {
    expect(normalizeBase32('jbsw y3dp ehpk 3pxp')).toBe('JBSWY3DPEHPK3PXP');
    expect(normalizeBase32('MZXW6YQ=')).toBe('MZXW6YQ');
  });
});

describe('base32 properties', () => {
  it('encode matches an independent bit-string encoder and decode inverts it', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const encoded = base32Encode(bytes);
        expect(encoded).toBe(referenceEncode(bytes));
        expect(base32Decode(encoded)).toEqual(bytes);
      }),
      { numRuns: 10_000 },
    );
  });

  it('decodes human-mangled spellings (case, grouping, padding) to the same bytes', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom(' ', '-', '\n', '  '),
        fc.boolean(),
        fc.boolean(),
        (bytes, group, separator, lower, padded) => {
          let text = base32Encode(bytes, { padding: padded });
          if (lower) text = text.toLowerCase();
          text = text.replace(new RegExp(`(.{${group}})`, 'g'), `$1${separator}`);
          expect(base32Decode(text)).toEqual(bytes);
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it('random strings either decode or throw an OtpError, nothing else', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 60 }),
          fc.string({ unit: 'binary', maxLength: 60 }),
          fc.stringMatching(/^[A-Za-z2-7=\s-]{0,40}$/),
        ),
        (text) => {
          try {
            const bytes = base32Decode(text);
            expect(bytes).toBeInstanceOf(Uint8Array);
          } catch (e) {
            expect(e).toBeInstanceOf(OtpError);
            expect((e as OtpError).code).toBe('otp_err_base32');
          }
        },
      ),
      { numRuns: 10_000 },
    );
  });
});

describe('the secret as the user gave it (issue 12)', () => {
  it('keeps a last character with stray bits: …ZXV stays …ZXV (same key bytes as …ZXU), and the exported link matches the imported one', async () => {
    const { parseOtpauth, buildOtpauth } = await import('@/utils/totp/otpauth');
    const link = 'otpauth://totp/Secret?secret=S46SQCPPTCNPROMHWYBDCTBZXV';
    const parsed = parseOtpauth(link);
    expect(parsed.secret).toBe('S46SQCPPTCNPROMHWYBDCTBZXV');
    expect(buildOtpauth(parsed)).toContain('secret=S46SQCPPTCNPROMHWYBDCTBZXV');
    expect(base32Decode('S46SQCPPTCNPROMHWYBDCTBZXV')).toEqual(base32Decode('S46SQCPPTCNPROMHWYBDCTBZXU'));
    expect(parseOtpauth('otpauth://totp/x?secret=wrn3 pqx5-uqxq vnqr==').secret).toBe('WRN3PQX5UQXQVNQR');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedAccount } from '@/utils/totp/account';
import { base32Encode } from '@/utils/totp/base32';
import { OtpError } from '@/utils/totp/errors';
import { accountFromManual, buildOtpauth, parseOtpauth } from '@/utils/totp/otpauth';
import { PROPERTY_TIMEOUT_MS } from '../../helpers/property';

function errorCode(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(OtpError);
    return (e as OtpError).code;
  }
  throw new Error('expected an OtpError');
}

const KEY = 'JBSWY3DPEHPK3PXP'; // 10 bytes

describe('parseOtpauth', () => {
  it('reads the link of the ASN Digital (Keycloak) activation QR code', () => {
    const uri =
      'otpauth://totp/public-siasn:199001012015011001?secret=KRUGS4ZANFZSA5DIMUQGWZLZ&digits=6&algorithm=SHA1&issuer=public-siasn&period=30';
    expect(parseOtpauth(uri)).toEqual({
      issuer: 'public-siasn',
      account: '199001012015011001',
      secret: 'KRUGS4ZANFZSA5DIMUQGWZLZ',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    });
  });

  it('defaults to SHA1, 6 digits, 30 s and takes the issuer from the label prefix', () => {
    expect(parseOtpauth(`otpauth://totp/Example:alice@google.com?secret=${KEY}`)).toEqual({
      issuer: 'Example',
      account: 'alice@google.com',
      secret: KEY,
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    });
  });

  it('URL-decodes the label and trims around the colon', () => {
    const a = parseOtpauth(`otpauth://totp/ACME%20Co%3A%20john.doe%40email.com?secret=${KEY}`);
    expect([a.issuer, a.account]).toEqual(['ACME Co', 'john.doe@email.com']);
    const b = parseOtpauth(`otpauth://totp/Dinas%20Pendidikan:%20%20Bu%20Siti%20?secret=${KEY}`);
    expect([b.issuer, b.account]).toEqual(['Dinas Pendidikan', 'Bu Siti']);
  });

  it('keeps a + in the label but reads + in query values as a space (as Android does)', () => {
    const a = parseOtpauth(`otpauth://totp/a+b?secret=${KEY}&issuer=Big+Corp`);
    expect([a.issuer, a.account]).toEqual(['Big Corp', 'a+b']);
  });

  it('lets the issuer parameter win over the label prefix', () => {
    const a = parseOtpauth(`otpauth://totp/Old%20Name:user?secret=${KEY}&issuer=New%20Name`);
    expect([a.issuer, a.account]).toEqual(['New Name', 'user']);
  });

  it('has an empty issuer when neither label nor parameter names one', () => {
    const a = parseOtpauth(`otpauth://totp/user?secret=${KEY}`);
    expect([a.issuer, a.account]).toEqual(['', 'user']);
  });

  it('tolerates lower case, spaces (%20 or +) and padding in the secret', () => {
    for (const secret of ['jbswy3dpehpk3pxp', 'JBSW%20Y3DP%20EHPK%203PXP', 'jbsw+y3dp+ehpk+3pxp', 'JBSWY3DPEHPK3PXP====']) {
      expect(parseOtpauth(`otpauth://totp/a:b?secret=${secret}`).secret).toBe(KEY);
    }
    // An 11-byte key written without its six '=' of padding.
    expect(parseOtpauth('otpauth://totp/a:b?secret=gezdgnbvgy3tqojqge').secret).toBe('GEZDGNBVGY3TQOJQGE');
  });

  it('accepts upper-case scheme/type, parameter names in any case and algorithm spellings', () => {
    const a = parseOtpauth(`OTPAUTH://TOTP/a:b?SECRET=${KEY}&Algorithm=sha-256&DIGITS=8&Period=60#frag`);
    expect(a).toMatchObject({ secret: KEY, algorithm: 'SHA256', digits: 8, period: 60 });
    expect(parseOtpauth(`otpauth://totp/a:b?secret=${KEY}&algorithm=sha512`).algorithm).toBe('SHA512');
  });

  it('reports each kind of bad input with its own code', () => {
    const cases: [string, string][] = [
      ['', 'otp_err_not_uri'],
      ['hello world', 'otp_err_not_uri'],
      ['JBSWY3DPEHPK3PXP', 'otp_err_not_uri'],
      ['otpauth:totp/a?secret=JBSWY3DPEHPK3PXP', 'otp_err_not_uri'],
      ['otpauth://', 'otp_err_not_uri'],
      ['https://sso-siasn.bkn.go.id/auth', 'otp_err_wrong_scheme'],
      ['otpauth-migration://offline?data=AAAA', 'otp_err_wrong_scheme'],
      [`otpauth://hotp/a:b?secret=${KEY}&counter=0`, 'otp_err_hotp'],
      [`otpauth://steam/a:b?secret=${KEY}`, 'otp_err_type'],
      ['otpauth://totp/a:b?secret=JBSWY3DP0EHPK3PX', 'otp_err_base32'],
      ['otpauth://totp/a:b?secret=JBSWY3DPEHPK', 'otp_err_secret_short'],
      ['otpauth://totp/a:b?secret=JBSWY3DPEHPK3P', 'otp_err_base32'], // 14 characters: impossible length
      ['otpauth://totp/a:b', 'otp_err_missing_secret'],
      ['otpauth://totp/a:b?secret=', 'otp_err_missing_secret'],
      [`otpauth://totp/a:b?secret=${KEY}&algorithm=MD5`, 'otp_err_algorithm'],
      [`otpauth://totp/a:b?secret=${KEY}&digits=7`, 'otp_err_digits'],
      [`otpauth://totp/a:b?secret=${KEY}&digits=six`, 'otp_err_digits'],
      [`otpauth://totp/a:b?secret=${KEY}&period=10`, 'otp_err_period'],
      [`otpauth://totp/a:b?secret=${KEY}&period=121`, 'otp_err_period'],
      [`otpauth://totp/a:b?secret=${KEY}&period=30.5`, 'otp_err_period'],
      [`otpauth://totp/?secret=${KEY}`, 'otp_err_empty_label'],
      [`otpauth://totp?secret=${KEY}`, 'otp_err_empty_label'],
      [`otpauth://totp/Issuer:%20?secret=${KEY}&issuer=Issuer`, 'otp_err_empty_label'],
      [`otpauth://totp/a%ZZb?secret=${KEY}`, 'otp_err_not_uri'],
      [`otpauth://totp/a:b?secret=${'A'.repeat(208)}`, 'otp_err_secret_long'],
    ];
    for (const [uri, code] of cases) {
      expect({ uri, code: errorCode(() => parseOtpauth(uri)) }).toEqual({ uri, code });
    }
  });

  it('accepts the period limits 15 and 120', () => {
    expect(parseOtpauth(`otpauth://totp/a:b?secret=${KEY}&period=15`).period).toBe(15);
    expect(parseOtpauth(`otpauth://totp/a:b?secret=${KEY}&period=120`).period).toBe(120);
  });
});

describe('accountFromManual', () => {
  it('accepts the key as Keycloak shows it (grouped by four, lower case allowed)', () => {
    expect(
      accountFromManual({ issuer: ' public-siasn ', account: ' 199001012015011001 ', secret: 'krug s4za nfzs a5di muqg wzlz' }),
    ).toEqual({
      issuer: 'public-siasn',
      account: '199001012015011001',
      secret: 'KRUGS4ZANFZSA5DIMUQGWZLZ',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    });
  });

  it('takes form strings for the advanced settings', () => {
    expect(accountFromManual({ account: 'x', secret: KEY, algorithm: 'SHA512', digits: '8', period: '60' })).toMatchObject({
      issuer: '',
      algorithm: 'SHA512',
      digits: 8,
      period: 60,
    });
  });

  it('validates like a link', () => {
    expect(errorCode(() => accountFromManual({ account: ' ', secret: KEY }))).toBe('otp_err_account_required');
    expect(errorCode(() => accountFromManual({ account: 'x', secret: '  ' }))).toBe('otp_err_secret_required');
    expect(errorCode(() => accountFromManual({ account: 'x', secret: 'ABCD EFGH' }))).toBe('otp_err_secret_short');
    expect(errorCode(() => accountFromManual({ account: 'x', secret: 'JBSW Y3DP EHPK 3PX1' }))).toBe('otp_err_base32');
    expect(errorCode(() => accountFromManual({ account: 'x', secret: KEY, digits: 7 }))).toBe('otp_err_digits');
    expect(errorCode(() => accountFromManual({ account: 'x', secret: KEY, period: 5 }))).toBe('otp_err_period');
    expect(errorCode(() => accountFromManual({ account: 'x', secret: KEY, algorithm: 'MD5' }))).toBe('otp_err_algorithm');
  });
});

describe('buildOtpauth', () => {
  it('writes the Key URI format with every parameter', () => {
    const uri = buildOtpauth({
      issuer: 'ACME Co',
      account: 'john@example.com',
      secret: KEY,
      algorithm: 'SHA256',
      digits: 8,
      period: 60,
    });
    expect(uri).toBe(
      `otpauth://totp/ACME%20Co:john%40example.com?secret=${KEY}&issuer=ACME%20Co&algorithm=SHA256&digits=8&period=60`,
    );
  });

  it('keeps accounts with colons whole', () => {
    const a: ParsedAccount = { issuer: '', account: 'a:b', secret: KEY, algorithm: 'SHA1', digits: 6, period: 30 };
    expect(parseOtpauth(buildOtpauth(a))).toEqual(a);
    const b = { ...a, issuer: 'x:y', account: 'c:d' };
    expect(parseOtpauth(buildOtpauth(b))).toEqual(b);
  });
});

// ---------------------------------------------------------------- properties

const trimmedText = (minLength: number) =>
  fc
    .string({ unit: 'grapheme', minLength, maxLength: 20 })
    .filter((s) => s === s.trim() && s.length >= minLength);

const accountArb: fc.Arbitrary<ParsedAccount> = fc.record({
  issuer: fc.oneof(trimmedText(0), fc.constant('public-siasn'), fc.stringMatching(/^[A-Za-z0-9 :%+&=?#/.-]{0,12}$/).map((s) => s.trim())),
  account: fc.oneof(trimmedText(1), fc.stringMatching(/^[A-Za-z0-9@:%+&=?#/.-]{1,16}$/)),
  secret: fc.uint8Array({ minLength: 10, maxLength: 64 }).map((b) => base32Encode(b)),
  algorithm: fc.constantFrom('SHA1' as const, 'SHA256' as const, 'SHA512' as const),
  digits: fc.constantFrom(6 as const, 8 as const),
  period: fc.integer({ min: 15, max: 120 }),
});

function onlyOtpErrors(run: () => unknown): void {
  try {
    run();
  } catch (e) {
    if (!(e instanceof OtpError)) throw e;
  }
}

describe('otpauth properties', () => {
  it('buildOtpauth → parseOtpauth gives the same account back', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(accountArb, (account) => {
        expect(parseOtpauth(buildOtpauth(account))).toEqual(account);
      }),
      { numRuns: 10_000 },
    );
  });

  it('random text never crashes the parser with anything but an OtpError', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 120 }),
          fc.string({ unit: 'binary', maxLength: 120 }),
          fc.string({ maxLength: 80 }).map((s) => `otpauth://totp/${s}`),
          fc.string({ maxLength: 80 }).map((s) => `otpauth://totp/a:b?${s}`),
          fc.stringMatching(/^otpauth:\/\/[a-z]{0,5}\/[%:a-z0-9]{0,10}\?[a-z=&%0-9]{0,40}$/),
        ),
        (text) => onlyOtpErrors(() => parseOtpauth(text)),
      ),
      { numRuns: 10_000 },
    );
  });

  it('mutated valid links give an account or an OtpError, nothing else', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    const mutated = fc
      .tuple(accountArb, fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 4 }))
      .map(([account, edits]) => {
        let uri = buildOtpauth(account);
        for (const [at, kind, text] of edits) {
          const i = uri.length === 0 ? 0 : at % uri.length;
          if (kind === 0) uri = uri.slice(0, i) + uri.slice(i + 1); // delete
          else if (kind === 1) uri = uri.slice(0, i) + text + uri.slice(i); // insert
          else if (kind === 2) uri = uri.slice(0, i) + text + uri.slice(i + 1); // replace
          else uri = uri.slice(0, i); // truncate
        }
        return uri;
      });
    fc.assert(
      fc.property(mutated, (uri) =>
        onlyOtpErrors(() => {
          const a = parseOtpauth(uri);
          // Whatever parses is valid by construction.
          expect(a.account).not.toBe('');
          expect(a.secret).toMatch(/^[A-Z2-7]{16,}$/);
          expect([6, 8]).toContain(a.digits);
          expect(a.period).toBeGreaterThanOrEqual(15);
          expect(a.period).toBeLessThanOrEqual(120);
        }),
      ),
      { numRuns: 10_000 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedAccount } from '@/utils/totp/account';
import { base32Encode } from '@/utils/totp/base32';
import { OtpError } from '@/utils/totp/errors';
import { parseMigrationPayload, parseMigrationUri } from '@/utils/totp/migration';
import { PROPERTY_TIMEOUT_MS } from '../../helpers/property';

// ---------------------------------------------------------------- an independent protobuf writer

function varint(n: number | bigint): number[] {
  let v = BigInt(n);
  if (v < 0n) v += 1n << 64n; // negative int64: ten bytes, as protobuf writes it
  const out: number[] = [];
  do {
    const low = Number(v & 0x7fn);
    v >>= 7n;
    out.push(v > 0n ? low | 0x80 : low);
  } while (v > 0n);
  return out;
}
const tag = (field: number, wire: number): number[] => varint(field * 8 + wire);
const lenField = (field: number, bytes: number[] | Uint8Array): number[] => [...tag(field, 2), ...varint(bytes.length), ...bytes];
const varField = (field: number, value: number | bigint): number[] => [...tag(field, 0), ...varint(value)];
const str = (text: string): number[] => [...new TextEncoder().encode(text)];

interface Otp {
  secret?: number[] | Uint8Array;
  name?: string;
  issuer?: string;
  algorithm?: number;
  digits?: number;
  type?: number;
  counter?: number;
  extra?: number[];
}

function otpParameters(p: Otp): number[] {
  return [
    ...(p.secret ? lenField(1, p.secret) : []),
    ...(p.name !== undefined ? lenField(2, str(p.name)) : []),
    ...(p.issuer !== undefined ? lenField(3, str(p.issuer)) : []),
    ...(p.algorithm !== undefined ? varField(4, p.algorithm) : []),
    ...(p.digits !== undefined ? varField(5, p.digits) : []),
    ...(p.type !== undefined ? varField(6, p.type) : []),
    ...(p.counter !== undefined ? varField(7, p.counter) : []),
    ...(p.extra ?? []),
  ];
}

function payload(otps: Otp[], batch = { version: 1, size: 1, index: 0, id: 1234567 }): Uint8Array {
  return new Uint8Array([
    ...otps.flatMap((o) => lenField(1, otpParameters(o))),
    ...varField(2, batch.version),
    ...varField(3, batch.size),
    ...varField(4, batch.index),
    ...varField(5, batch.id),
  ]);
}

const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const uriOf = (bytes: Uint8Array): string => `otpauth-migration://offline?data=${encodeURIComponent(toBase64(bytes))}`;

// "Hello!" + DE AD BE EF = JBSWY3DPEHPK3PXP
const HELLO = [0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x21, 0xde, 0xad, 0xbe, 0xef];
const TWENTY = str('12345678901234567890');

function errorCode(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(OtpError);
    return (e as OtpError).code;
  }
  throw new Error('expected an OtpError');
}

describe('parseMigrationUri', () => {
  it('reads an export holding two accounts', () => {
    const bytes = payload([
      { secret: TWENTY, name: 'public-siasn:199001012015011001', issuer: 'public-siasn', algorithm: 1, digits: 1, type: 2 },
      { secret: HELLO, name: 'alice@google.com', issuer: 'Google', algorithm: 2, digits: 2, type: 2 },
    ]);
    const result = parseMigrationUri(uriOf(bytes));
    expect(result.accounts).toEqual<ParsedAccount[]>([
      {
        issuer: 'public-siasn',
        account: '199001012015011001',
        secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
      },
      { issuer: 'Google', account: 'alice@google.com', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA256', digits: 8, period: 30 },
    ]);
    expect(result.skipped).toEqual([]);
    expect(result.batch).toEqual({ index: 0, size: 1, id: 1234567 });
  });

  it('defaults unspecified algorithm, digits and type to SHA1, 6 digits, TOTP', () => {
    const result = parseMigrationPayload(payload([{ secret: HELLO, name: 'Example:bob' }]));
    expect(result.accounts).toEqual([
      { issuer: 'Example', account: 'bob', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30 },
    ]);
  });

  it('lets the issuer field win over the name prefix', () => {
    const result = parseMigrationPayload(payload([{ secret: HELLO, name: 'Old:carol', issuer: 'New', type: 2 }]));
    expect(result.accounts[0]).toMatchObject({ issuer: 'New', account: 'carol' });
  });

  it('skips HOTP, MD5, odd digit counts, short keys and nameless entries with their reasons', () => {
    const result = parseMigrationPayload(
      payload([
        { secret: HELLO, name: 'counter', issuer: 'Bank', type: 1, counter: 5 },
        { secret: HELLO, name: 'md5', algorithm: 4, type: 2 },
        { secret: HELLO, name: 'seven', digits: 3, type: 2 },
        { secret: HELLO.slice(0, 5), name: 'short', type: 2 },
        { secret: HELLO, name: ' ', issuer: 'X', type: 2 },
        { name: 'nokey', type: 2 },
        { secret: HELLO, name: 'weird', type: 9 },
        { secret: HELLO, name: 'ok', type: 2 },
      ]),
    );
    expect(result.accounts.map((a) => a.account)).toEqual(['ok']);
    expect(result.skipped).toEqual([
      { name: 'Bank: counter', code: 'otp_err_hotp' },
      { name: 'md5', code: 'otp_err_algorithm' },
      { name: 'seven', code: 'otp_err_digits' },
      { name: 'short', code: 'otp_err_secret_short' },
      { name: 'X: ', code: 'otp_err_empty_label' },
      { name: 'nokey', code: 'otp_err_missing_secret' },
      { name: 'weird', code: 'otp_err_type' },
    ]);
  });

  it('skips unknown fields of every wire type', () => {
    const unknown = [
      ...varField(15, 300),
      ...tag(16, 1), ...[1, 2, 3, 4, 5, 6, 7, 8],
      ...lenField(17, [9, 9, 9]),
      ...tag(18, 5), ...[1, 2, 3, 4],
      ...varField(2000, 1n << 62n),
    ];
    const bytes = new Uint8Array([...payload([{ secret: HELLO, name: 'dave', type: 2, extra: unknown }]), ...unknown]);
    expect(parseMigrationPayload(bytes).accounts.map((a) => a.account)).toEqual(['dave']);
  });

  it('reports the batch of a multi-QR export', () => {
    const bytes = payload([{ secret: HELLO, name: 'a', type: 2 }], { version: 1, size: 3, index: 2, id: -5 >>> 0 });
    expect(parseMigrationPayload(bytes).batch).toEqual({ index: 2, size: 3, id: -5 >>> 0 });
  });

  it('accepts base64 with raw + / =, URL-safe letters, or no padding', () => {
    // A key of 0xFB 0xEF 0xBE / 0xFF bytes puts '+' and '/' in the base64 once aligned (shifted by
    // `lead` zero bytes); the name length makes the total need padding.
    const pattern = [0xfb, 0xef, 0xbe, 0xff, 0xff, 0xff, 0xfb, 0xef, 0xbe, 0xff, 0xff, 0xff];
    const candidates = [0, 1, 2].flatMap((lead) =>
      [1, 2, 3].map((len) => payload([{ secret: [...Array(lead).fill(0), ...pattern], name: 'x'.repeat(len), type: 2 }])),
    );
    const bytes = candidates.find((b) => {
      const text = toBase64(b);
      return text.includes('+') && text.includes('/') && text.endsWith('=');
    });
    if (!bytes) throw new Error('no candidate payload has + / and padding');
    const b64 = toBase64(bytes);
    const expected = parseMigrationPayload(bytes);
    for (const data of [
      encodeURIComponent(b64),
      b64,
      b64.replace(/=+$/, ''),
      b64.replace(/\+/g, '-').replace(/\//g, '_'),
      b64.replace(/\+/g, '%20'),
    ]) {
      expect(parseMigrationUri(`otpauth-migration://offline?data=${data}`)).toEqual(expected);
    }
  });

  it('reports broken exports as otp_err_migration', () => {
    const good = payload([{ secret: HELLO, name: 'x', type: 2 }]);
    const cases: string[] = [
      'otpauth-migration://offline',
      'otpauth-migration://offline?data=',
      'otpauth-migration://offline?other=1',
      'otpauth-migration://offline?data=%E0%A4%A',
      'otpauth-migration://offline?data=not*base64',
      'otpauth-migration://offline?data=A',
      uriOf(good.slice(0, good.length - 3)), // truncated
      uriOf(new Uint8Array([...tag(1, 2), ...varint(1000), 1, 2])), // length beyond the end
      uriOf(new Uint8Array([0x0a, 0x02, ...tag(1, 0), 0x80])), // truncated varint inside
      uriOf(new Uint8Array([...tag(1, 3)])), // group start
      uriOf(new Uint8Array([...tag(1, 0), 1])), // otp_parameters as a varint
      uriOf(new Uint8Array([...varField(2, 1)])), // no accounts
      uriOf(new Uint8Array([0x08, ...Array(11).fill(0xff), 0x01])), // varint of 12 bytes
      uriOf(new Uint8Array([0x00, 0x00])), // field number 0
    ];
    for (const uri of cases) expect({ uri, code: errorCode(() => parseMigrationUri(uri)) }).toEqual({ uri, code: 'otp_err_migration' });
  });

  it('reports another scheme as otp_err_wrong_scheme', () => {
    expect(errorCode(() => parseMigrationUri('otpauth://totp/a:b?secret=JBSWY3DPEHPK3PXP'))).toBe('otp_err_wrong_scheme');
  });
});

// ---------------------------------------------------------------- properties

const otpArb = fc.record({
  secret: fc.uint8Array({ minLength: 10, maxLength: 64 }),
  issuer: fc.string({ maxLength: 12 }).filter((s) => s === s.trim() && !s.includes(':')),
  account: fc.string({ minLength: 1, maxLength: 16 }).filter((s) => s === s.trim() && s !== '' && !s.includes(':')),
  prefixed: fc.boolean(),
  algorithm: fc.constantFrom(0, 1, 2, 3),
  digits: fc.constantFrom(0, 1, 2),
  type: fc.constantFrom(0, 2),
});

function onlyOtpErrors(run: () => unknown): void {
  try {
    run();
  } catch (e) {
    if (!(e instanceof OtpError)) throw e;
  }
}

describe('migration properties', () => {
  it('generated exports parse to the accounts they hold', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(fc.array(otpArb, { minLength: 1, maxLength: 5 }), (otps) => {
        const bytes = payload(
          otps.map((o) => ({
            secret: o.secret,
            name: o.prefixed && o.issuer !== '' ? `${o.issuer}:${o.account}` : o.account,
            issuer: o.issuer,
            algorithm: o.algorithm,
            digits: o.digits,
            type: o.type,
          })),
        );
        const result = parseMigrationUri(uriOf(bytes));
        expect(result.skipped).toEqual([]);
        expect(result.accounts).toEqual(
          otps.map((o) => ({
            issuer: o.issuer,
            account: o.account,
            secret: base32Encode(o.secret),
            algorithm: (['SHA1', 'SHA1', 'SHA256', 'SHA512'] as const)[o.algorithm],
            digits: ([6, 6, 8] as const)[o.digits],
            period: 30,
          })),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('random bytes never crash the payload parser with anything but an OtpError', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => onlyOtpErrors(() => parseMigrationPayload(bytes))),
      { numRuns: 10_000 },
    );
  });

  it('random text never crashes the link parser with anything but an OtpError', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 120 }),
          fc.string({ unit: 'binary', maxLength: 120 }).map((s) => `otpauth-migration://offline?data=${s}`),
          fc.stringMatching(/^[A-Za-z0-9+/=%_-]{0,120}$/).map((s) => `otpauth-migration://offline?data=${s}`),
          fc.uint8Array({ maxLength: 150 }).map((b) => uriOf(b)),
        ),
        (text) => onlyOtpErrors(() => parseMigrationUri(text)),
      ),
      { numRuns: 10_000 },
    );
  });

  it('mutated valid payloads give accounts or an OtpError, nothing else', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    const mutated = fc
      .tuple(
        fc.array(otpArb, { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
      )
      .map(([otps, edits]) => {
        const bytes = [
          ...payload(otps.map((o) => ({ secret: o.secret, name: o.account, issuer: o.issuer, algorithm: o.algorithm, type: o.type }))),
        ];
        for (const [at, kind, value] of edits) {
          const i = at % Math.max(1, bytes.length);
          if (kind === 0) bytes.splice(i, 1);
          else if (kind === 1) bytes.splice(i, 0, value);
          else if (kind === 2) bytes[i] = value;
          else bytes.length = i;
        }
        return new Uint8Array(bytes);
      });
    fc.assert(
      fc.property(mutated, (bytes) =>
        onlyOtpErrors(() => {
          const { accounts, skipped } = parseMigrationPayload(bytes);
          for (const a of accounts) {
            expect(a.account).not.toBe('');
            expect(a.secret).toMatch(/^[A-Z2-7]{16,}$/);
          }
          for (const s of skipped) expect(s.code).toMatch(/^otp_err_/);
        }),
      ),
      { numRuns: 10_000 },
    );
  });
});

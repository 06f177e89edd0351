import { describe, expect, it } from 'vitest';
import { OtpError } from '@/utils/totp/errors';
import { importFromText } from '@/utils/totp/import';

function errorCode(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(OtpError);
    return (e as OtpError).code;
  }
  throw new Error('expected an OtpError');
}

// OtpParameters { secret=HELLO (10 bytes), name="a", type=TOTP } and { …, name="h", type=HOTP },
// written out by hand: 0a len | 0a 0a <10 bytes> | 12 01 'a' | 30 02
const HELLO = [0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x21, 0xde, 0xad, 0xbe, 0xef];
const totp = [0x0a, 0x11, 0x0a, 0x0a, ...HELLO, 0x12, 0x01, 0x61, 0x30, 0x02];
const hotp = [0x0a, 0x11, 0x0a, 0x0a, ...HELLO, 0x12, 0x01, 0x68, 0x30, 0x01];
const link = (bytes: number[]): string =>
  `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(bytes).toString('base64'))}`;

describe('importFromText', () => {
  it('reads a single otpauth link', () => {
    const result = importFromText('  otpauth://totp/public-siasn:budi?secret=JBSWY3DPEHPK3PXP&issuer=public-siasn \n');
    expect(result.accounts).toEqual([
      { issuer: 'public-siasn', account: 'budi', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30 },
    ]);
    expect(result.skipped).toEqual([]);
    expect(result.batch).toBeUndefined();
  });

  it('reads a Google Authenticator export and reports what it skipped', () => {
    const result = importFromText(link([...totp, ...hotp]));
    expect(result.accounts.map((a) => [a.account, a.secret])).toEqual([['a', 'JBSWY3DPEHPK3PXP']]);
    expect(result.skipped).toEqual([{ name: 'h', code: 'otp_err_hotp' }]);
    expect(result.batch).toEqual({ index: 0, size: 1, id: 0 });
  });

  it('fails with the reason when an export holds nothing usable', () => {
    expect(errorCode(() => importFromText(link(hotp)))).toBe('otp_err_hotp');
  });

  it('rejects empty and unrelated text', () => {
    expect(errorCode(() => importFromText('   '))).toBe('otp_err_not_uri');
    expect(errorCode(() => importFromText('123456'))).toBe('otp_err_not_uri');
    expect(errorCode(() => importFromText('https://kinerja.bkn.go.id/'))).toBe('otp_err_wrong_scheme');
  });
});

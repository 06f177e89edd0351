/**
 * One entry point for text that should add accounts: a pasted link or the content of a QR code
 * (scanned from the tab or an image), whether a single otpauth:// link or a Google
 * Authenticator export.
 */
import type { ParsedAccount } from './account';
import { OtpError } from './errors';
import { parseMigrationUri, type MigrationBatch, type SkippedAccount } from './migration';
import { parseOtpauth, splitScheme } from './otpauth';

export interface ImportResult {
  accounts: ParsedAccount[];
  skipped: SkippedAccount[];
  /** Only for Google Authenticator exports. */
  batch?: MigrationBatch;
}

/** Text → accounts to add; OtpError when nothing in it can be used. */
export function importFromText(text: string): ImportResult {
  const trimmed = text.trim();
  if (trimmed === '') throw new OtpError('otp_err_not_uri', 'empty');
  const { scheme } = splitScheme(trimmed);
  if (scheme === 'otpauth-migration') {
    const result = parseMigrationUri(trimmed);
    if (result.accounts.length === 0) {
      // Nothing usable: report the first reason, as a single link would.
      throw new OtpError(result.skipped[0]?.code ?? 'otp_err_migration', 'no usable account');
    }
    return result;
  }
  return { accounts: [parseOtpauth(trimmed)], skipped: [] };
}

/**
 * The one error type of the authenticator's parsers. `code` is an i18n message key (its texts
 * are in public/_locales/{id,en}/messages.json); `detail` is for logs and tests only, never shown as UI text.
 */
export const OTP_ERROR_CODES = [
  'otp_err_not_uri',
  'otp_err_wrong_scheme',
  'otp_err_hotp',
  'otp_err_type',
  'otp_err_base32',
  'otp_err_secret_short',
  'otp_err_secret_long',
  'otp_err_missing_secret',
  'otp_err_secret_required',
  'otp_err_algorithm',
  'otp_err_digits',
  'otp_err_period',
  'otp_err_empty_label',
  'otp_err_account_required',
  'otp_err_migration',
  'otp_err_no_qr',
] as const;

export type OtpErrorCode = (typeof OTP_ERROR_CODES)[number];

export class OtpError extends Error {
  override readonly name = 'OtpError';

  constructor(
    readonly code: OtpErrorCode,
    readonly detail?: string,
  ) {
    super(detail === undefined ? code : `${code}: ${detail}`);
  }
}

export function isOtpError(e: unknown): e is OtpError {
  return e instanceof OtpError;
}

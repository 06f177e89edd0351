/**
 * TOTP codes (RFC 6238) with otplib.
 *
 * otplib 13 refuses secrets shorter than 16 bytes by default (SecretTooShortError, its
 * "guardrails"), but real accounts have 10-byte keys (16 base32 characters; Google Authenticator
 * exports, many sites). otplib's own `createGuardrails` lowers that limit; the app's limits are
 * checked when an account is added (utils/totp/account.ts), so here any non-empty key works.
 * The secret is decoded by our tolerant base32 and handed to otplib as bytes.
 *
 * Synchronous: otplib's default crypto plugin (noble-hashes) is pure JavaScript, so the popup can
 * render codes in the same frame as the accounts (no flicker, no node:crypto).
 */
import { createGuardrails, generateSync } from 'otplib';
import type { Algorithm, Digits } from './account';
import { base32Decode } from './base32';
import { OtpError } from './errors';

export interface TotpParams {
  /** Base32 secret. */
  secret: string;
  algorithm: Algorithm;
  digits: Digits;
  /** Seconds per code. */
  period: number;
}

const GUARDRAILS = createGuardrails({ MIN_SECRET_BYTES: 1, MAX_SECRET_BYTES: 1024 });

const OTPLIB_ALGORITHM = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' } as const;

/** The code shown at `nowMs` (Unix milliseconds, already corrected for clock offset). */
export function totpCode(account: TotpParams, nowMs: number): string {
  const bytes = base32Decode(account.secret);
  if (bytes.length === 0) throw new OtpError('otp_err_secret_short', '0 bytes');
  if (account.digits !== 6 && account.digits !== 8) throw new OtpError('otp_err_digits', String(account.digits));
  if (!Number.isInteger(account.period) || account.period < 1) {
    throw new OtpError('otp_err_period', String(account.period));
  }
  const algorithm = OTPLIB_ALGORITHM[account.algorithm];
  if (!algorithm) throw new OtpError('otp_err_algorithm', String(account.algorithm));
  if (!Number.isFinite(nowMs) || nowMs < 0) throw new RangeError(`invalid time ${nowMs}`);
  return generateSync({
    secret: bytes,
    algorithm,
    digits: account.digits,
    period: account.period,
    epoch: Math.floor(nowMs / 1000),
    guardrails: GUARDRAILS,
  });
}

/** Milliseconds until the code at `nowMs` changes: period·1000 … 1. */
export function msRemaining(period: number, nowMs: number): number {
  const step = period * 1000;
  return step - (((Math.floor(nowMs) % step) + step) % step);
}

/** Whole seconds until the code changes, as a countdown shows it: period … 1. */
export function secondsRemaining(period: number, nowMs: number): number {
  return Math.ceil(msRemaining(period, nowMs) / 1000);
}

/** "123456" → "123 456", "12345678" → "1234 5678" (display only; copy the plain code). */
export function groupCode(code: string): string {
  const half = Math.ceil(code.length / 2);
  return code.length < 6 ? code : `${code.slice(0, half)} ${code.slice(half)}`;
}

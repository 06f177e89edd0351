/**
 * An MFA account as the parsers produce it, and the validation every way of adding one shares
 * (otpauth:// link, typed key, QR code, Google Authenticator export).
 */
import type { AccountRecord } from '../db/schema';
import { base32Decode, base32Encode, cleanBase32 } from './base32';
import { OtpError } from './errors';

export type Algorithm = AccountRecord['algorithm'];
export type Digits = AccountRecord['digits'];

export interface ParsedAccount {
  issuer: string;
  account: string;
  /** Normalised base32: upper case, no separators, no padding. */
  secret: string;
  algorithm: Algorithm;
  digits: Digits;
  period: number;
}

export const ALGORITHMS: readonly Algorithm[] = ['SHA1', 'SHA256', 'SHA512'];
export const DEFAULT_ALGORITHM: Algorithm = 'SHA1';
export const DEFAULT_DIGITS: Digits = 6;
export const DEFAULT_PERIOD = 30;
export const MIN_PERIOD = 15;
export const MAX_PERIOD = 120;
/**
 * 10 bytes = 16 base32 characters, the shortest key Google Authenticator accepts when typed and
 * the shortest in common use; anything shorter is almost surely a partly copied key.
 */
export const MIN_SECRET_BYTES = 10;
/** Far above any real key (SHA-512 keys are 64 bytes); guards against pasting the wrong thing. */
export const MAX_SECRET_BYTES = 128;

/** Secret bytes → stored form, after the length checks. */
export function secretFromBytes(bytes: Uint8Array): string {
  if (bytes.length < MIN_SECRET_BYTES) throw new OtpError('otp_err_secret_short', `${bytes.length} bytes`);
  if (bytes.length > MAX_SECRET_BYTES) throw new OtpError('otp_err_secret_long', `${bytes.length} bytes`);
  return base32Encode(bytes);
}

/**
 * A base32 secret as typed or found in a link → stored form. `missing` is the error when there
 * is no key at all (a link without `secret=` vs. an empty form field).
 */
export function normalizeSecret(
  input: string | undefined,
  missing: 'otp_err_missing_secret' | 'otp_err_secret_required',
): string {
  if (input === undefined || input.replace(/[\s=-]+/g, '') === '') throw new OtpError(missing);
  secretFromBytes(base32Decode(input)); // the checks: base32, key length
  return cleanBase32(input);
}

/** 'SHA1', 'sha-256', 'Sha_512' … → Algorithm; empty/undefined → SHA1. */
export function parseAlgorithm(value: string | undefined): Algorithm {
  if (value === undefined || value.trim() === '') return DEFAULT_ALGORITHM;
  const key = value.trim().toUpperCase().replace(/[-_]/g, '');
  const found = ALGORITHMS.find((a) => a === key);
  if (!found) throw new OtpError('otp_err_algorithm', value);
  return found;
}

function toInteger(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  const text = value.trim();
  return /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

/** '6' | 8 … → Digits; empty/undefined → 6. */
export function parseDigits(value: string | number | undefined): Digits {
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) return DEFAULT_DIGITS;
  const n = toInteger(value);
  if (n === 6 || n === 8) return n;
  throw new OtpError('otp_err_digits', String(value));
}

/** Seconds per code, MIN_PERIOD…MAX_PERIOD; empty/undefined → 30. */
export function parsePeriod(value: string | number | undefined): number {
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) return DEFAULT_PERIOD;
  const n = toInteger(value);
  if (n === undefined || n < MIN_PERIOD || n > MAX_PERIOD) throw new OtpError('otp_err_period', String(value));
  return n;
}

/**
 * A label `issuer:account` (already URL-decoded) → its parts, trimmed. The issuer prefix ends at
 * the first ':' (an issuer cannot contain one); without a colon the whole label is the account.
 */
export function splitLabel(label: string): { prefix: string; account: string } {
  const colon = label.indexOf(':');
  if (colon < 0) return { prefix: '', account: label.trim() };
  return { prefix: label.slice(0, colon).trim(), account: label.slice(colon + 1).trim() };
}

/**
 * otpauth:// links (the Key URI Format of Google Authenticator, which Keycloak's QR code holds):
 *   otpauth://totp/ISSUER:ACCOUNT?secret=BASE32&issuer=ISSUER&algorithm=SHA1&digits=6&period=30
 * and the same validation for a key typed by hand.
 */
import {
  normalizeSecret,
  parseAlgorithm,
  parseDigits,
  parsePeriod,
  splitLabel,
  type ParsedAccount,
} from './account';
import { cleanBase32 } from './base32';
import { OtpError } from './errors';

export type { ParsedAccount } from './account';

function decode(text: string, plusIsSpace: boolean): string {
  try {
    return decodeURIComponent(plusIsSpace ? text.replace(/\+/g, ' ') : text);
  } catch {
    throw new OtpError('otp_err_not_uri', 'malformed percent-encoding');
  }
}

/**
 * The query of a link → lower-cased names → values. Values are decoded the way Android's
 * Uri.getQueryParameter (Google Authenticator) does: '+' is a space. The first of a repeated
 * name wins.
 */
export function parseQuery(query: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decode(eq < 0 ? part : part.slice(0, eq), true).trim().toLowerCase();
    const value = eq < 0 ? '' : decode(part.slice(eq + 1), true);
    if (!params.has(name)) params.set(name, value);
  }
  return params;
}

/** Splits `scheme://rest` (scheme lower-cased); OtpError 'otp_err_not_uri' when it is not a link. */
export function splitScheme(text: string): { scheme: string; rest: string } {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text);
  if (!match?.[1]) throw new OtpError('otp_err_not_uri', 'no scheme');
  return { scheme: match[1].toLowerCase(), rest: text.slice(match[0].length) };
}

/** Parses an `otpauth://totp/...` link; every problem is an OtpError. */
export function parseOtpauth(uri: string): ParsedAccount {
  const { scheme, rest: afterScheme } = splitScheme(uri.trim());
  if (scheme !== 'otpauth') throw new OtpError('otp_err_wrong_scheme', scheme);
  if (!afterScheme.startsWith('//')) throw new OtpError('otp_err_not_uri', 'no //');
  let rest = afterScheme.slice(2);
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const q = rest.indexOf('?');
  const path = q < 0 ? rest : rest.slice(0, q);
  const query = q < 0 ? '' : rest.slice(q + 1);

  const slash = path.indexOf('/');
  const type = (slash < 0 ? path : path.slice(0, slash)).toLowerCase();
  if (type === '') throw new OtpError('otp_err_not_uri', 'no type');
  if (type === 'hotp') throw new OtpError('otp_err_hotp');
  if (type !== 'totp') throw new OtpError('otp_err_type', type);

  const label = decode(slash < 0 ? '' : path.slice(slash + 1), false);
  const params = parseQuery(query);
  const { prefix, account } = splitLabel(label);
  if (account === '') throw new OtpError('otp_err_empty_label');
  const issuerParam = params.get('issuer')?.trim() ?? '';

  return {
    issuer: issuerParam !== '' ? issuerParam : prefix,
    account,
    secret: normalizeSecret(params.get('secret'), 'otp_err_missing_secret'),
    algorithm: parseAlgorithm(params.get('algorithm')),
    digits: parseDigits(params.get('digits')),
    period: parsePeriod(params.get('period')),
  };
}

/** What the "tidak bisa memindai?" form gives: strings from inputs, the key possibly grouped. */
export interface ManualEntry {
  issuer?: string;
  account: string;
  secret: string;
  algorithm?: string;
  digits?: string | number;
  period?: string | number;
}

/** Validates a typed-in account the same way as a link; every problem is an OtpError. */
export function accountFromManual(entry: ManualEntry): ParsedAccount {
  const account = entry.account.trim();
  if (account === '') throw new OtpError('otp_err_account_required');
  return {
    issuer: (entry.issuer ?? '').trim(),
    account,
    secret: normalizeSecret(entry.secret, 'otp_err_secret_required'),
    algorithm: parseAlgorithm(entry.algorithm),
    digits: parseDigits(entry.digits),
    period: parsePeriod(entry.period),
  };
}

function encode(text: string): string {
  // encodeURIComponent throws on a lone surrogate; replace it (U+FFFD) instead.
  return encodeURIComponent(text.toWellFormed());
}

/**
 * The otpauth:// link of an account (export, QR code for another device). parseOtpauth gives the
 * same account back. The label carries the issuer prefix only when the issuer has no ':'; an
 * account containing ':' without such a prefix gets an empty one (`:a:b`) so it stays whole.
 */
export function buildOtpauth(account: ParsedAccount): string {
  const issuer = account.issuer.trim();
  const name = account.account.trim();
  const prefix = issuer !== '' && !issuer.includes(':') ? `${encode(issuer)}:` : name.includes(':') ? ':' : '';
  const params = [`secret=${cleanBase32(account.secret)}`];
  if (issuer !== '') params.push(`issuer=${encode(issuer)}`);
  params.push(`algorithm=${account.algorithm}`, `digits=${account.digits}`, `period=${account.period}`);
  return `otpauth://totp/${prefix}${encode(name)}?${params.join('&')}`;
}

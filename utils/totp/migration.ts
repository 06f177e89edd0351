/**
 * Google Authenticator exports: `otpauth-migration://offline?data=<base64>`, where the base64 is
 * a protobuf MigrationPayload:
 *
 *   message MigrationPayload {
 *     repeated OtpParameters otp_parameters = 1;
 *     int32 version = 2; int32 batch_size = 3; int32 batch_index = 4; int32 batch_id = 5;
 *   }
 *   message OtpParameters {
 *     bytes secret = 1; string name = 2; string issuer = 3;
 *     Algorithm algorithm = 4;   // 0 unspecified, 1 SHA1, 2 SHA256, 3 SHA512, 4 MD5
 *     DigitCount digits = 5;     // 0 unspecified, 1 six, 2 eight
 *     OtpType type = 6;          // 0 unspecified, 1 HOTP, 2 TOTP
 *     int64 counter = 7;
 *   }
 *
 * A small hand-written protobuf reader (no library: the popup must stay small). A payload that
 * is not well-formed is an OtpError 'otp_err_migration'; one account that cannot be used (HOTP,
 * MD5, a short key…) is skipped with its reason, the others are imported.
 */
import {
  DEFAULT_PERIOD,
  secretFromBytes,
  splitLabel,
  type Algorithm,
  type Digits,
  type ParsedAccount,
} from './account';
import { OtpError, type OtpErrorCode } from './errors';
import { parseQuery, splitScheme } from './otpauth';

export interface SkippedAccount {
  /** The name as shown in Google Authenticator ("issuer: account" or the raw name). */
  name: string;
  code: OtpErrorCode;
}

export interface MigrationBatch {
  /** 0-based index of this QR code among `size` (an export of many accounts spans several). */
  index: number;
  size: number;
  id: number;
}

export interface MigrationResult {
  accounts: ParsedAccount[];
  skipped: SkippedAccount[];
  batch: MigrationBatch;
}

const corrupt = (detail: string): OtpError => new OtpError('otp_err_migration', detail);

// ---------------------------------------------------------------- base64 (tolerant)

const B64_VALUES: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  table['+'.charCodeAt(0)] = 62;
  table['-'.charCodeAt(0)] = 62;
  table['/'.charCodeAt(0)] = 63;
  table['_'.charCodeAt(0)] = 63;
  // A '+' turned into a space by form-style decoding somewhere along the way.
  table[' '.charCodeAt(0)] = 62;
  return table;
})();

/**
 * Base64 → bytes, accepting the standard and URL-safe alphabets, missing padding, line breaks,
 * and spaces that used to be '+'. OtpError 'otp_err_migration' otherwise.
 */
export function base64ToBytesTolerant(input: string): Uint8Array {
  const text = input.replace(/[\r\n\t]+/g, '').replace(/=+$/, '');
  if (text.length % 4 === 1) throw corrupt('base64 length');
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? (B64_VALUES[code] ?? -1) : -1;
    if (value < 0) throw corrupt(`base64 character at ${i}`);
    buffer = ((buffer << 6) | value) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

// ---------------------------------------------------------------- protobuf reader

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LEN = 2;
const WIRE_FIXED32 = 5;

interface Field {
  number: number;
  wire: number;
  /** For varints: the value (exact up to 2^53, which is all this format needs). */
  value: number;
  /** For length-delimited fields: the bytes (a view, not a copy). */
  bytes: Uint8Array;
}

class ProtoReader {
  private pos = 0;

  constructor(private readonly buf: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  private varint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.buf.length) throw corrupt('truncated varint');
      const byte = this.buf[this.pos++] ?? 0;
      result += (byte & 0x7f) * scale;
      if ((byte & 0x80) === 0) return result;
      scale *= 128;
    }
    throw corrupt('varint too long');
  }

  private take(length: number): Uint8Array {
    if (length > this.buf.length - this.pos) throw corrupt('truncated field');
    const view = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return view;
  }

  next(): Field {
    const tag = this.varint();
    const number = Math.floor(tag / 8);
    const wire = tag % 8;
    if (number < 1 || number > 0x1fffffff) throw corrupt(`field number ${number}`);
    switch (wire) {
      case WIRE_VARINT:
        return { number, wire, value: this.varint(), bytes: new Uint8Array(0) };
      case WIRE_FIXED64:
        return { number, wire, value: 0, bytes: this.take(8) };
      case WIRE_LEN:
        return { number, wire, value: 0, bytes: this.take(this.varint()) };
      case WIRE_FIXED32:
        return { number, wire, value: 0, bytes: this.take(4) };
      default:
        // 3/4 are the long-deprecated groups (never in this format), 6/7 do not exist.
        throw corrupt(`wire type ${wire}`);
    }
  }
}

function expectWire(field: Field, wire: number): Field {
  if (field.wire !== wire) throw corrupt(`field ${field.number} has wire type ${field.wire}`);
  return field;
}

const utf8 = new TextDecoder('utf-8');

interface RawOtp {
  secret: Uint8Array;
  name: string;
  issuer: string;
  algorithm: number;
  digits: number;
  type: number;
}

function readOtpParameters(bytes: Uint8Array): RawOtp {
  const raw: RawOtp = { secret: new Uint8Array(0), name: '', issuer: '', algorithm: 0, digits: 0, type: 0 };
  const reader = new ProtoReader(bytes);
  while (!reader.done) {
    const field = reader.next();
    switch (field.number) {
      case 1:
        raw.secret = expectWire(field, WIRE_LEN).bytes;
        break;
      case 2:
        raw.name = utf8.decode(expectWire(field, WIRE_LEN).bytes);
        break;
      case 3:
        raw.issuer = utf8.decode(expectWire(field, WIRE_LEN).bytes);
        break;
      case 4:
        raw.algorithm = expectWire(field, WIRE_VARINT).value;
        break;
      case 5:
        raw.digits = expectWire(field, WIRE_VARINT).value;
        break;
      case 6:
        raw.type = expectWire(field, WIRE_VARINT).value;
        break;
      case 7:
        expectWire(field, WIRE_VARINT); // counter: HOTP only
        break;
      default:
        break; // unknown field: skipped (already bounds-checked)
    }
  }
  return raw;
}

const ALGORITHM_BY_ENUM: Record<number, Algorithm> = { 0: 'SHA1', 1: 'SHA1', 2: 'SHA256', 3: 'SHA512' };
const DIGITS_BY_ENUM: Record<number, Digits> = { 0: 6, 1: 6, 2: 8 };

function toAccount(raw: RawOtp): ParsedAccount {
  if (raw.type === 1) throw new OtpError('otp_err_hotp');
  if (raw.type !== 0 && raw.type !== 2) throw new OtpError('otp_err_type', String(raw.type));
  const algorithm = ALGORITHM_BY_ENUM[raw.algorithm];
  if (!algorithm) throw new OtpError('otp_err_algorithm', raw.algorithm === 4 ? 'MD5' : String(raw.algorithm));
  const digits = DIGITS_BY_ENUM[raw.digits];
  if (!digits) throw new OtpError('otp_err_digits', String(raw.digits));
  const { prefix, account } = splitLabel(raw.name);
  if (account === '') throw new OtpError('otp_err_empty_label');
  if (raw.secret.length === 0) throw new OtpError('otp_err_missing_secret');
  const issuer = raw.issuer.trim();
  return {
    issuer: issuer !== '' ? issuer : prefix,
    account,
    secret: secretFromBytes(raw.secret),
    algorithm,
    digits,
    period: DEFAULT_PERIOD,
  };
}

function displayName(raw: RawOtp): string {
  const issuer = raw.issuer.trim();
  const name = raw.name.trim();
  return issuer !== '' && !name.startsWith(`${issuer}:`) ? `${issuer}: ${name}` : name;
}

/** Parses the protobuf bytes of a MigrationPayload. */
export function parseMigrationPayload(bytes: Uint8Array): MigrationResult {
  const reader = new ProtoReader(bytes);
  const raws: RawOtp[] = [];
  const batch: MigrationBatch = { index: 0, size: 1, id: 0 };
  while (!reader.done) {
    const field = reader.next();
    switch (field.number) {
      case 1:
        raws.push(readOtpParameters(expectWire(field, WIRE_LEN).bytes));
        break;
      case 3:
        batch.size = expectWire(field, WIRE_VARINT).value;
        break;
      case 4:
        batch.index = expectWire(field, WIRE_VARINT).value;
        break;
      case 5:
        batch.id = expectWire(field, WIRE_VARINT).value;
        break;
      default:
        break; // version (2) and unknown fields
    }
  }
  if (raws.length === 0) throw corrupt('no accounts');
  const accounts: ParsedAccount[] = [];
  const skipped: SkippedAccount[] = [];
  for (const raw of raws) {
    try {
      accounts.push(toAccount(raw));
    } catch (e) {
      if (!(e instanceof OtpError)) throw e;
      skipped.push({ name: displayName(raw), code: e.code });
    }
  }
  return { accounts, skipped, batch };
}

/** Parses an `otpauth-migration://offline?data=...` link (as a QR code or pasted text holds it). */
export function parseMigrationUri(uri: string): MigrationResult {
  const { scheme, rest } = splitScheme(uri.trim());
  if (scheme !== 'otpauth-migration') throw new OtpError('otp_err_wrong_scheme', scheme);
  const q = rest.indexOf('?');
  if (q < 0) throw corrupt('no query');
  const hash = rest.indexOf('#', q);
  // Decoded without '+' → ' ' (parseQuery does that; base64 '+' may be left unescaped).
  const query = rest.slice(q + 1, hash < 0 ? undefined : hash).replace(/\+/g, '%2B');
  let data: string | undefined;
  try {
    data = parseQuery(query).get('data');
  } catch (e) {
    if (e instanceof OtpError) throw corrupt('malformed percent-encoding');
    throw e;
  }
  if (data === undefined || data.trim() === '') throw corrupt('no data');
  return parseMigrationPayload(base64ToBytesTolerant(data.trim()));
}

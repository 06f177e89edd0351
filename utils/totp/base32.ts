/**
 * Base32 (RFC 4648 §6, alphabet A–Z 2–7) as authenticator secrets use it.
 *
 * Decoding is tolerant of what people and sites actually produce: lower case, spaces and line
 * breaks (Keycloak shows the key grouped by 4), hyphens, and missing or extra '=' padding at the
 * end. Anything else — a character outside the alphabet, '=' in the middle, or a length no
 * encoder can produce — is an OtpError 'otp_err_base32'.
 */
import { OtpError } from './errors';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Character code → 5-bit value, -1 when not in the alphabet (upper case only). */
const VALUES: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/** Lengths (mod 8) that a base32 encoder never produces without padding. */
const IMPOSSIBLE_REMAINDERS = new Set([1, 3, 6]);

/** Removes the separators people type or copy (whitespace, hyphens) and upper-cases. */
function clean(input: string): string {
  const stripped = input.replace(/[\s\u00a0\u200b\u2060\ufeff-]+/g, '');
  const unpadded = stripped.replace(/=+$/, '');
  return unpadded.toUpperCase();
}

/**
 * The secret as the user gave it, tidied only: upper case, no separators, no padding. Its last
 * character is kept even when it carries stray bits (`…ZXV` is not re-encoded as `…ZXU`), so a
 * link exported later matches the one imported.
 */
export function cleanBase32(input: string): string {
  return clean(input);
}

/** Decodes a base32 string to bytes; throws OtpError 'otp_err_base32' when it is not base32. */
export function base32Decode(input: string): Uint8Array {
  const text = clean(input);
  if (IMPOSSIBLE_REMAINDERS.has(text.length % 8)) {
    throw new OtpError('otp_err_base32', `impossible length ${text.length}`);
  }
  const out = new Uint8Array(Math.floor((text.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? (VALUES[code] ?? -1) : -1;
    if (value < 0) {
      throw new OtpError('otp_err_base32', `invalid character ${JSON.stringify(text[i])} at ${i}`);
    }
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >> bits) & 0xff;
    }
  }
  // Leftover bits (< 8) are ignored, as every authenticator app does.
  return out;
}

/** Encodes bytes as upper-case base32, without padding unless asked. */
export function base32Encode(bytes: Uint8Array, options: { padding?: boolean } = {}): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  if (options.padding) while (out.length % 8 !== 0) out += '=';
  return out;
}

/**
 * The canonical form of a secret as stored: upper case, no separators, no padding, re-encoded
 * from its bytes (so stray bits in the last character cannot make two spellings of one key).
 */
export function normalizeBase32(input: string): string {
  return base32Encode(base32Decode(input));
}

/**
 * Test-side references, written independently of the app's code: TOTP with node:crypto (RFC 6238
 * / RFC 4226 truncation), base32 decoding (RFC 4648), and a Google Authenticator export link
 * (protobuf written by hand). Unit and end-to-end tests compare the app against these.
 */
import { createHmac } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32ToBytes(text: string): Buffer {
  const clean = text.replace(/[\s=-]/g, '').toUpperCase();
  let bits = '';
  for (const ch of clean) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error(`not base32: ${ch}`);
    bits += v.toString(2).padStart(5, '0');
  }
  const out: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) out.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(out);
}

export function bytesToBase32(bytes: Uint8Array): string {
  let bits = '';
  for (const b of bytes) bits += b.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i < bits.length; i += 5) out += ALPHABET[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
  return out;
}

export interface RefParams {
  algorithm?: 'SHA1' | 'SHA256' | 'SHA512';
  digits?: number;
  period?: number;
}

/** The TOTP code of a base32 secret at `nowMs`. */
export function referenceTotp(secret: string, nowMs: number, { algorithm = 'SHA1', digits = 6, period = 30 }: RefParams = {}): string {
  const counter = BigInt(Math.floor(Math.floor(nowMs / 1000) / period));
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(counter);
  const mac = createHmac(algorithm.replace('SHA', 'sha'), base32ToBytes(secret)).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits).padStart(digits, '0');
}

/** Every code of `secret` within ±`windowSteps` periods of `nowMs` (for "no request carries a code"). */
export function codesAround(secret: string, nowMs: number, windowSteps: number, params: RefParams = {}): string[] {
  const period = (params.period ?? 30) * 1000;
  const codes: string[] = [];
  for (let i = -windowSteps; i <= windowSteps; i++) codes.push(referenceTotp(secret, nowMs + i * period, params));
  return codes;
}

function varint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

function field(num: number, bytes: Uint8Array | number[]): number[] {
  return [(num << 3) | 2, ...varint(bytes.length), ...bytes];
}

/** otpauth-migration://offline?data=… holding the given TOTP accounts (SHA1, 6 digits). */
export function migrationUri(accounts: { secret: string; name: string; issuer: string }[]): string {
  const enc = new TextEncoder();
  const payload: number[] = [];
  for (const a of accounts) {
    const otp = [
      ...field(1, base32ToBytes(a.secret)),
      ...field(2, enc.encode(a.name)),
      ...field(3, enc.encode(a.issuer)),
      4 << 3, 1, // algorithm SHA1
      5 << 3, 1, // six digits
      6 << 3, 2, // TOTP
    ];
    payload.push(...field(1, otp));
  }
  payload.push(2 << 3, 1, 3 << 3, 1, 4 << 3, 0, 5 << 3, 7); // version 1, batch 1 of 1, id 7
  return `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(payload).toString('base64'))}`;
}

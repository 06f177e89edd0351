/**
 * Duplicate detection when adding an account, and the order accounts are listed in.
 */
import type { AccountRecord } from '../db/schema';
import type { ParsedAccount } from './account';
import { normalizeBase32 } from './base32';

/** The issuer of the ASN Digital (Keycloak realm) account, listed first by default. */
export const ASN_DIGITAL_ISSUER = 'public-siasn';

function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function canonicalSecret(secret: string): string {
  try {
    return normalizeBase32(secret);
  } catch {
    return secret;
  }
}

/**
 * An existing account with the same issuer, account name (both ignoring case and outer spaces)
 * and secret, or undefined. `existing` must hold decrypted secrets.
 */
export function findDuplicate<T extends Pick<AccountRecord, 'issuer' | 'account' | 'secret'>>(
  existing: readonly T[],
  parsed: ParsedAccount,
): T | undefined {
  const secret = canonicalSecret(parsed.secret);
  return existing.find(
    (record) =>
      sameText(record.issuer, parsed.issuer) &&
      sameText(record.account, parsed.account) &&
      canonicalSecret(record.secret) === secret,
  );
}

type Sortable = Pick<AccountRecord, 'pinned' | 'issuer' | 'order' | 'id'>;

/** Pinned first, then the ASN Digital ('public-siasn') accounts, then by `order`. A new array. */
export function sortAccounts<T extends Sortable>(accounts: readonly T[]): T[] {
  const rank = (a: T): number => (a.pinned ? 0 : 2) + (sameText(a.issuer, ASN_DIGITAL_ISSUER) ? 0 : 1);
  return [...accounts].sort(
    (a, b) => rank(a) - rank(b) || a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

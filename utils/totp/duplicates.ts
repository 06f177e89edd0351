/**
 * Duplicate detection when adding an account, and the order accounts are listed in.
 */
import type { AccountRecord } from '../db/schema';
import type { ParsedAccount } from './account';
import { normalizeBase32 } from './base32';
import { sameText } from '../text/text';

/** The issuer of the ASN Digital (Keycloak realm) account, listed first by default. */
export const ASN_DIGITAL_ISSUER = 'public-siasn';

/** Whether the account is an ASN Digital one (issuer `public-siasn`, case and spacing aside). */
export const isAsnDigital = (a: Pick<AccountRecord, 'issuer'>): boolean => sameText(a.issuer, ASN_DIGITAL_ISSUER);

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

type Grouped = Pick<AccountRecord, 'pinned' | 'issuer'>;
type Sortable = Grouped & Pick<AccountRecord, 'order' | 'id'>;

/**
 * The group of the display order an account is in: pinned, then ASN Digital, then the rest.
 * Moving up and down stays within a group; pinning is how an account goes above the ASN Digital one.
 */
export function displayGroup(a: Grouped): number {
  return (a.pinned ? 0 : 2) + (isAsnDigital(a) ? 0 : 1);
}

/** Whether two accounts are in the same group of the display order (they may swap places). */
export const sameDisplayGroup = (a: Grouped, b: Grouped): boolean => displayGroup(a) === displayGroup(b);

/** Pinned first, then the ASN Digital ('public-siasn') accounts, then by `order`. A new array. */
export function sortAccounts<T extends Sortable>(accounts: readonly T[]): T[] {
  return [...accounts].sort(
    (a, b) => displayGroup(a) - displayGroup(b) || a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

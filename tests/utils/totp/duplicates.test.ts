import { describe, expect, it } from 'vitest';
import type { AccountRecord } from '@/utils/db/schema';
import type { ParsedAccount } from '@/utils/totp/account';
import { findDuplicate, sortAccounts } from '@/utils/totp/duplicates';

function record(over: Partial<AccountRecord> & Pick<AccountRecord, 'id'>): AccountRecord {
  return {
    issuer: 'Example',
    account: 'user',
    secret: 'JBSWY3DPEHPK3PXP',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    order: 0,
    pinned: false,
    createdAt: '2026-03-02T08:00:00.000Z',
    ...over,
  };
}

const parsed: ParsedAccount = {
  issuer: 'public-siasn',
  account: '199001012015011001',
  secret: 'KRUGS4ZANFZSA5DIMUQGWZLZ',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
};

describe('findDuplicate', () => {
  const existing = [
    record({ id: 'a', issuer: 'public-siasn', account: '199001012015011001', secret: 'JBSWY3DPEHPK3PXP' }),
    record({ id: 'b', issuer: 'Public-SIASN ', account: '199001012015011001', secret: 'krug s4za nfzs a5di muqg wzlz' }),
  ];

  it('finds the account with the same issuer, account and secret (ignoring case, spaces, grouping)', () => {
    expect(findDuplicate(existing, parsed)?.id).toBe('b');
  });

  it('does not call a re-activated account (new secret) a duplicate', () => {
    expect(findDuplicate(existing, { ...parsed, secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' })).toBeUndefined();
  });

  it('does not call another user or issuer a duplicate', () => {
    expect(findDuplicate(existing, { ...parsed, account: '199001012015011002' })).toBeUndefined();
    expect(findDuplicate(existing, { ...parsed, issuer: 'other' })).toBeUndefined();
    expect(findDuplicate([], parsed)).toBeUndefined();
  });
});

describe('sortAccounts', () => {
  it('puts pinned first, then public-siasn, then by order', () => {
    const accounts = [
      record({ id: 'plain-2', order: 2 }),
      record({ id: 'siasn', issuer: 'public-siasn', order: 5 }),
      record({ id: 'plain-0', order: 0 }),
      record({ id: 'pinned-9', order: 9, pinned: true }),
      record({ id: 'pinned-siasn', issuer: 'public-siasn', order: 7, pinned: true }),
      record({ id: 'pinned-1', order: 1, pinned: true }),
      record({ id: 'siasn-upper', issuer: 'PUBLIC-SIASN', order: 3 }),
    ];
    expect(sortAccounts(accounts).map((a) => a.id)).toEqual([
      'pinned-siasn',
      'pinned-1',
      'pinned-9',
      'siasn-upper',
      'siasn',
      'plain-0',
      'plain-2',
    ]);
  });

  it('returns a new array and leaves the input alone', () => {
    const accounts = [record({ id: 'b', order: 1 }), record({ id: 'a', order: 0 })];
    const sorted = sortAccounts(accounts);
    expect(sorted.map((a) => a.id)).toEqual(['a', 'b']);
    expect(accounts.map((a) => a.id)).toEqual(['b', 'a']);
  });

  it('breaks ties in order by id, so the list never jumps', () => {
    const accounts = [record({ id: 'z', order: 1 }), record({ id: 'm', order: 1 }), record({ id: 'c', order: 1 })];
    expect(sortAccounts(accounts).map((a) => a.id)).toEqual(['c', 'm', 'z']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, parseBackup } from '@/utils/backup/backup';
import { loadMessages } from '../../i18n-fake';
import { PROPERTY_TIMEOUT_MS } from '../../helpers/property';

const KEYS = new Set(Object.keys(loadMessages('id')));

const box = fc.oneof(
  fc.record({ iv: fc.base64String({ minLength: 4, maxLength: 24 }), ct: fc.base64String({ minLength: 4, maxLength: 64 }) }),
  fc.anything(),
);
const account = fc.record(
  {
    id: fc.oneof(fc.uuid(), fc.string(), fc.anything()),
    issuer: fc.oneof(fc.string(), fc.anything()),
    account: fc.oneof(fc.string(), fc.anything()),
    secret: fc.oneof(fc.string(), fc.anything()),
    sealed: box,
    algorithm: fc.oneof(fc.constantFrom('SHA1', 'SHA256', 'SHA512', 'MD5'), fc.anything()),
    digits: fc.oneof(fc.constantFrom(6, 8, 7), fc.anything()),
    period: fc.oneof(fc.integer(), fc.anything()),
    order: fc.oneof(fc.integer(), fc.anything()),
    pinned: fc.oneof(fc.boolean(), fc.anything()),
    createdAt: fc.oneof(fc.string(), fc.anything()),
  },
  { requiredKeys: [] },
);
const vault = fc.oneof(
  fc.constant(null),
  fc.record({ salt: fc.base64String({ minLength: 4, maxLength: 24 }), iterations: fc.integer(), verifier: box, autoLockMinutes: fc.double() }, { requiredKeys: [] }),
  fc.anything(),
);
const file = fc.record(
  {
    format: fc.oneof(fc.constant(BACKUP_FORMAT), fc.string()),
    version: fc.oneof(fc.constantFrom(1, 2, 3), fc.anything()),
    exportedAt: fc.string(),
    data: fc.oneof(
      fc.record({
        accounts: fc.oneof(fc.array(account, { maxLength: 4 }), fc.anything()),
        templates: fc.constant([]),
        reports: fc.constant([]),
        daysOff: fc.constant([]),
        settings: fc.oneof(fc.constant({}), fc.anything()),
        vault,
      }, { requiredKeys: [] }),
      fc.anything(),
    ),
  },
  { requiredKeys: [] },
);

describe('parseBackup (property)', () => {
  it('never throws; refuses with known message keys; a version-2 file it accepts holds no plain secret', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(fc.oneof(file.map((f) => JSON.stringify(f)), fc.string()), (text) => {
        const res = parseBackup(text);
        if (!res.ok) {
          expect(res.problems.length).toBeGreaterThan(0);
          for (const p of res.problems) expect(KEYS.has(p.code), p.code).toBe(true);
          return;
        }
        if (res.backup.version === 2) {
          for (const a of res.backup.data.accounts) expect(a).not.toHaveProperty('secret');
          if (res.backup.data.accounts.length) expect(res.backup.data.vault).toBeTruthy();
        }
      }),
      { numRuns: 10_000 },
    );
  });
});

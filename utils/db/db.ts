import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { EkinerjaDB, StoreName } from './schema';

export const DB_NAME = 'asisten-ekinerja';

type UpgradeTx = IDBPTransaction<EkinerjaDB, StoreName[], 'versionchange'>;
type Migration = (db: IDBPDatabase<EkinerjaDB>, tx: UpgradeTx) => void;
/** The transaction of a step that handles indexes today's schema no longer has (their names are not in EkinerjaDB). */
const untyped = (tx: UpgradeTx) => tx as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;

/**
 * Schema history. MIGRATIONS[n] upgrades a database from version n to n + 1; never edit a
 * step that has shipped, append a new one (and a test in tests/utils/db/migrations.test.ts).
 */
export const MIGRATIONS: readonly Migration[] = [
  // 0 → 1: the stores.
  (db) => {
    db.createObjectStore('accounts', { keyPath: 'id' });
    db.createObjectStore('templates', { keyPath: 'id' });
    db.createObjectStore('reports', { keyPath: 'date' });
    db.createObjectStore('daysOff', { keyPath: 'id' });
    db.createObjectStore('settings');
  },
  // 1 → 2: indexes for the popup's lookups (accounts by issuer, reports by source, days off by
  // start). Never read: every lookup reads its whole store; dropped again by 4 → 5.
  (_db, tx) => {
    untyped(tx).objectStore('accounts').createIndex('by-issuer', 'issuer');
    untyped(tx).objectStore('reports').createIndex('by-source', 'source');
    untyped(tx).objectStore('daysOff').createIndex('by-start', 'start');
  },
  // 2 → 3: the vault's passphrase check (accounts keep their plain secrets until one is set).
  (db) => {
    db.createObjectStore('vault');
  },
  // 3 → 4: the Jurnal (utils/jurnal/): every confirmed save with its values, and what the site's
  // calendar showed; looked up by date for the Rekap of a period.
  (db) => {
    db.createObjectStore('jurnal', { keyPath: 'id' }).createIndex('by-date', 'date');
  },
  // 4 → 5: the indexes of 1 → 2 go (nothing reads them; the stores are small and read whole):
  // no cost on every write, nothing kept in step with data no one asks for. Records stay as they are.
  (_db, tx) => {
    untyped(tx).objectStore('accounts').deleteIndex('by-issuer');
    untyped(tx).objectStore('reports').deleteIndex('by-source');
    untyped(tx).objectStore('daysOff').deleteIndex('by-start');
  },
];

export const DB_VERSION = MIGRATIONS.length;

export type Db = IDBPDatabase<EkinerjaDB>;

/** Opens (and upgrades) the database. `version` is for migration tests only. */
export function openDb(name = DB_NAME, version = DB_VERSION): Promise<Db> {
  return openDB<EkinerjaDB>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion; v < (newVersion ?? version); v++) MIGRATIONS[v]!(db, tx);
    },
    blocking() {
      // A newer version wants to open: let it.
      void dbPromise?.then((db) => db.close());
      dbPromise = undefined;
    },
  });
}

let dbPromise: Promise<Db> | undefined;

/** The context's shared connection. */
export function getDb(): Promise<Db> {
  dbPromise ??= openDb().catch((err: unknown) => {
    dbPromise = undefined;
    throw err;
  });
  return dbPromise;
}

/**
 * Queues a transaction's writes and waits for them and for the commit: all of them land, or none.
 * `queue` hands each request to `write`; when one fails — even synchronously, like a record
 * without its key — the transaction is aborted, so the requests already queued roll back with
 * it, and the error is thrown once everything has settled.
 */
export async function writeAllOrNothing(
  tx: { done: Promise<void>; abort(): void },
  queue: (write: (request: Promise<unknown>) => void) => void,
): Promise<void> {
  const writes: Promise<unknown>[] = [];
  try {
    queue((request) => writes.push(request));
    await Promise.all([...writes, tx.done]);
  } catch (err) {
    try { tx.abort(); } catch { /* already finished */ }
    await Promise.allSettled([...writes, tx.done]);
    throw err;
  }
}

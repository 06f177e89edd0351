/**
 * The real background for component tests: a fresh in-memory database (fake-indexeddb, from
 * tests/setup.ts) per test, the service's handlers answering messages through WXT's fake browser,
 * and a count of the messages still being answered, so a test can wait until the background is
 * idle instead of sleeping for a fixed time.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { createService, registerHandlers, type CapabilityFactory, type Service } from '@/utils/background/service';
import { removeAllListeners } from '@/utils/messaging/protocol';
import { openDb, type Db } from '@/utils/db/db';
import { WAIT_MS } from './dom';

export interface BackgroundOptions {
  /** The clock of the background (default: the real one). */
  now?: () => Date;
  /** The capabilities to assemble (default: the extension's own). */
  capabilities?: readonly CapabilityFactory[];
  /** Runs on the fresh database before the service starts (settings, records, …). */
  prepare?: (db: Db) => Promise<unknown>;
  /** Runs the install step (remembers the set-up day, schedules the reminders) once prepared. */
  installed?: boolean;
}

/** The database and service of the running test; replaced before each test. */
export interface TestBackground {
  db: Db;
  service: Service;
  /** Resolves once no message to the background is being answered (checked after the page's reactions ran). */
  idle(): Promise<void>;
}

let databases = 0;

/**
 * Starts the background before each test of the calling file (or describe block) and stops it
 * after: listeners removed, database closed. `options` is read before each test, so it may use
 * values the file resets per test.
 */
export function backgroundPerTest(options: () => BackgroundOptions = () => ({})): TestBackground {
  let answering = 0;
  const bg = {
    async idle() {
      await vi.waitFor(async () => {
        // Let the page react to the last answers (microtasks, then one turn of the event loop).
        await new Promise<void>((r) => setTimeout(r, 0));
        if (answering > 0) throw new Error(`${answering} message(s) to the background are still being answered`);
      }, { timeout: WAIT_MS, interval: 5 });
    },
  } as TestBackground;

  beforeEach(async () => {
    const o = options();
    const db = await openDb(`test-background-${++databases}`);
    await o.prepare?.(db);
    const service = o.capabilities
      ? createService(async () => db, o.now, o.capabilities)
      : createService(async () => db, o.now);
    // Count the answers in flight: every message goes through one of these handlers.
    const counted = Object.fromEntries(Object.entries(service.handlers).map(([type, handler]) => [type, async (data: unknown) => {
      answering++;
      try {
        return await (handler as (d: unknown) => Promise<unknown>)(data);
      } finally {
        answering--;
      }
    }])) as unknown as Service['handlers'];
    registerHandlers({ ...service, handlers: counted });
    if (o.installed) await service.installed();
    bg.db = db;
    bg.service = service;
  });

  afterEach(async () => {
    await bg.idle();
    removeAllListeners();
    bg.db.close();
  });

  return bg;
}

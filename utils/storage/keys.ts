/**
 * Every key of the extension's key-value storage (browser.storage.local / .session): its stored
 * name (`area:name`, as earlier versions wrote it) and, in its type, the value it holds. The one
 * list: items.ts makes WXT storage items of them (the background, the vault), light.ts reads a
 * few of them without WXT's storage helper (the popup, which must open fast and small).
 * IndexedDB (utils/db) holds everything else.
 *
 * storage.session lives in memory, only for trusted extension contexts (not content scripts),
 * and is gone when the browser closes; storage.local survives restarts. Nothing stored means null.
 */
import type { ClockState, CodesSnapshot } from '../vault/snapshot';
import type { SiteDaysSeen } from '../calendar/site-months';
import type { SyncState } from '../sync/merge';
import type { SyncStatus } from '../sync/status';
import type { OnboardingChoices } from '../onboarding/checklist';
import type { RunState } from '../reporting/run';

/** A storage key whose value is a `T` (or null when nothing is stored). */
export type StorageKey<T> = (`local:${string}` | `session:${string}`) & { readonly __value?: T };

const key = <T>(id: `local:${string}` | `session:${string}`): StorageKey<T> => id as StorageKey<T>;

/** How the last reading of e-Kinerja's calendar went (the popup says so). */
export interface LastReading {
  /** ISO time of the reading. */
  at: string;
  ok: boolean;
}

/** The unlocked vault's key (utils/vault/vault.ts), kept across service-worker restarts. */
export interface VaultSessionKey {
  /** The raw AES key, base64. */
  raw: string;
  /** The verifier's ciphertext: which vault record this key belongs to. */
  verifier: string;
  /** When the key is forgotten (Unix ms). */
  lockAt: number;
}

/** storage.session: the last reading of the daily-progress calendar. */
export const LAST_READING = key<LastReading>('session:lastReading');

/** storage.local: the days of each month full readings of the site's calendar have shown (utils/calendar/site-months.ts). */
export const SITE_DAYS_SEEN = key<SiteDaysSeen>('local:siteDaysSeen');

/** storage.local: epoch ms up to which due reminders were dealt with (shown or skipped). */
export const LAST_FIRED_AT = key<number>('local:reminders.lastFiredAt');

/**
 * storage.session: the last clock check against the SSO server (an offset and a time). In
 * storage.session, not storage.local, because content scripts can write storage.local and the
 * offset shifts every MFA code (storage.session's access level is TRUSTED_CONTEXTS unless
 * setAccessLevel widens it, which this extension never calls). Checked again once per browser
 * session.
 */
export const CLOCK_CHECK = key<ClockState>('session:clockCheck');

/** Where earlier versions kept the clock check: never read (a page's content script could have written it), only removed. */
export const LEGACY_CLOCK_CHECK = key<unknown>('local:clockCheck');

/** storage.session: the popup's MFA snapshot (utils/vault/snapshot.ts), secrets included while usable. */
export const CODES_SNAPSHOT = key<CodesSnapshot>('session:mfaSnapshot');

/** storage.session: the unlocked vault's key. */
export const VAULT_KEY = key<VaultSessionKey>('session:vaultKey');

/** storage.session: the auto-lock deadline (Unix ms), read by the popup with its snapshot. */
export const LOCK_AT = key<number>('session:mfaLockAt');

/** storage.local: whether templates, days off and settings sync on this computer (utils/background/sync.ts); on only when true. Never synced itself. */
export const SYNC_ENABLED = key<boolean>('local:sync.enabled');

/** storage.local: the sync state last merged on this computer (utils/sync/merge.ts), to tell what changed here since. */
export const SYNC_LAST_STATE = key<SyncState>('local:sync.lastState');

/** storage.local: how the last sync round went (the options page shows it). */
export const SYNC_LAST_OUTCOME = key<NonNullable<SyncStatus['last']>>('local:sync.lastOutcome');

/**
 * storage.session: the reporting run (utils/reporting/run.ts): today's report or "Lapor susulan".
 * Outlives the service worker's sleep, a page reload and a login detour; gone when the browser
 * closes. Out of content scripts' reach (they ask the background).
 */
export const REPORT_RUN = key<RunState>('session:reportRun');

/** The Rencana Aksi options the e-Kinerja form offered when last read (plain text), for the template editor. */
export interface SiteRencanaAksi {
  /** ISO time of the reading. */
  at: string;
  options: string[];
}

/**
 * storage.local: the Rencana Aksi options last seen on e-Kinerja (utils/background/templates.ts
 * writes them after checking what the content script sent). A content script could write
 * storage.local itself, so whoever reads this checks it again.
 */
export const SITE_RENCANA_AKSI = key<SiteRencanaAksi>('local:site.rencanaAksi');
/** storage.local: the first-run checklist's choices (skipped steps, schedule confirmed, the no-passphrase warning shown); utils/onboarding/checklist.ts. */
export const ONBOARDING = key<OnboardingChoices>('local:onboarding');
/**
 * storage.local: when the install opened the welcome checklist (ISO time; utils/background/welcome.ts).
 * It opens once: a browser that reports every start as an install (an unpacked extension loaded
 * with --load-extension) opens it no more.
 */
export const WELCOME_OPENED = key<string>('local:welcome.openedAt');

/**
 * Every key of the extension's key-value storage (browser.storage.local / .session), typed, in
 * one place. Read and write them only through these items: the stored names stay as they were
 * (`area:name`), so data written by earlier versions is read back. IndexedDB (utils/db) holds
 * everything else.
 *
 * storage.session lives in memory, only for trusted extension contexts (not content scripts),
 * and is gone when the browser closes; storage.local survives restarts.
 */
import { storage } from 'wxt/utils/storage';
import type { ClockState, CodesSnapshot } from '../vault/snapshot';
import type { SiteDaysSeen } from '../calendar/site-months';

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
export const lastReadingItem = storage.defineItem<LastReading | null>('session:lastReading', { fallback: null });

/** storage.local: the days of each month full readings of the site's calendar have shown (utils/calendar/site-months.ts). */
export const siteDaysSeenItem = storage.defineItem<SiteDaysSeen | null>('local:siteDaysSeen', { fallback: null });

/** storage.local: epoch ms up to which due reminders were dealt with (shown or skipped). */
export const lastFiredAtItem = storage.defineItem<number | null>('local:reminders.lastFiredAt', { fallback: null });

/**
 * storage.session: the last clock check against the SSO server (an offset and a time). In
 * storage.session, not storage.local, because content scripts can write storage.local and the
 * offset shifts every MFA code (storage.session's access level is TRUSTED_CONTEXTS unless
 * setAccessLevel widens it, which this extension never calls). Checked again once per browser
 * session.
 */
export const clockCheckItem = storage.defineItem<ClockState | null>('session:clockCheck', { fallback: null });

/** Where earlier versions kept the clock check: never read (a page's content script could have written it), only removed. */
export const legacyClockCheckItem = storage.defineItem<unknown>('local:clockCheck', { fallback: null });

/** storage.session: the popup's MFA snapshot (utils/vault/snapshot.ts), secrets included while usable. */
export const codesSnapshotItem = storage.defineItem<CodesSnapshot | null>('session:mfaSnapshot', { fallback: null });

/** storage.session: the unlocked vault's key. */
export const vaultKeyItem = storage.defineItem<VaultSessionKey | null>('session:vaultKey', { fallback: null });

/** storage.session: the auto-lock deadline (Unix ms), read by the popup with its snapshot. */
export const lockAtItem = storage.defineItem<number | null>('session:mfaLockAt', { fallback: null });

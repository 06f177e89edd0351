/**
 * The storage keys (keys.ts) as WXT storage items: read and write them only through these items
 * (or, in the popup, through light.ts). The stored names stay as they were, so data written by
 * earlier versions is read back.
 */
import { storage } from 'wxt/utils/storage';
import {
  CLOCK_CHECK, CODES_SNAPSHOT, LAST_FIRED_AT, LAST_READING, LEGACY_CLOCK_CHECK, LOCK_AT, SITE_DAYS_SEEN, SYNC_ENABLED, SYNC_LAST_OUTCOME, SYNC_LAST_STATE, VAULT_KEY, REPORT_RUN, SITE_RENCANA_AKSI, ONBOARDING, WELCOME_OPENED,
  type StorageKey,
} from './keys';

/** The item of `key`: null when nothing is stored. */
const item = <T>(key: StorageKey<T>) => storage.defineItem<T | null>(key, { fallback: null });

export const lastReadingItem = item(LAST_READING);
export const siteDaysSeenItem = item(SITE_DAYS_SEEN);
export const lastFiredAtItem = item(LAST_FIRED_AT);
export const clockCheckItem = item(CLOCK_CHECK);
export const legacyClockCheckItem = item(LEGACY_CLOCK_CHECK);
export const codesSnapshotItem = item(CODES_SNAPSHOT);
export const vaultKeyItem = item(VAULT_KEY);
export const lockAtItem = item(LOCK_AT);
export const syncEnabledItem = item(SYNC_ENABLED);
export const syncLastStateItem = item(SYNC_LAST_STATE);
export const syncLastOutcomeItem = item(SYNC_LAST_OUTCOME);
export const reportRunItem = item(REPORT_RUN);
export const siteRencanaAksiItem = item(SITE_RENCANA_AKSI);
export const onboardingItem = item(ONBOARDING);
export const welcomeOpenedItem = item(WELCOME_OPENED);

/** The settings record in IndexedDB: read with defaults, changed in one transaction. */
import type { Db } from '../db/db';
import { SETTINGS_KEY } from '../db/schema';
import { applyPatch, withDefaults, type Settings, type SettingsPatch } from './settings';

export async function readSettings(db: Db): Promise<Settings> {
  return withDefaults(await db.get('settings', SETTINGS_KEY));
}

export async function writeSettings(db: Db, patch: SettingsPatch): Promise<Settings> {
  const tx = db.transaction('settings', 'readwrite');
  const next = applyPatch(withDefaults(await tx.store.get(SETTINGS_KEY)), patch);
  await tx.store.put({ ...next }, SETTINGS_KEY); // the store holds a plain, unchecked record
  await tx.done;
  return next;
}

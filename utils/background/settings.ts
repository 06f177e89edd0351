/** The background's side of the app settings: reading, checked saving, and the set-up day. */
import { readSettings, writeSettings } from '../settings/store';
import { checkSettings } from '../settings/settings';
import { localDate } from '../calendar/dates';
import { EKINERJA_ORIGIN } from '../site/pages';
import type { SettingsProtocol } from '../messaging/settings';
import type { BackgroundDeps, Capability } from './capability';

export function settingsCapability({ db, now, refresh }: BackgroundDeps): Capability<keyof SettingsProtocol> {
  return {
    handlers: {
      async getSettings() {
        return readSettings(await db());
      },
      async saveSettings(patch) {
        const d = await db();
        // Reminders are checked against the target time they will go with: the patch's, or the saved one.
        const withTarget = patch.reminders !== undefined && patch.targetTime === undefined
          ? { ...patch, targetTime: (await readSettings(d)).targetTime }
          : patch;
        const problems = checkSettings(withTarget as Record<string, unknown>);
        if (problems.length) return { ok: false, problems };
        const settings = await writeSettings(d, patch);
        await refresh();
        return { ok: true, settings };
      },
    },
    // The filler needs the working week and the target time.
    contentScripts: { getSettings: [EKINERJA_ORIGIN] },
    async onInstalled() {
      // The set-up day, once: days before it are never counted as missed.
      const d = await db();
      const settings = await readSettings(d);
      if (!settings.installedOn) await writeSettings(d, { installedOn: localDate(now(), settings.zone) });
    },
  };
}

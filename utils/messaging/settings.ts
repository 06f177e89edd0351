/** Messages about the app settings (part of the one contract in protocol.ts). */
import type { Settings, SettingsPatch, SettingsProblem } from '../settings/settings';

export type SaveSettingsResult = { ok: true; settings: Settings } | { ok: false; problems: SettingsProblem[] };

export interface SettingsProtocol {
  getSettings(): Settings;
  /** Checks the patch and, only when all of it is valid, saves it. */
  saveSettings(patch: SettingsPatch): SaveSettingsResult;
}

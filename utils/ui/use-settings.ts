import { useCallback, useEffect, useState } from 'preact/hooks';
import { sendMessage, type SaveSettingsResult } from '../messaging/protocol';
import type { Settings, SettingsPatch } from '../settings/settings';

/** Settings as the background has them, and a save that reports problems instead of throwing. */
export function useSettings(): {
  settings: Settings | null;
  error: boolean;
  save: (patch: SettingsPatch) => Promise<SaveSettingsResult>;
} {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    sendMessage('getSettings').then(setSettings, () => setError(true));
  }, []);
  const save = useCallback(async (patch: SettingsPatch) => {
    const res = await sendMessage('saveSettings', patch);
    if (res.ok) setSettings(res.settings);
    return res;
  }, []);
  return { settings, error, save };
}

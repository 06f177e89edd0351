/**
 * Starting a reporting run from the popup ("Isi Progress Harian hari ini", "Isi" on a missed day,
 * "Lapor susulan"): the background keeps the run and brings up the daily-progress page; the popup
 * then closes (the work goes on in the page). A refusal or a silent background is said in place.
 */
import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { sendMessage, type ProtocolMap } from '../messaging/protocol';

export type RunRequest = Parameters<ProtocolMap['startRun']>[0];

export function useStartRun(): { start: (what: RunRequest) => Promise<void>; error: string | null; busy: boolean } {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const start = async (what: RunRequest) => {
    setBusy(true);
    setError(null);
    try {
      const res = await sendMessage('startRun', what);
      if (!res.ok) setError(t('popup_run_no_days'));
      else window.close();
    } catch {
      setError(t('error_background'));
    } finally {
      setBusy(false);
    }
  };
  return { start, error, busy };
}

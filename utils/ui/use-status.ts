import { useCallback, useEffect, useState } from 'preact/hooks';
import { sendMessage, type PopupStatus } from '../messaging/protocol';
import type { ManualStatus } from '../db/schema';

/** The day's picture from the background, and marking a day by hand. */
export function useStatus(): {
  status: PopupStatus | null;
  error: boolean;
  mark: (date: string, status: ManualStatus) => Promise<void>;
} {
  const [status, setStatus] = useState<PopupStatus | null>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    sendMessage('getStatus').then(setStatus, () => setError(true));
  }, []);
  const mark = useCallback(async (date: string, st: ManualStatus) => {
    setStatus(await sendMessage('setReport', { date, status: st }));
  }, []);
  return { status, error, mark };
}

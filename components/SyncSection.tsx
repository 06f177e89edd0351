import { useEffect, useState } from 'preact/hooks';
import { t, uiLocale } from '@/utils/i18n/i18n';
import { sendMessage } from '@/utils/messaging/protocol';
import type { SyncStatus } from '@/utils/sync/status';
import { CheckboxField } from './CheckboxField';
import { Region } from './Region';

const kb = (bytes: number) => String(Math.ceil(bytes / 1024));

/** The last round's outcome in words (nothing before the first round). */
export function syncStatusText(s: SyncStatus): string {
  if (s.unavailable) return t('sync_status_unavailable');
  const last = s.last;
  if (!s.enabled || !last) return '';
  switch (last.status) {
    case 'synced':
      return t('sync_status_synced', new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(last.at)));
    case 'full':
      return t('sync_status_full', [kb(last.bytes), kb(last.quota)]);
    case 'waiting':
      return t('sync_status_waiting');
    case 'newer-format':
      return t('sync_status_newer');
    case 'error':
      return t('sync_status_error', last.message);
  }
}

/** "Sinkronisasi": the opt-in switch for templates, days off and settings through storage.sync. */
export function SyncSection() {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    sendMessage('getSyncStatus', undefined).then(setStatus, () => setError(true));
  }, []);
  const toggle = async (enabled: boolean) => {
    setError(false);
    try {
      setStatus(await sendMessage('setSyncEnabled', enabled));
    } catch {
      setError(true);
    }
  };
  const text = status ? syncStatusText(status) : '';
  const bad = status?.enabled && status.last && status.last.status !== 'synced';
  return (
    <Region id="sync" title={t('options_sync_title')}>
      <p class="muted">{t('sync_help')}</p>
      {status && (
        <CheckboxField
          label={t('sync_enable')} checked={status.enabled} onChange={(on) => void toggle(on)}
          hint={{ id: 'sync-never', text: t('sync_never') }}
        />
      )}
      {error && <p role="alert" class="error">{t('error_background')}</p>}
      <p role="status" class={bad ? 'error' : 'ok'}>{text}</p>
    </Region>
  );
}

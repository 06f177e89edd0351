import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n/i18n';
import { sendMessage } from '@/utils/messaging/protocol';
import type { AccountsList } from '@/utils/messaging/accounts';
import { localDate } from '@/utils/calendar/dates';
import { readQrFile } from '@/utils/totp/qr-file';
import { Region } from './Region';
import { AccountAdd } from './AccountAdd';
import { AccountList } from './AccountList';
import { VaultPanel, MIN_PASSPHRASE } from './VaultPanel';
import './mfa.css';

export interface Props {
  now?: () => Date;
}

/** Options → "Akun MFA": the vault, adding accounts, the saved accounts, and their backup. */
export function AccountsSection({ now = () => new Date() }: Props) {
  const [data, setData] = useState<AccountsList | null>(null);
  const [failed, setFailed] = useState(false);
  const reload = () => sendMessage('listAccounts').then(setData, () => setFailed(true));
  useEffect(() => void reload(), []);

  return (
    <Region id="mfa" title={t('options_mfa_title')}>
      <p class="muted">{t('mfa_options_intro')}</p>
      {failed && <p role="alert" class="error">{t('error_background')}</p>}
      {data && <VaultPanel vault={data.vault} onChange={setData} />}
      <h3>{t('mfa_add_title')}</h3>
      {data?.vault.mode === 'locked' ? <p class="muted">{t('vault_err_locked')}</p> : <AccountAdd mode="options" readQrFile={readQrFile} onChanged={() => void reload()} />}
      <h3>{t('mfa_saved_accounts')}</h3>
      {data && <AccountList accounts={data.accounts} onChange={setData} />}
      {data && data.vault.mode === 'none' && data.accounts.length > 0 && <ProtectedBackup now={now} />}
    </Region>
  );
}

/** Without a vault passphrase, backups leave the accounts out; this one seals them with a backup passphrase. */
function ProtectedBackup({ now }: { now: () => Date }) {
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const next = (form.elements.namedItem('backup-pass') as HTMLInputElement).value;
    const confirm = (form.elements.namedItem('backup-pass-confirm') as HTMLInputElement).value;
    setError('');
    setDone('');
    if (next.length < MIN_PASSPHRASE) return setError(t('vault_err_too_short', String(MIN_PASSPHRASE)));
    if (next !== confirm) return setError(t('vault_err_mismatch'));
    const res = await sendMessage('exportBackupWithPassphrase', next);
    if (!res.ok) return setError(t(res.error));
    const blob = new Blob([JSON.stringify(res.backup, null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `asisten-ekinerja-${localDate(now(), 'browser')}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    form.reset();
    setDone(t('backup_exported'));
  };
  return (
    <details>
      <summary>{t('mfa_backup_summary')}</summary>
      <p class="muted">{t('mfa_backup_help')}</p>
      <form onSubmit={(e) => void submit(e)}>
        <label for="backup-pass">{t('mfa_backup_passphrase')}</label>
        <input id="backup-pass" name="backup-pass" type="password" autocomplete="new-password" />
        <label for="backup-pass-confirm">{t('vault_confirm_passphrase')}</label>
        <input id="backup-pass-confirm" name="backup-pass-confirm" type="password" autocomplete="new-password" />
        <p class="mfa-warning">{t('vault_forgotten_warning')}</p>
        <button type="submit">{t('mfa_backup_export')}</button>
      </form>
      {error && <p role="alert" class="error">{error}</p>}
      <p role="status" class="ok">{done}</p>
    </details>
  );
}

import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n/i18n';
import { sendMessage } from '@/utils/messaging/protocol';
import { loadSnapshot, type LoadedSnapshot } from '@/utils/ui/use-codes-snapshot';

/** The popup's passphrase form while the vault is locked; hands over the unlocked snapshot. */
export function MfaUnlockForm({ onUnlocked }: { onUnlocked: (loaded: LoadedSnapshot) => void }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const input = (e.currentTarget as HTMLFormElement).elements.namedItem('vault-passphrase') as HTMLInputElement;
    setBusy(true);
    setError('');
    const res = await sendMessage('unlockVault', input.value);
    setBusy(false);
    if (!res.ok) {
      setError(t(res.error));
      input.select();
      return;
    }
    input.value = '';
    onUnlocked(await loadSnapshot());
  };
  return (
    <form class="mfa-unlock" onSubmit={(e) => void submit(e)}>
      <p class="muted">{t('vault_locked_hint')}</p>
      <label for="vault-passphrase">{t('vault_passphrase')}</label>
      <input id="vault-passphrase" name="vault-passphrase" type="password" autocomplete="current-password" aria-invalid={error !== ''} aria-describedby="vault-unlock-error" />
      <button type="submit" class="primary" disabled={busy}>{t(busy ? 'vault_unlocking' : 'vault_unlock')}</button>
      {error && <p id="vault-unlock-error" role="alert" class="error">{error}</p>}
    </form>
  );
}

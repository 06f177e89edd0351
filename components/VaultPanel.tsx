import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n/i18n';
import { sendMessage } from '@/utils/messaging/protocol';
import type { AccountsList, VaultResult } from '@/utils/messaging/accounts';
import type { VaultState } from '@/utils/vault/vault';

export interface Props {
  vault: VaultState;
  onChange: (list: AccountsList) => void;
  /** Shows the set-a-passphrase form open (the welcome page's first step). */
  setFormOpen?: boolean;
}

/** Shortest passphrase the form accepts (the words matter more than the rules; say so). */
export const MIN_PASSPHRASE = 8;
export const AUTO_LOCK_CHOICES = [1, 5, 15, 30, 60, 240];

type Form = Record<string, string>;

function values(form: HTMLFormElement): Form {
  return Object.fromEntries([...new FormData(form).entries()].map(([k, v]) => [k, String(v)]));
}

/**
 * The vault: set a passphrase (with the plain warning that a forgotten one cannot be
 * recovered), unlock, lock, change or remove it, and the auto-lock time.
 */
export function VaultPanel({ vault, onChange, setFormOpen = false }: Props) {
  const [error, setError] = useState<{ form: string; text: string } | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (form: string, job: () => Promise<VaultResult | AccountsList>, success: string) => {
    setBusy(true);
    setError(null);
    setDone('');
    try {
      const res = await job();
      if ('ok' in res && !res.ok) {
        setError({ form, text: t(res.error) });
        return false;
      }
      onChange(res as AccountsList);
      setDone(success);
      return true;
    } catch {
      setError({ form, text: t('error_background') });
      return false;
    } finally {
      setBusy(false);
    }
  };

  /** Checks the new passphrase twice typed; an error on the form otherwise. */
  const fresh = (form: string, v: Form): string | null => {
    const next = v.next ?? '';
    if (next.length < MIN_PASSPHRASE) {
      setError({ form, text: t('vault_err_too_short', String(MIN_PASSPHRASE)) });
      return null;
    }
    if (next !== v.confirm) {
      setError({ form, text: t('vault_err_mismatch') });
      return null;
    }
    return next;
  };

  const submit = (form: string, handler: (v: Form, el: HTMLFormElement) => Promise<void>) => (e: Event) => {
    e.preventDefault();
    const el = e.currentTarget as HTMLFormElement;
    void handler(values(el), el);
  };

  const errorFor = (form: string) =>
    error?.form === form ? <p role="alert" class="error" id={`${form}-error`}>{error.text}</p> : null;

  const forgotten = <p class="mfa-warning">{t('vault_forgotten_warning')}</p>;

  const setForm = (
    <form onSubmit={submit('vault-set', async (v, el) => {
      const next = fresh('vault-set', v);
      if (next === null) return;
      if (await run('vault-set', () => sendMessage('setVaultPassphrase', { current: null, next }), t('vault_set_done'))) el.reset();
    })}>
      <label for="vault-set-next">{t('vault_new_passphrase')}</label>
      <input id="vault-set-next" name="next" type="password" autocomplete="new-password" aria-describedby="vault-set-error" />
      <label for="vault-set-confirm">{t('vault_confirm_passphrase')}</label>
      <input id="vault-set-confirm" name="confirm" type="password" autocomplete="new-password" />
      {forgotten}
      <button type="submit" class="primary" disabled={busy}>{t('vault_set')}</button>
      {errorFor('vault-set')}
    </form>
  );

  const unlockForm = (
    <form onSubmit={submit('vault-unlock', async (v, el) => {
      if (await run('vault-unlock', () => sendMessage('unlockVault', v.passphrase ?? ''), t('vault_unlocked_done'))) el.reset();
    })}>
      <label for="vault-unlock-passphrase">{t('vault_passphrase')}</label>
      <input id="vault-unlock-passphrase" name="passphrase" type="password" autocomplete="current-password" aria-describedby="vault-unlock-error" />
      <button type="submit" class="primary" disabled={busy}>{t(busy ? 'vault_unlocking' : 'vault_unlock')}</button>
      {errorFor('vault-unlock')}
    </form>
  );

  const changeForms = (
    <>
      <details>
        <summary>{t('vault_change')}</summary>
        <form onSubmit={submit('vault-change', async (v, el) => {
          const next = fresh('vault-change', v);
          if (next === null) return;
          if (await run('vault-change', () => sendMessage('setVaultPassphrase', { current: v.current ?? '', next }), t('vault_changed_done'))) el.reset();
        })}>
          <label for="vault-change-current">{t('vault_current_passphrase')}</label>
          <input id="vault-change-current" name="current" type="password" autocomplete="current-password" aria-describedby="vault-change-error" />
          <label for="vault-change-next">{t('vault_new_passphrase')}</label>
          <input id="vault-change-next" name="next" type="password" autocomplete="new-password" />
          <label for="vault-change-confirm">{t('vault_confirm_passphrase')}</label>
          <input id="vault-change-confirm" name="confirm" type="password" autocomplete="new-password" />
          {forgotten}
          <button type="submit" class="primary" disabled={busy}>{t('vault_change_submit')}</button>
          {errorFor('vault-change')}
        </form>
      </details>
      <details>
        <summary>{t('vault_remove')}</summary>
        <form onSubmit={submit('vault-remove', async (v, el) => {
          if (await run('vault-remove', () => sendMessage('setVaultPassphrase', { current: v.current ?? '', next: null }), t('vault_removed_done'))) el.reset();
        })}>
          <p class="muted">{t('vault_remove_help')}</p>
          <label for="vault-remove-current">{t('vault_current_passphrase')}</label>
          <input id="vault-remove-current" name="current" type="password" autocomplete="current-password" aria-describedby="vault-remove-error" />
          <button type="submit" class="danger" disabled={busy}>{t('vault_remove_submit')}</button>
          {errorFor('vault-remove')}
        </form>
      </details>
    </>
  );

  const choices = AUTO_LOCK_CHOICES.includes(vault.autoLockMinutes) ? AUTO_LOCK_CHOICES : [...AUTO_LOCK_CHOICES, vault.autoLockMinutes].sort((a, b) => a - b);

  return (
    <div class="vault-panel" role="group" aria-labelledby="vault-title">
      <h3 id="vault-title">{t('vault_title')}</h3>
      {vault.mode === 'none' && (
        <>
          <p class="vault-state">{t('vault_state_none')}</p>
          <p class="muted">{t('vault_none_help')}</p>
          <details open={setFormOpen}>
            <summary>{t('vault_set')}</summary>
            {setForm}
          </details>
        </>
      )}
      {vault.mode === 'locked' && (
        <>
          <p class="vault-state">{t('vault_state_locked')}</p>
          {unlockForm}
          {changeForms}
        </>
      )}
      {vault.mode === 'unlocked' && (
        <>
          <p class="vault-state">{t('vault_state_unlocked', String(vault.autoLockMinutes))}</p>
          <button type="button" disabled={busy} onClick={() => void run('vault-lock', () => sendMessage('lockVault'), t('vault_locked_done'))}>
            {t('vault_lock_now')}
          </button>
          {changeForms}
        </>
      )}
      {vault.mode !== 'none' && (
        <>
          <label for="vault-auto-lock">{t('vault_auto_lock')}</label>
          <select
            id="vault-auto-lock"
            value={String(vault.autoLockMinutes)}
            onChange={(e) => void run('vault-auto-lock', () => sendMessage('setAutoLock', Number(e.currentTarget.value)), t('options_saved'))}
          >
            {choices.map((m) => <option key={m} value={String(m)}>{t('vault_minutes', String(m))}</option>)}
          </select>
          {errorFor('vault-auto-lock')}
        </>
      )}
      <p role="status" class="ok">{done}</p>
    </div>
  );
}

import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n/i18n';
import { sendMessage } from '@/utils/messaging/protocol';
import type { AccountsList, AccountsListResult, AccountView } from '@/utils/messaging/accounts';
import { canMove } from '@/utils/vault/snapshot';

export interface Props {
  accounts: AccountView[];
  onChange: (list: AccountsList) => void;
}

const label = (a: AccountView) => (a.issuer ? `${a.issuer} (${a.account})` : a.account);

/** The saved accounts in display order: pin, move, rename, remove (after asking). */
export function AccountList({ accounts, onChange }: Props) {
  const [confirm, setConfirm] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string; issuer: string; account: string } | null>(null);
  const [error, setError] = useState('');

  const run = async (job: Promise<AccountsListResult>) => {
    setError('');
    try {
      const res = await job;
      if (!res.ok) setError(t(res.error));
      else onChange(res);
      return res.ok;
    } catch {
      setError(t('error_background'));
      return false;
    }
  };

  if (accounts.length === 0) return <p class="muted">{t('mfa_empty')}</p>;
  return (
    <>
      <ul class="account-rows" aria-label={t('mfa_saved_accounts')}>
        {accounts.map((a, i) => (
          <li key={a.id}>
            {editing?.id === a.id ? (
              <form
                class="mfa-row"
                onSubmit={(e) => {
                  e.preventDefault();
                  void run(sendMessage('updateAccount', { id: a.id, issuer: editing.issuer, account: editing.account })).then((ok) => ok && setEditing(null));
                }}
              >
                <div>
                  <label for={`rename-issuer-${a.id}`}>{t('mfa_field_issuer')}</label>
                  <input id={`rename-issuer-${a.id}`} type="text" value={editing.issuer} onInput={(e) => setEditing({ ...editing, issuer: e.currentTarget.value })} />
                </div>
                <div>
                  <label for={`rename-account-${a.id}`}>{t('mfa_field_account')}</label>
                  <input id={`rename-account-${a.id}`} type="text" value={editing.account} onInput={(e) => setEditing({ ...editing, account: e.currentTarget.value })} />
                </div>
                <div>
                  <button type="submit" class="primary">{t('mfa_rename_save')}</button>
                  <button type="button" onClick={() => setEditing(null)}>{t('mfa_cancel')}</button>
                </div>
              </form>
            ) : (
              <span>
                {a.issuer && <strong>{a.issuer}</strong>} {a.account}
                {a.pinned && <span class="muted"> · {t('mfa_pinned')}</span>}
              </span>
            )}
            <button type="button" class="small" aria-pressed={a.pinned} aria-label={t(a.pinned ? 'mfa_unpin_label' : 'mfa_pin_label', label(a))} onClick={() => void run(sendMessage('updateAccount', { id: a.id, pinned: !a.pinned }))}>
              {t(a.pinned ? 'mfa_unpin' : 'mfa_pin')}
            </button>
            <button type="button" class="small" disabled={!canMove(accounts, i, 'up')} aria-label={t('mfa_move_up_label', label(a))} onClick={() => void run(sendMessage('moveAccount', { id: a.id, direction: 'up' }))}>
              {t('mfa_move_up')}
            </button>
            <button type="button" class="small" disabled={!canMove(accounts, i, 'down')} aria-label={t('mfa_move_down_label', label(a))} onClick={() => void run(sendMessage('moveAccount', { id: a.id, direction: 'down' }))}>
              {t('mfa_move_down')}
            </button>
            <button type="button" class="small" aria-label={t('mfa_rename_label', label(a))} onClick={() => setEditing({ id: a.id, issuer: a.issuer, account: a.account })}>
              {t('mfa_rename')}
            </button>
            <button type="button" class="small" aria-label={t('mfa_remove_label', label(a))} onClick={() => setConfirm(a.id)}>
              {t('mfa_remove')}
            </button>
            {confirm === a.id && (
              <div class="confirm" role="group" aria-label={t('mfa_remove_label', label(a))}>
                <p>{t('mfa_remove_confirm', label(a))}</p>
                <button type="button" class="danger" onClick={() => void run(sendMessage('removeAccount', a.id)).then(() => setConfirm(null))}>{t('mfa_remove_yes')}</button>
                <button type="button" onClick={() => setConfirm(null)}>{t('mfa_cancel')}</button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {error && <p role="alert" class="error">{error}</p>}
    </>
  );
}

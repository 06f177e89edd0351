import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n/i18n';
import { sendMessage } from '@/utils/messaging/protocol';
// Before the TOTP library: the snapshot read starts while the rest of the popup is evaluated.
import { useCodesSnapshot } from '@/utils/ui/use-codes-snapshot';
import { useCodeRows, useSecondTicks } from '@/utils/ui/use-live-codes';
import { appliedOffset, canMove, clockTooFar, POPUP_CODES_MARK, type SnapshotAccount } from '@/utils/vault/snapshot';
import { MfaCodeItem } from './MfaCodeItem';
import { MfaUnlockForm } from './MfaUnlockForm';
import { SsoFillButton } from './SsoFillButton';
import { Region } from './Region';
import './mfa.css';

export interface Props {
  /** Unix ms; tests pin it. */
  now?: () => number;
  /** Called once when the codes (or the empty list, the lock, a failure) are on screen. */
  onShown?: () => void;
}

/** Search appears from this many accounts on. */
export const SEARCH_FROM = 4;

type AddForm = typeof import('./AccountAdd').AccountAdd;

function matches(a: SnapshotAccount, query: string): boolean {
  const q = query.trim().toLowerCase();
  return q === '' || a.issuer.toLowerCase().includes(q) || a.account.toLowerCase().includes(q);
}

/** The popup's MFA codes: live codes, copy on click or Enter, search, pin and order, unlock, clock notice. */
export function MfaCodesRegion({ now = Date.now, onShown }: Props) {
  const [nowMs, setNowMs] = useState(now);
  const [query, setQuery] = useState('');
  const [arranging, setArranging] = useState(false);
  const [copied, setCopied] = useState<{ id: string; text: string } | null>(null);
  const [Add, setAdd] = useState<{ form: AddForm } | null>(null);
  const { loaded, failed, setLoaded, update } = useCodesSnapshot(() => setNowMs(now()));

  const snap = loaded?.snap ?? null;
  const offset = appliedOffset(snap?.clock);
  const expired = snap?.vault === 'unlocked' && loaded?.lockAt !== null && loaded?.lockAt !== undefined && nowMs >= loaded.lockAt;
  const locked = snap?.vault === 'locked' || expired;
  useSecondTicks(now, snap !== null && snap.accounts.length > 0 && !locked, offset, setNowMs);
  const rows = useCodeRows(snap?.accounts ?? null, locked, nowMs + offset);

  const marked = useRef(false);
  useLayoutEffect(() => {
    if ((snap || failed) && !marked.current) {
      marked.current = true;
      if (snap) performance.mark(POPUP_CODES_MARK);
      onShown?.();
    }
  }, [snap, failed, onShown]);

  const copy = async (id: string, code: string, label: string) => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied({ id, text: t('mfa_copied', label) });
    } catch {
      setCopied({ id, text: t('mfa_copy_failed') });
    }
  };

  const openAdd = async () => {
    if (Add) return setAdd(null);
    const m = await import('./AccountAdd');
    setAdd({ form: m.AccountAdd });
  };

  const visible = rows.filter((r) => matches(r.a, query));
  // The first account (ASN Digital's, unless the user pinned another above it) is shown large;
  // the others below it in compact rows. Searching and arranging show them all alike.
  const main = query === '' && !arranging && !locked ? visible[0] : undefined;
  const others = main ? visible.slice(1) : visible;
  const item = (row: (typeof rows)[number], i: number, isMain: boolean) => (
    <MfaCodeItem
      key={row.a.id}
      {...row}
      main={isMain}
      locked={locked}
      arranging={arranging}
      canMoveUp={query === '' && canMove(snap!.accounts, i, 'up')}
      canMoveDown={query === '' && canMove(snap!.accounts, i, 'down')}
      copied={copied?.id === row.a.id}
      onCopy={(code, label) => void copy(row.a.id, code, label)}
      onPin={() => void update(sendMessage('updateAccount', { id: row.a.id, pinned: !row.a.pinned }))}
      onMove={(direction) => void update(sendMessage('moveAccount', { id: row.a.id, direction }))}
    />
  );

  const actions = snap && (
    <>
      {snap.accounts.length >= SEARCH_FROM && (
        <input
          type="search"
          class="mfa-search"
          aria-label={t('mfa_search')}
          placeholder={t('mfa_search')}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      )}
      <span class="mfa-actions">
      <button type="button" class="small" aria-expanded={Add !== null} onClick={() => void openAdd()}>{t('mfa_add')}</button>
      {snap.accounts.length > 1 && !locked && (
        <button type="button" class="small" aria-pressed={arranging} onClick={() => setArranging(!arranging)}>{t('mfa_arrange')}</button>
      )}
      {snap.vault === 'unlocked' && !locked && (
        <button type="button" class="small" onClick={() => void update(sendMessage('lockVault'))}>{t('vault_lock_now')}</button>
      )}
      </span>
    </>
  );

  return (
    <Region id="mfa" title={t('popup_mfa_title')} actions={actions}>
      {failed && <p role="alert" class="error">{t('error_background')}</p>}
      {snap && clockTooFar(snap.clock) && (
        <p class="mfa-clock error" role="alert">
          {t('mfa_clock_fix', String(Math.round(Math.abs(snap.clock.offsetMs!) / 60_000)))}
        </p>
      )}
      {snap && offset !== 0 && (
        <p class="mfa-clock" role="note">
          {t(offset > 0 ? 'mfa_clock_behind' : 'mfa_clock_ahead', String(Math.round(Math.abs(offset) / 1000)))}
        </p>
      )}
      {snap && locked && snap.accounts.length > 0 && <MfaUnlockForm onUnlocked={setLoaded} />}
      {snap && snap.accounts.length === 0 && <p class="muted">{t('mfa_empty')}</p>}
      {snap && snap.accounts.length > 0 && (
        <>
          {main && <ul class="mfa-list mfa-main" aria-label={t('mfa_list_main')}>{item(main, 0, true)}</ul>}
          {others.length > 0 && (
            <ul class="mfa-list mfa-others scroll-cue" aria-label={t(main ? 'mfa_list_others' : 'mfa_list')}>
              {others.map((row, i) => item(row, i + (main ? 1 : 0), false))}
            </ul>
          )}
        </>
      )}
      <p role="status" class="ok mfa-status">{copied?.text ?? ''}</p>
      <SsoFillButton available={snap !== null && snap.accounts.length > 0 && !locked} />
      {Add && (
        <Add.form
          mode="popup"
          onChanged={() => void update(Promise.resolve())}
        />
      )}
    </Region>
  );
}

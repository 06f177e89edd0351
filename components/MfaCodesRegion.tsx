import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n/i18n';
import { sendMessage } from '@/utils/messaging/protocol';
// Before the TOTP library: the snapshot read starts while the rest of the popup is evaluated.
import { readStoredSnapshot, takeEarlySnapshot, watchStoredSnapshot, type StoredSnapshot } from '@/utils/vault/popup-prefetch';
import { groupCode, secondsRemaining, totpCode } from '@/utils/totp/totp';
import { appliedOffset, canMove, POPUP_CODES_MARK, type CodesSnapshot, type SnapshotAccount } from '@/utils/vault/snapshot';
import { SSO_ORIGIN } from '@/utils/site/sso';
import { Region } from './Region';
import './mfa.css';

export interface Props {
  /** Unix ms; tests pin it. */
  now?: () => number;
}

/** Seconds left at which the countdown turns into a warning. */
export const WARN_SECONDS = 5;
/** Search appears from this many accounts on. */
export const SEARCH_FROM = 4;

type AddForm = typeof import('./AccountAdd').AccountAdd;

interface Loaded {
  snap: CodesSnapshot;
  lockAt: number | null;
}

function readStored({ snap, lockAt }: StoredSnapshot): Loaded | null {
  return snap && Array.isArray(snap.accounts) ? { snap, lockAt } : null;
}

const readSession = readStoredSnapshot;

/**
 * The snapshot the background keeps in storage.session (with the secrets, which never travel
 * over messages); when it is missing, the background writes it first.
 */
async function loadSnapshot(): Promise<Loaded> {
  const stored = readStored(await (takeEarlySnapshot() ?? readSession()));
  if (stored) return stored;
  const bare = await sendMessage('getCodesSnapshot');
  return readStored(await readSession()) ?? { snap: bare, lockAt: null };
}

function matches(a: SnapshotAccount, query: string): boolean {
  const q = query.trim().toLowerCase();
  return q === '' || a.issuer.toLowerCase().includes(q) || a.account.toLowerCase().includes(q);
}

/** The popup's MFA codes: live codes, copy on click or Enter, search, pin and order, unlock, clock notice. */
export function MfaCodesRegion({ now = Date.now }: Props) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState(false);
  const [nowMs, setNowMs] = useState(now);
  const [query, setQuery] = useState('');
  const [arranging, setArranging] = useState(false);
  const [copied, setCopied] = useState<{ id: string; text: string } | null>(null);
  const [Add, setAdd] = useState<{ form: AddForm } | null>(null);
  const [ssoTab, setSsoTab] = useState<number | null>(null);
  const [fillStatus, setFillStatus] = useState<{ text: string; error: boolean } | null>(null);
  const marked = useRef(false);
  const codeCache = useRef(new Map<string, string>());

  // Start reading during the first render: the codes are what the popup is opened for.
  const first = useRef<Promise<Loaded> | null>(null);
  first.current ??= loadSnapshot();

  // A layout effect runs right after the first render, in the same task: the snapshot (usually
  // already on its way back) is shown as soon as it arrives, not after the next frame.
  useLayoutEffect(() => {
    let live = true;
    first.current!.then(
      (l) => {
        if (!live) return;
        setNowMs(now());
        setLoaded(l);
      },
      () => live && setFailed(true),
    );
    const unwatch = watchStoredSnapshot((changed) => {
      setLoaded((old) => {
        const snap = 'snap' in changed ? changed.snap : old?.snap;
        const lockAt = 'lockAt' in changed ? changed.lockAt : old?.lockAt;
        if (!snap) return old;
        return { snap, lockAt: lockAt ?? null };
      });
    });
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  useEffect(() => {
    let live = true;
    // Counts as use (auto-lock) and checks the clock at most once an hour; offline stays quiet.
    sendMessage('mfaPopupOpened').then(
      ({ clock }) => live && setLoaded((old) => (old ? { ...old, snap: { ...old.snap, clock } } : old)),
      () => undefined,
    );
    browser.tabs.query({ active: true, currentWindow: true }).then(
      ([tab]) => live && tab?.id !== undefined && tab.url?.startsWith(`${SSO_ORIGIN}/`) && setSsoTab(tab.id),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  const snap = loaded?.snap ?? null;
  const offset = appliedOffset(snap?.clock);
  const expired = snap?.vault === 'unlocked' && loaded?.lockAt !== null && loaded?.lockAt !== undefined && nowMs >= loaded.lockAt;
  const locked = snap?.vault === 'locked' || expired;

  // Tick on every second of the corrected clock, so codes change the moment they turn.
  useEffect(() => {
    if (!snap || snap.accounts.length === 0 || locked) return;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const n = now();
      setNowMs(n);
      timer = setTimeout(tick, 1000 - ((n + offset) % 1000) + 5);
    };
    tick();
    return () => clearTimeout(timer);
  }, [snap !== null && snap.accounts.length > 0 && !locked, offset]);

  const at = nowMs + offset;
  const rows = useMemo(() => {
    if (!snap) return [];
    const cache = codeCache.current;
    return snap.accounts.map((a) => {
      const step = Math.floor(at / 1000 / a.period);
      let code: string | null = null;
      if (a.secret && !locked) {
        const k = `${a.id}|${a.secret}|${a.algorithm}|${a.digits}|${a.period}|${step}`;
        code = cache.get(k) ?? null;
        if (code === null) {
          try {
            code = totpCode({ secret: a.secret, algorithm: a.algorithm, digits: a.digits, period: a.period }, at);
          } catch {
            code = null;
          }
          if (cache.size > 500) cache.clear();
          if (code !== null) cache.set(k, code);
        }
      }
      return { a, code, left: secondsRemaining(a.period, at) };
    });
  }, [snap, locked, at]);

  useLayoutEffect(() => {
    if (snap && !marked.current) {
      marked.current = true;
      performance.mark(POPUP_CODES_MARK);
    }
  }, [snap]);

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

  const fillHere = async () => {
    if (ssoTab === null) return;
    setFillStatus(null);
    try {
      const res = await sendMessage('ssoFillCode', {}, ssoTab);
      setFillStatus(res.ok ? { text: t('sso_filled'), error: false } : { text: t(res.error ?? 'mfa_err_no_field'), error: true });
    } catch {
      setFillStatus({ text: t('mfa_err_no_field'), error: true });
    }
  };

  const update = async (msg: Promise<unknown>) => {
    await msg;
    const fresh = readStored(await readSession());
    if (fresh) setLoaded(fresh);
  };

  const visible = rows.filter((r) => matches(r.a, query));

  return (
    <Region id="mfa" title={t('popup_mfa_title')}>
      {failed && <p role="alert" class="error">{t('error_background')}</p>}
      {snap && offset !== 0 && (
        <p class="mfa-clock" role="note">
          {t(offset > 0 ? 'mfa_clock_behind' : 'mfa_clock_ahead', String(Math.round(Math.abs(offset) / 1000)))}
        </p>
      )}
      {snap && locked && snap.accounts.length > 0 && <UnlockForm onUnlocked={setLoaded} />}
      {snap && snap.accounts.length === 0 && <p class="muted">{t('mfa_empty')}</p>}
      {snap && snap.accounts.length >= SEARCH_FROM && (
        <input
          type="search"
          class="mfa-search"
          aria-label={t('mfa_search')}
          placeholder={t('mfa_search')}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      )}
      {snap && snap.accounts.length > 0 && (
        <ul class="mfa-list" aria-label={t('mfa_list')}>
          {visible.map(({ a, code, left }, i) => {
            const label = a.issuer ? `${a.issuer} (${a.account})` : a.account;
            const warn = left <= WARN_SECONDS;
            return (
              <li key={a.id} class="mfa-item">
                <span class="mfa-label" id={`mfa-label-${a.id}`}>
                  {a.issuer && <span class="mfa-issuer">{a.issuer}</span>} <span class="mfa-account">{a.account}</span>
                </span>
                {code !== null ? (
                  <button
                    type="button"
                    class={`mfa-code${warn ? ' warn' : ''}${copied?.id === a.id ? ' copied' : ''}`}
                    aria-describedby={`mfa-label-${a.id}`}
                    title={t('mfa_copy_hint')}
                    onClick={() => void copy(a.id, code, label)}
                  >
                    {groupCode(code)}
                  </button>
                ) : (
                  <span class="mfa-locked">{t(locked ? 'mfa_locked_code' : 'mfa_no_code')}</span>
                )}
                {code !== null ? (
                  <span class={`mfa-countdown${warn ? ' warn' : ''}`} role="timer" aria-label={t('mfa_seconds_left', String(left))}>
                    {left}
                  </span>
                ) : <span />}
                {arranging && (
                  <span class="mfa-tools">
                    <button type="button" class="small" aria-pressed={a.pinned} aria-label={t(a.pinned ? 'mfa_unpin_label' : 'mfa_pin_label', label)} onClick={() => void update(sendMessage('updateAccount', { id: a.id, pinned: !a.pinned }))}>
                      {t(a.pinned ? 'mfa_unpin' : 'mfa_pin')}
                    </button>
                    <button type="button" class="small" disabled={query !== '' || !canMove(snap.accounts, i, 'up')} aria-label={t('mfa_move_up_label', label)} onClick={() => void update(sendMessage('moveAccount', { id: a.id, direction: 'up' }))}>
                      {t('mfa_move_up')}
                    </button>
                    <button type="button" class="small" disabled={query !== '' || !canMove(snap.accounts, i, 'down')} aria-label={t('mfa_move_down_label', label)} onClick={() => void update(sendMessage('moveAccount', { id: a.id, direction: 'down' }))}>
                      {t('mfa_move_down')}
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p role="status" class="ok">{copied?.text ?? ''}</p>
      {ssoTab !== null && snap && snap.accounts.length > 0 && !locked && (
        <p>
          <button type="button" class="primary" onClick={() => void fillHere()}>{t('mfa_fill_here')}</button>
          {fillStatus && <span class={fillStatus.error ? 'error' : 'ok'} role="status">{fillStatus.text}</span>}
        </p>
      )}
      {snap && (
        <div class="mfa-actions">
          <button type="button" aria-expanded={Add !== null} onClick={() => void openAdd()}>{t('mfa_add')}</button>
          {snap.accounts.length > 1 && !locked && (
            <button type="button" aria-pressed={arranging} onClick={() => setArranging(!arranging)}>{t('mfa_arrange')}</button>
          )}
          {snap.vault === 'unlocked' && !locked && (
            <button type="button" onClick={() => void update(sendMessage('lockVault'))}>{t('vault_lock_now')}</button>
          )}
          <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>{t('popup_open_options')}</button>
        </div>
      )}
      {Add && (
        <Add.form
          mode="popup"
          onChanged={() => void update(Promise.resolve())}
        />
      )}
    </Region>
  );
}

function UnlockForm({ onUnlocked }: { onUnlocked: (loaded: Loaded) => void }) {
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

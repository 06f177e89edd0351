import { t } from '@/utils/i18n/i18n';
import { groupCode } from '@/utils/totp/totp';
import type { CodeRow } from '@/utils/ui/use-live-codes';
import { CountdownRing } from './CountdownRing';

/** Seconds left at which the countdown turns into a warning. */
export const WARN_SECONDS = 5;

export interface Props extends CodeRow {
  locked: boolean;
  /** Shows the pin and move buttons. */
  arranging: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
  /** The code was just copied: it shows so. */
  copied: boolean;
  /** The popup's main code (ASN Digital's, or the one pinned above it): large, its account in full. */
  main?: boolean;
  onCopy: (code: string, label: string) => void;
  onPin: () => void;
  onMove: (direction: 'up' | 'down') => void;
}

/**
 * One account in the popup: its name (the whole name on hover), its code (copied on click or
 * Enter) and the seconds left, in text and as a ring.
 */
export function MfaCodeItem({ a, code, left, locked, arranging, canMoveUp, canMoveDown, copied, main, onCopy, onPin, onMove }: Props) {
  const label = a.issuer ? `${a.issuer} (${a.account})` : a.account;
  const warn = left <= WARN_SECONDS;
  return (
    <li class={`mfa-item${main ? ' main' : ''}`}>
      <span class="mfa-label" id={`mfa-label-${a.id}`} title={label}>
        {a.issuer && <span class="mfa-issuer">{a.issuer}</span>} <span class="mfa-account">{a.account}</span>
      </span>
      {code !== null ? (
        <button
          type="button"
          class={`mfa-code${warn ? ' warn' : ''}${copied ? ' copied' : ''}`}
          aria-describedby={`mfa-label-${a.id}`}
          title={t('mfa_copy_hint')}
          onClick={() => onCopy(code, label)}
        >
          {groupCode(code)}
        </button>
      ) : (
        <span class="mfa-locked">{t(locked ? 'mfa_locked_code' : 'mfa_no_code')}</span>
      )}
      {code !== null ? (
        <span class={`mfa-countdown${warn ? ' warn' : ''}`} role="timer" aria-label={t('mfa_seconds_left', String(left))}>
          <CountdownRing left={left} period={a.period} size={main ? 34 : 22} />
          <span class="mfa-seconds">{left}</span>
        </span>
      ) : <span />}
      {arranging && (
        <span class="mfa-tools">
          <button type="button" class="small" aria-pressed={a.pinned} aria-label={t(a.pinned ? 'mfa_unpin_label' : 'mfa_pin_label', label)} onClick={onPin}>
            {t(a.pinned ? 'mfa_unpin' : 'mfa_pin')}
          </button>
          <button type="button" class="small" disabled={!canMoveUp} aria-label={t('mfa_move_up_label', label)} onClick={() => onMove('up')}>
            {t('mfa_move_up')}
          </button>
          <button type="button" class="small" disabled={!canMoveDown} aria-label={t('mfa_move_down_label', label)} onClick={() => onMove('down')}>
            {t('mfa_move_down')}
          </button>
        </span>
      )}
    </li>
  );
}

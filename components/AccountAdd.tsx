import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, type MessageKey } from '@/utils/i18n/i18n';
import { sendMessage } from '@/utils/messaging/protocol';
import type { AddPreview, AddSource, DuplicateChoice, AccountView, QrRead } from '@/utils/messaging/accounts';
import type { SkippedAccount } from '@/utils/totp/migration';
import type { QrFileAnswer } from '@/utils/totp/qr-file';
import { changeChoices, loadChoices } from '@/utils/onboarding/store';
import './mfa.css';

/** The popup can scan its tab; the options page can open image files. */
export type Props = {
  /** After accounts were added. */
  onChanged: () => void;
} & (
  | { mode: 'popup'; readQrFile?: undefined }
  | {
      mode: 'options';
      /**
       * The options page's QR reader for image files (utils/totp/qr-file.ts, a Web Worker); passed
       * in rather than imported so the popup's bundle never holds it.
       */
      readQrFile: (file: Blob) => Promise<QrFileAnswer>;
    }
);

interface Pending {
  source: AddSource;
  /** How the QR code of an image file was read (said again after the choice). */
  qr?: QrRead;
  /** What the user confirmed of a tab's QR code (sent again with the duplicates choice). */
  confirm?: AddPreview[];
  duplicates: Pick<AccountView, 'issuer' | 'account'>[];
  fresh: number;
}

/** A tab's QR code read but not saved: what it holds, for the user to confirm (issue 12, finding 3). */
interface Confirming {
  source: AddSource;
  accounts: AddPreview[];
}

const EMPTY_MANUAL = { issuer: 'public-siasn', account: '', secret: '', algorithm: 'SHA1', digits: '6', period: '30' };

const label = (a: Pick<AccountView, 'issuer' | 'account'>) => (a.issuer ? `${a.issuer} (${a.account})` : a.account);

/** Which image the QR code was read from: the activation page's own, or which size of the picture. */
function qrNote(qr: QrRead): string {
  if (qr.from === 'page') return t('mfa_qr_from_page');
  return qr.original
    ? t('mfa_qr_read_original', [String(qr.width), String(qr.height)])
    : t('mfa_qr_read_scaled', [String(qr.side), String(qr.width), String(qr.height)]);
}

/**
 * "Tambah akun": paste a link (otpauth:// or a Google Authenticator export), type the key
 * ("tidak bisa memindai?"), scan the QR code on the tab (popup) or open a QR image (options).
 * The background parses and checks everything; duplicates come back for the user to choose.
 */
export function AccountAdd({ mode, onChanged, readQrFile }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [skipped, setSkipped] = useState<SkippedAccount[]>([]);
  const [pending, setPending] = useState<Pending | null>(null);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [text, setText] = useState('');
  const [manual, setManual] = useState(EMPTY_MANUAL);
  const noPassphrase = useNoPassphraseNotice();

  /** `qr`: how the options page read an image file's code before sending its text. */
  const submit = async (source: AddSource, duplicates: DuplicateChoice = 'ask', qr?: QrRead, confirm?: AddPreview[]) => {
    setBusy(true);
    setError('');
    setDone('');
    setSkipped([]);
    setConfirming(null);
    try {
      const res = await sendMessage('addAccounts', { source, duplicates, ...(confirm ? { confirm } : {}) });
      if (res.ok) {
        setPending(null);
        const parts = [res.added.length ? t('mfa_added', String(res.added.length)) : t('mfa_added_none')];
        if (res.duplicatesSkipped) parts.push(t('mfa_duplicates_skipped', String(res.duplicatesSkipped)));
        const read = res.qr ?? qr;
        if (read) parts.push(qrNote(read));
        setDone(parts.join(' '));
        setSkipped(res.skipped);
        if (source.kind === 'text' && !qr) setText('');
        if (source.kind === 'manual') setManual(EMPTY_MANUAL);
        if (res.added.length) noPassphrase.given();
        onChanged();
      } else if ('needsConfirm' in res) {
        setPending(null);
        if (res.needsConfirm.length) setConfirming({ source, accounts: res.needsConfirm });
        else setError(t('otp_err_no_qr'));
      } else if ('needsChoice' in res) {
        setPending({ source, qr, confirm, duplicates: res.duplicates, fresh: res.fresh });
      } else {
        setError(t(res.error));
      }
    } catch {
      setError(t('error_background'));
    } finally {
      setBusy(false);
    }
  };

  const scanTab = async () => {
    const win = await browser.windows.getCurrent().catch(() => undefined);
    await submit({ kind: 'tab', windowId: win?.id });
  };

  // The options page reads the code off its main thread (readQrFile: a worker), then sends only the text.
  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file || !readQrFile) return;
    setBusy(true);
    setError('');
    setDone('');
    setSkipped([]);
    const read = await readQrFile(file);
    if (!read.ok) {
      setBusy(false);
      setError(t(read.error));
      return;
    }
    const { found } = read;
    await submit({ kind: 'text', text: found.text }, 'ask', {
      from: 'image',
      side: found.side,
      original: found.original,
      width: found.sourceWidth,
      height: found.sourceHeight,
    });
  };

  const field = (name: keyof typeof EMPTY_MANUAL) => ({
    id: `mfa-add-${name}`,
    value: manual[name],
    onInput: (e: Event) => setManual({ ...manual, [name]: (e.currentTarget as HTMLInputElement).value }),
  });

  return (
    <div class="mfa-add" role="group" aria-label={t('mfa_add_title')}>
      {noPassphrase.show && <p class="mfa-warning" id="mfa-add-no-passphrase">{t('onboarding_account_no_passphrase')} {t('mfa_no_passphrase_first')}</p>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit({ kind: 'text', text });
        }}
      >
        <label for="mfa-add-link">{t('mfa_paste_label')}</label>
        <textarea id="mfa-add-link" rows={2} value={text} spellcheck={false} aria-describedby="mfa-add-link-help" onInput={(e) => setText(e.currentTarget.value)} />
        <p id="mfa-add-link-help" class="muted">{t('mfa_paste_help')}</p>
        <button type="submit" class="primary" disabled={busy || text.trim() === ''}>{t('mfa_paste_submit')}</button>
      </form>

      {mode === 'popup' ? (
        <p>
          <button type="button" disabled={busy} onClick={() => void scanTab()}>{t('mfa_scan_tab')}</button>
          <button type="button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#mfa') })}>
            {t('mfa_upload_in_options')}
          </button>
        </p>
      ) : (
        <>
          <label for="mfa-add-file">{t('mfa_upload_label')}</label>
          <input id="mfa-add-file" type="file" accept="image/*" disabled={busy} onChange={(e) => void onFile(e.currentTarget)} />
        </>
      )}

      <details>
        <summary>{t('mfa_manual_summary')}</summary>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit({ kind: 'manual', entry: { ...manual } });
          }}
        >
          <p class="muted">{t('mfa_manual_help')}</p>
          <label for="mfa-add-issuer">{t('mfa_field_issuer')}</label>
          <input type="text" {...field('issuer')} />
          <label for="mfa-add-account">{t('mfa_field_account')}</label>
          <input type="text" {...field('account')} />
          <label for="mfa-add-secret">{t('mfa_field_secret')}</label>
          <input type="text" spellcheck={false} autocomplete="off" {...field('secret')} />
          <details>
            <summary>{t('mfa_advanced')}</summary>
            <div class="mfa-row">
              <div>
                <label for="mfa-add-algorithm">{t('mfa_field_algorithm')}</label>
                <select {...field('algorithm')} onChange={(e) => setManual({ ...manual, algorithm: e.currentTarget.value })}>
                  {['SHA1', 'SHA256', 'SHA512'].map((a) => <option key={a} value={a}>{a}</option>)}
                </select>
              </div>
              <div>
                <label for="mfa-add-digits">{t('mfa_field_digits')}</label>
                <select {...field('digits')} onChange={(e) => setManual({ ...manual, digits: e.currentTarget.value })}>
                  <option value="6">6</option>
                  <option value="8">8</option>
                </select>
              </div>
              <div>
                <label for="mfa-add-period">{t('mfa_field_period')}</label>
                <input type="number" min={15} max={120} {...field('period')} />
              </div>
            </div>
          </details>
          <button type="submit" class="primary" disabled={busy}>{t('mfa_manual_submit')}</button>
        </form>
      </details>

      {confirming && (
        <div class="confirm" role="group" aria-label={t('mfa_confirm_title')}>
          <p>{t('mfa_confirm_intro')}</p>
          <ul>
            {confirming.accounts.map((a, i) => <li key={i}>{t('mfa_confirm_item', [a.issuer || '—', a.account, a.keyEnd])}</li>)}
          </ul>
          <button type="button" class="primary" disabled={busy} onClick={() => void submit(confirming.source, 'ask', undefined, confirming.accounts)}>
            {t('mfa_confirm_save')}
          </button>
          <button type="button" disabled={busy} onClick={() => { setConfirming(null); setDone(t('mfa_confirm_cancelled')); }}>{t('mfa_cancel')}</button>
        </div>
      )}
      {pending && (
        <div class="confirm" role="group" aria-label={t('mfa_duplicates_title')}>
          <p>{t('mfa_duplicates_found', pending.duplicates.map(label).join(', '))}</p>
          {pending.fresh > 0 && <p>{t('mfa_duplicates_fresh', String(pending.fresh))}</p>}
          <button type="button" class="primary" disabled={busy} onClick={() => void submit(pending.source, 'skip', pending.qr, pending.confirm)}>{t('mfa_duplicates_skip')}</button>
          <button type="button" disabled={busy} onClick={() => void submit(pending.source, 'add', pending.qr, pending.confirm)}>{t('mfa_duplicates_add')}</button>
          <button type="button" disabled={busy} onClick={() => setPending(null)}>{t('mfa_cancel')}</button>
        </div>
      )}
      {busy && <p class="muted">{t('mfa_working')}</p>}
      {error && <p role="alert" class="error">{error}</p>}
      <p role="status" class="ok">{done}</p>
      {skipped.length > 0 && (
        <div class="error">
          <p>{t('mfa_skipped_title')}</p>
          <ul>
            {skipped.map((s, i) => <li key={i}>{t('mfa_skipped_item', [s.name, t(s.code as MessageKey)])}</li>)}
          </ul>
        </div>
      )}
    </div>
  );
}

/**
 * Issue 12 finding 2: adding an account without a vault passphrase warns, once — the notice
 * stands above the add form until the first account is added without a passphrase.
 */
function useNoPassphraseNotice(): { show: boolean; given: () => void } {
  const [show, setShow] = useState(false);
  useEffect(() => {
    void Promise.all([loadChoices(), sendMessage('listAccounts')]).then(
      ([choices, list]) => setShow(!choices.noPassphraseWarned && list.vault.mode === 'none'),
      () => setShow(false),
    );
  }, []);
  const given = () => {
    if (!show) return;
    setShow(false);
    void changeChoices((c) => ({ ...c, noPassphraseWarned: true }));
  };
  return { show, given };
}

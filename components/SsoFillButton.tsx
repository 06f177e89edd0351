import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n/i18n';
import { sendMessage } from '@/utils/messaging/protocol';
import { SSO_ORIGIN } from '@/utils/site/sso';

/**
 * "Isi kode di halaman ini": when the active tab is the ASN Digital login and `available` (codes
 * are shown), asks that tab's content script to fill the code, and says how it went.
 */
export function SsoFillButton({ available }: { available: boolean }) {
  const [ssoTab, setSsoTab] = useState<number | null>(null);
  const [fillStatus, setFillStatus] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    let live = true;
    browser.tabs.query({ active: true, currentWindow: true }).then(
      ([tab]) => live && tab?.id !== undefined && tab.url?.startsWith(`${SSO_ORIGIN}/`) && setSsoTab(tab.id),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

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

  if (ssoTab === null || !available) return null;
  return (
    <p>
      <button type="button" class="primary" onClick={() => void fillHere()}>{t('mfa_fill_here')}</button>
      {fillStatus && <span class={fillStatus.error ? 'error' : 'ok'} role="status">{fillStatus.text}</span>}
    </p>
  );
}

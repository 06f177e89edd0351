import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MfaCodesRegion } from '@/components/MfaCodesRegion';
import { createService, registerHandlers, type Service } from '@/utils/background/service';
import { accountsCapability } from '@/utils/background/accounts';
import { removeAllListeners } from '@/utils/messaging/protocol';
import { openDb, type Db } from '@/utils/db/db';
import { CLOCK_STORAGE_KEY } from '@/utils/background/clock';
import { referenceTotp } from '../utils/vault/reference';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const SECRET2 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const NIP = '199001012015011001';

let db: Db;
let root: HTMLElement;
let service: Service;
let nowMs: number;
let fetches: number;
let n = 0;

beforeEach(async () => {
  db = await openDb(`mfa-region-test-${n++}`);
  nowMs = Date.UTC(2026, 10, 30, 0, 0, 10);
  fetches = 0;
  service = createService(async () => db, () => new Date(nowMs), [
    (d) => accountsCapability(d, {
      iterations: 1000,
      fetch: async () => {
        fetches++;
        throw new TypeError('offline');
      },
    }),
  ]);
  registerHandlers(service);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  removeAllListeners();
  db.close();
});

async function settle() {
  for (let i = 0; i < 6; i++) await act(() => new Promise((r) => setTimeout(r, 5)));
}

async function add(text: string) {
  const res = await service.handlers.addAccounts({ source: { kind: 'text', text } });
  expect(res.ok).toBe(true);
}

function items() {
  return [...root.querySelectorAll('.mfa-item')].map((li) => ({
    label: li.querySelector('.mfa-label')!.textContent!.trim(),
    code: li.querySelector('button.mfa-code')?.textContent ?? null,
    left: li.querySelector('.mfa-countdown')?.textContent ?? null,
    warn: li.querySelector('.mfa-countdown')?.classList.contains('warn') ?? false,
  }));
}

const group = (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`;

describe('popup MFA codes', () => {
  it('shows every account with its grouped code and countdown, the ASN Digital account first', async () => {
    await add(`otpauth://totp/GitHub:budi?secret=${SECRET2}&issuer=GitHub`);
    await add(`otpauth://totp/public-siasn:${NIP}?secret=${SECRET}&issuer=public-siasn`);
    render(<MfaCodesRegion now={() => nowMs} />, root);
    await settle();
    expect(items()).toEqual([
      { label: `public-siasn ${NIP}`, code: group(referenceTotp(SECRET, nowMs)), left: '20', warn: false },
      { label: 'GitHub budi', code: group(referenceTotp(SECRET2, nowMs)), left: '20', warn: false },
    ]);
    // The countdown is a timer named with its unit (an aria-label on a plain span is ignored).
    expect([...root.querySelectorAll('.mfa-countdown')].map((c) => [c.getAttribute('role'), c.getAttribute('aria-label')])).toEqual([
      ['timer', 'Berlaku 20 detik lagi'],
      ['timer', 'Berlaku 20 detik lagi'],
    ]);
    expect(root.querySelector('input[type="search"]')).toBeNull(); // only from 4 accounts on
    expect(fetches).toBe(1); // the clock check ran (offline: no message)
    expect(root.querySelector('[role="alert"]')?.textContent ?? '').toBe('');
    expect(root.querySelector('.mfa-clock')).toBeNull();
  });

  it('turns the countdown into a warning in the last 5 s and shows the new code on time', async () => {
    await add(`otpauth://totp/public-siasn:${NIP}?secret=${SECRET}&issuer=public-siasn`);
    nowMs = Date.UTC(2026, 10, 30, 0, 0, 24, 100);
    render(<MfaCodesRegion now={() => nowMs} />, root);
    await settle();
    expect(items()[0]).toMatchObject({ left: '6', warn: false });
    nowMs += 1000;
    await act(() => new Promise((r) => setTimeout(r, 1000)));
    expect(items()[0]).toMatchObject({ left: '5', warn: true });
    const before = items()[0]!.code;
    nowMs = Date.UTC(2026, 10, 30, 0, 0, 30, 5);
    await act(() => new Promise((r) => setTimeout(r, 1000)));
    expect(items()[0]).toMatchObject({ left: '30', warn: false, code: group(referenceTotp(SECRET, nowMs)) });
    expect(items()[0]!.code).not.toBe(before);
  });

  it('copies the plain code on click, with a visible confirmation', async () => {
    await add(`otpauth://totp/public-siasn:${NIP}?secret=${SECRET}&issuer=public-siasn`);
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (s: string) => { copied.push(s); } } });
    render(<MfaCodesRegion now={() => nowMs} />, root);
    await settle();
    root.querySelector<HTMLButtonElement>('button.mfa-code')!.click();
    await settle();
    expect(copied).toEqual([referenceTotp(SECRET, nowMs)]);
    expect(root.querySelector('[role="status"]')!.textContent).toBe(`Kode public-siasn (${NIP}) tersalin.`);
  });

  it('searches once there are more than 3 accounts', async () => {
    for (const name of ['alpha', 'beta', 'gamma', 'delta']) {
      await add(`otpauth://totp/Kantor:${name}?secret=${SECRET2}&issuer=Kantor`);
    }
    render(<MfaCodesRegion now={() => nowMs} />, root);
    await settle();
    const search = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(search.getAttribute('aria-label')).toBe('Cari akun');
    act(() => {
      search.value = 'ETA';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(items().map((i) => i.label)).toEqual(['Kantor beta']);
  });

  it('pins and moves from the popup; moving stays within its group, pinning goes above ASN Digital', async () => {
    await add(`otpauth://totp/public-siasn:${NIP}?secret=${SECRET}&issuer=public-siasn`);
    await add(`otpauth://totp/GitHub:budi?secret=${SECRET2}&issuer=GitHub`);
    await add(`otpauth://totp/Bank:budi?secret=${SECRET2}AB&issuer=Bank`);
    render(<MfaCodesRegion now={() => nowMs} />, root);
    await settle();
    const button = (text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === text)!;
    button('Atur urutan').click();
    await settle();
    const byLabel = (label: string) => root.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!;
    expect(byLabel(`Turunkan public-siasn (${NIP})`).disabled).toBe(true);
    expect(byLabel('Naikkan GitHub (budi)').disabled).toBe(true);
    byLabel('Turunkan GitHub (budi)').click();
    await settle();
    expect(items().map((i) => i.label)).toEqual([`public-siasn ${NIP}`, 'Bank budi', 'GitHub budi']);
    // Each pin toggle names its account (not three buttons all called "Sematkan").
    const pins = [...root.querySelectorAll<HTMLButtonElement>('.mfa-tools button[aria-pressed]')];
    expect(pins.map((b) => [b.textContent, b.getAttribute('aria-label'), b.getAttribute('aria-pressed')])).toEqual([
      ['Sematkan', `Sematkan public-siasn (${NIP}) di atas`, 'false'],
      ['Sematkan', 'Sematkan Bank (budi) di atas', 'false'],
      ['Sematkan', 'Sematkan GitHub (budi) di atas', 'false'],
    ]);
    byLabel('Sematkan GitHub (budi) di atas').click();
    await settle();
    expect(items().map((i) => i.label)).toEqual(['GitHub budi', `public-siasn ${NIP}`, 'Bank budi']);
    expect(byLabel('Lepas sematan GitHub (budi)').getAttribute('aria-pressed')).toBe('true');
    expect((await service.handlers.listAccounts(undefined)).accounts[0]).toMatchObject({ issuer: 'GitHub', pinned: true });
  });

  it('locked: asks for the passphrase; a wrong one says so, the right one shows the codes', async () => {
    await add(`otpauth://totp/public-siasn:${NIP}?secret=${SECRET}&issuer=public-siasn`);
    await service.handlers.setVaultPassphrase({ current: null, next: 'kopi tubruk pagi' });
    await service.handlers.lockVault(undefined);
    render(<MfaCodesRegion now={() => nowMs} />, root);
    await settle();
    expect(items()[0]!.code).toBeNull();
    const input = root.querySelector<HTMLInputElement>('#vault-passphrase')!;
    const submit = () => act(() => { root.querySelector('form.mfa-unlock')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })); });
    input.value = 'salah';
    await submit();
    await settle();
    expect(root.querySelector('#vault-unlock-error')!.textContent).toBe('Kata sandi salah. Tidak ada yang diubah.');
    expect(items()[0]!.code).toBeNull();
    input.value = 'kopi tubruk pagi';
    await submit();
    await settle();
    expect(items()[0]!.code).toBe(group(referenceTotp(SECRET, nowMs)));
    expect(root.querySelector('#vault-passphrase')).toBeNull();
  });

  it('shows a wrong clock and corrects the codes', async () => {
    await add(`otpauth://totp/public-siasn:${NIP}?secret=${SECRET}&issuer=public-siasn`);
    await fakeBrowser.storage.local.set({ [CLOCK_STORAGE_KEY]: { offsetMs: 95_000, checkedAt: nowMs - 1000 } });
    await service.handlers.getCodesSnapshot(undefined);
    render(<MfaCodesRegion now={() => nowMs} />, root);
    await settle();
    expect(root.querySelector('.mfa-clock')!.textContent).toBe('Jam komputer ini terlambat 95 detik dibanding server ASN Digital. Kode sudah disesuaikan; sebaiknya betulkan jam komputer.');
    expect(items()[0]!.code).toBe(group(referenceTotp(SECRET, nowMs + 95_000)));
    expect(fetches).toBe(0); // checked a second ago: not again
  });

  it('without accounts: says so and offers to add one', async () => {
    render(<MfaCodesRegion now={() => nowMs} />, root);
    await settle();
    expect(root.textContent).toContain('Belum ada akun MFA.');
    const addButton = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Tambah akun')!;
    addButton.click();
    // The add form is loaded lazily (its own chunk): wait for it, however busy the machine is.
    const textarea = await vi.waitFor(async () => {
      await settle();
      const el = root.querySelector<HTMLTextAreaElement>('#mfa-add-link');
      if (!el) throw new Error('the add form has not loaded yet');
      return el;
    }, { timeout: 10_000 });
    act(() => {
      textarea.value = `otpauth://totp/public-siasn:${NIP}?secret=${SECRET}&issuer=public-siasn`;
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => { textarea.form!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })); });
    await settle();
    expect(items()[0]!.code).toBe(group(referenceTotp(SECRET, nowMs)));
    expect(root.querySelector('.mfa-add [role="status"]')!.textContent).toBe('1 akun ditambahkan.');
  });
});

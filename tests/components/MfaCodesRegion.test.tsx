import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MfaCodesRegion } from '@/components/MfaCodesRegion';
import { accountsCapability } from '@/utils/background/accounts';
import { clockCheckItem } from '@/utils/storage/items';
import { referenceTotp } from '../utils/vault/reference';
import { backgroundPerTest } from '../helpers/background';
import { $, button, click, mount, root, submit, type, rootPerTest, waitFor } from '../helpers/dom';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const SECRET2 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const NIP = '199001012015011001';

let nowMs: number;
let fetches: number;

beforeEach(() => {
  nowMs = Date.UTC(2026, 10, 30, 0, 0, 10);
  fetches = 0;
});
const bg = backgroundPerTest(() => ({
  now: () => new Date(nowMs),
  capabilities: [
    (d) => accountsCapability(d, {
      iterations: 1000,
      fetch: async () => {
        fetches++;
        throw new TypeError('offline');
      },
    }),
  ],
}));
rootPerTest();

async function add(text: string) {
  const res = await bg.service.handlers.addAccounts({ source: { kind: 'text', text } });
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
  it('says once when the codes are on screen (the popup then loads what is below them)', async () => {
    await add(`otpauth://totp/public-siasn:${NIP}?secret=${SECRET}&issuer=public-siasn`);
    const shown = vi.fn(() => expect(root.querySelector('button.mfa-code')).not.toBeNull());
    mount(<MfaCodesRegion now={() => nowMs} onShown={shown} />);
    await waitFor(() => expect(shown).toHaveBeenCalledTimes(1));
    expect(shown).toHaveReturned();
    nowMs += 30_000;
    await waitFor(() => expect(items()[0]!.left).toBe('20'));
    expect(shown).toHaveBeenCalledTimes(1);
  });

  const open = () => mount(<MfaCodesRegion now={() => nowMs} />);

  it('shows every account with its grouped code and countdown, the ASN Digital account first', async () => {
    await add(`otpauth://totp/GitHub:budi?secret=${SECRET2}&issuer=GitHub`);
    await add(`otpauth://totp/public-siasn:${NIP}?secret=${SECRET}&issuer=public-siasn`);
    open();
    await waitFor(() => expect(items()).toEqual([
      { label: `public-siasn ${NIP}`, code: group(referenceTotp(SECRET, nowMs)), left: '20', warn: false },
      { label: 'GitHub budi', code: group(referenceTotp(SECRET2, nowMs)), left: '20', warn: false },
    ]));
    await bg.idle();
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
    open();
    await waitFor(() => expect(items()[0]).toMatchObject({ left: '6', warn: false }));
    const before = items()[0]!.code;
    // The clock moves on: the next tick (about a second later) shows it.
    nowMs += 1000;
    await waitFor(() => expect(items()[0]).toMatchObject({ left: '5', warn: true, code: before }));
    nowMs = Date.UTC(2026, 10, 30, 0, 0, 30, 5);
    await waitFor(() => expect(items()[0]).toMatchObject({ left: '30', warn: false, code: group(referenceTotp(SECRET, nowMs)) }));
    expect(items()[0]!.code).not.toBe(before);
  });

  it('copies the plain code on click, with a visible confirmation', async () => {
    await add(`otpauth://totp/public-siasn:${NIP}?secret=${SECRET}&issuer=public-siasn`);
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (s: string) => { copied.push(s); } } });
    open();
    const code = await waitFor(() => $<HTMLButtonElement>('button.mfa-code'));
    click(code);
    await waitFor(() => expect($('[role="status"]').textContent).toBe(`Kode public-siasn (${NIP}) tersalin.`));
    expect(copied).toEqual([referenceTotp(SECRET, nowMs)]);
  });

  it('searches once there are more than 3 accounts', async () => {
    for (const name of ['alpha', 'beta', 'gamma', 'delta']) {
      await add(`otpauth://totp/Kantor:${name}?secret=${SECRET2}&issuer=Kantor`);
    }
    open();
    const search = await waitFor(() => $<HTMLInputElement>('input[type="search"]'));
    expect(search.getAttribute('aria-label')).toBe('Cari akun');
    type(search, 'ETA');
    expect(items().map((i) => i.label)).toEqual(['Kantor beta']);
  });

  it('pins and moves from the popup; moving stays within its group, pinning goes above ASN Digital', async () => {
    await add(`otpauth://totp/public-siasn:${NIP}?secret=${SECRET}&issuer=public-siasn`);
    await add(`otpauth://totp/GitHub:budi?secret=${SECRET2}&issuer=GitHub`);
    await add(`otpauth://totp/Bank:budi?secret=${SECRET2}AB&issuer=Bank`);
    open();
    click(await waitFor(() => button('Atur urutan')));
    expect(button(`Turunkan public-siasn (${NIP})`).disabled).toBe(true);
    expect(button('Naikkan GitHub (budi)').disabled).toBe(true);
    click('Turunkan GitHub (budi)');
    await waitFor(() => expect(items().map((i) => i.label)).toEqual([`public-siasn ${NIP}`, 'Bank budi', 'GitHub budi']));
    // Each pin toggle names its account (not three buttons all called "Sematkan").
    const pins = [...root.querySelectorAll<HTMLButtonElement>('.mfa-tools button[aria-pressed]')];
    expect(pins.map((b) => [b.textContent, b.getAttribute('aria-label'), b.getAttribute('aria-pressed')])).toEqual([
      ['Sematkan', `Sematkan public-siasn (${NIP}) di atas`, 'false'],
      ['Sematkan', 'Sematkan Bank (budi) di atas', 'false'],
      ['Sematkan', 'Sematkan GitHub (budi) di atas', 'false'],
    ]);
    click('Sematkan GitHub (budi) di atas');
    await waitFor(() => expect(items().map((i) => i.label)).toEqual(['GitHub budi', `public-siasn ${NIP}`, 'Bank budi']));
    expect(button('Lepas sematan GitHub (budi)').getAttribute('aria-pressed')).toBe('true');
    expect((await bg.service.handlers.listAccounts(undefined)).accounts[0]).toMatchObject({ issuer: 'GitHub', pinned: true });
  });

  it('locked: asks for the passphrase; a wrong one says so, the right one shows the codes', async () => {
    await add(`otpauth://totp/public-siasn:${NIP}?secret=${SECRET}&issuer=public-siasn`);
    await bg.service.handlers.setVaultPassphrase({ current: null, next: 'kopi tubruk pagi' });
    await bg.service.handlers.lockVault(undefined);
    open();
    const input = await waitFor(() => $<HTMLInputElement>('#vault-passphrase'));
    expect(items()[0]!.code).toBeNull();
    input.value = 'salah';
    submit(input);
    await waitFor(() => expect($('#vault-unlock-error').textContent).toBe('Kata sandi salah. Tidak ada yang diubah.'));
    expect(items()[0]!.code).toBeNull();
    input.value = 'kopi tubruk pagi';
    submit(input);
    await waitFor(() => expect(items()[0]!.code).toBe(group(referenceTotp(SECRET, nowMs))));
    expect(root.querySelector('#vault-passphrase')).toBeNull();
  });

  it('shows a wrong clock and corrects the codes', async () => {
    await add(`otpauth://totp/public-siasn:${NIP}?secret=${SECRET}&issuer=public-siasn`);
    await clockCheckItem.setValue({ offsetMs: 95_000, checkedAt: nowMs - 1000 });
    await bg.service.handlers.getCodesSnapshot(undefined);
    open();
    await waitFor(() => expect($('.mfa-clock').textContent).toBe('Jam komputer ini terlambat 95 detik dibanding server ASN Digital. Kode sudah disesuaikan; sebaiknya betulkan jam komputer.'));
    expect(items()[0]!.code).toBe(group(referenceTotp(SECRET, nowMs + 95_000)));
    await bg.idle();
    expect(fetches).toBe(0); // checked a second ago: not again
  });

  it('without accounts: says so and offers to add one', async () => {
    open();
    await waitFor(() => expect(root.textContent).toContain('Belum ada akun MFA.'));
    click('Tambah akun');
    // The add form is loaded lazily (its own chunk): wait for it, however busy the machine is.
    const textarea = await waitFor(() => $<HTMLTextAreaElement>('#mfa-add-link'));
    type(textarea, `otpauth://totp/public-siasn:${NIP}?secret=${SECRET}&issuer=public-siasn`);
    submit(textarea);
    await waitFor(() => expect(items()[0]?.code).toBe(group(referenceTotp(SECRET, nowMs))));
    expect($('.mfa-add [role="status"]').textContent).toBe('1 akun ditambahkan.');
  });
});

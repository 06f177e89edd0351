import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { AccountsSection } from '@/components/AccountsSection';
import { createService, registerHandlers, type Service } from '@/utils/background/service';
import { accountsCapability, AccountsError } from '@/utils/background/accounts';
import { removeAllListeners } from '@/utils/messaging/protocol';
import { openDb, type Db } from '@/utils/db/db';
import { VAULT_KEY } from '@/utils/db/schema';
import { qrImage } from '../utils/totp/qr-encoder';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const NIP = '199001012015011001';
const LINK = `otpauth://totp/public-siasn:${NIP}?secret=${SECRET}&issuer=public-siasn`;

let db: Db;
let root: HTMLElement;
let service: Service;
let n = 0;

beforeEach(async () => {
  db = await openDb(`accounts-section-test-${n++}`);
  service = createService(async () => db, () => new Date(Date.UTC(2026, 10, 30, 1)), [
    (d) => accountsCapability(d, {
      iterations: 1000,
      // An "image" here is a PNG data URL whose bytes are the QR code's text; the real decoder reads its pixels.
      async decodeImage(dataUrl) {
        const m = /^data:image\/png;base64,(.*)$/.exec(dataUrl);
        if (!m) throw new AccountsError('mfa_err_image');
        return qrImage(atob(m[1]!), { scale: 3 });
      },
      fetch: async () => { throw new TypeError('offline'); },
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
  for (let i = 0; i < 8; i++) await act(() => new Promise((r) => setTimeout(r, 5)));
}

const button = (text: string, scope: ParentNode = root) => {
  const b = [...scope.querySelectorAll('button')].find((x) => x.textContent === text);
  if (!b) throw new Error(`no button "${text}"`);
  return b;
};
const type = (selector: string, value: string) => act(() => {
  const el = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
});
const submit = (selector: string) => act(() => {
  root.querySelector(selector)!.closest('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
});
const accountRows = () => [...root.querySelectorAll('.account-rows li > span')].map((s) => s.textContent!.trim());
const alerts = () => [...root.querySelectorAll('[role="alert"]')].map((a) => a.textContent).filter(Boolean);

describe('options: MFA accounts', () => {
  it('adds a pasted link, then asks before adding it twice', async () => {
    render(<AccountsSection />, root);
    await settle();
    expect(root.querySelector('h2')!.textContent).toBe('Akun MFA');
    await type('#mfa-add-link', LINK);
    await submit('#mfa-add-link');
    await settle();
    expect(accountRows()).toEqual([`public-siasn ${NIP}`]);
    expect(root.querySelector('.mfa-add [role="status"]')!.textContent).toBe('1 akun ditambahkan.');

    await type('#mfa-add-link', LINK);
    await submit('#mfa-add-link');
    await settle();
    expect(root.textContent).toContain(`Akun ini sudah tersimpan (penerbit, nama, dan kunci sama): public-siasn (${NIP}).`);
    expect(await db.count('accounts')).toBe(1);
    button('Lewati yang sudah ada').click();
    await settle();
    expect(root.querySelector('.mfa-add [role="status"]')!.textContent).toBe('Tidak ada akun baru yang ditambahkan. 1 akun yang sudah ada dilewati.');
    expect(await db.count('accounts')).toBe(1);
  });

  it('bad input: a translated message and nothing changes', async () => {
    render(<AccountsSection />, root);
    await settle();
    await type('#mfa-add-link', `otpauth://hotp/x:y?secret=${SECRET}`);
    await submit('#mfa-add-link');
    await settle();
    expect(alerts()).toEqual(['Akun ini memakai kode berbasis hitungan (HOTP). Yang didukung hanya kode berbasis waktu (TOTP).']);
    expect(await db.count('accounts')).toBe(0);
  });

  it('types a key by hand, and opens a QR image file', async () => {
    render(<AccountsSection />, root);
    await settle();
    await type('#mfa-add-account', NIP);
    await type('#mfa-add-secret', 'jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp');
    await submit('#mfa-add-secret');
    await settle();
    expect(accountRows()).toEqual([`public-siasn ${NIP}`]);

    const input = root.querySelector<HTMLInputElement>('#mfa-add-file')!;
    const file = new File(['otpauth://totp/GitHub:budi?secret=GEZDGNBVGY3TQOJQ&issuer=GitHub'], 'qr.png', { type: 'image/png' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(accountRows()).toEqual([`public-siasn ${NIP}`, 'GitHub budi']);
  });

  it('sets a passphrase (with the plain warning), locks, refuses a wrong one, unlocks, changes and removes it', async () => {
    await service.handlers.addAccounts({ source: { kind: 'text', text: LINK } });
    render(<AccountsSection />, root);
    await settle();
    expect(root.textContent).toContain('Tanpa kata sandi: kunci rahasia tersimpan tanpa enkripsi di komputer ini.');
    expect(root.textContent).toContain('kata sandi yang terlupa TIDAK BISA dipulihkan');

    await type('#vault-set-next', 'kopi tubruk pagi');
    await type('#vault-set-confirm', 'kopi tubruk sore');
    await submit('#vault-set-next');
    await settle();
    expect(alerts()).toEqual(['Kedua kata sandi tidak sama. Ketik ulang.']);
    await type('#vault-set-next', 'pendek');
    await type('#vault-set-confirm', 'pendek');
    await submit('#vault-set-next');
    await settle();
    expect(alerts()).toEqual(['Kata sandi minimal 8 karakter. Rangkaian beberapa kata yang mudah Anda ingat lebih baik.']);
    expect(await db.get('vault', VAULT_KEY)).toBeUndefined();

    await type('#vault-set-next', 'kopi tubruk pagi');
    await type('#vault-set-confirm', 'kopi tubruk pagi');
    await submit('#vault-set-next');
    await settle();
    expect(root.querySelector('.vault-state')!.textContent).toBe('Brankas terbuka. Terkunci otomatis setelah 15 menit tidak dipakai.');
    expect((await db.getAll('accounts'))[0]).not.toHaveProperty('secret');

    button('Kunci sekarang', root.querySelector('.vault-panel')!).click();
    await settle();
    expect(root.querySelector('.vault-state')!.textContent).toBe('Brankas terkunci.');
    const stored = await db.getAll('accounts');
    await type('#vault-unlock-passphrase', 'kopi tubruk sore');
    await submit('#vault-unlock-passphrase');
    await settle();
    expect(alerts()).toEqual(['Kata sandi salah. Tidak ada yang diubah.']);
    expect(await db.getAll('accounts')).toEqual(stored);
    await type('#vault-unlock-passphrase', 'kopi tubruk pagi');
    await submit('#vault-unlock-passphrase');
    await settle();
    expect(root.querySelector('.vault-state')!.textContent).toContain('Brankas terbuka.');

    await type('#vault-change-current', 'salah sekali');
    await type('#vault-change-next', 'teh manis sore');
    await type('#vault-change-confirm', 'teh manis sore');
    await submit('#vault-change-current');
    await settle();
    expect(alerts()).toEqual(['Kata sandi salah. Tidak ada yang diubah.']);
    expect(await db.getAll('accounts')).toEqual(stored);
    await type('#vault-change-current', 'kopi tubruk pagi');
    await submit('#vault-change-current');
    await settle();
    expect(root.querySelector('.vault-panel [role="status"]')!.textContent).toBe('Kata sandi diganti. Semua kunci rahasia dienkripsi ulang.');

    await type('#vault-remove-current', 'teh manis sore');
    await submit('#vault-remove-current');
    await settle();
    expect(root.querySelector('.vault-state')!.textContent).toBe('Tanpa kata sandi: kunci rahasia tersimpan tanpa enkripsi di komputer ini.');
    expect((await db.getAll('accounts'))[0]!.secret).toBe(SECRET);
  });

  it('pins, moves, renames and removes after asking', async () => {
    await service.handlers.addAccounts({ source: { kind: 'text', text: 'otpauth://totp/GitHub:budi?secret=GEZDGNBVGY3TQOJQ&issuer=GitHub' } });
    await service.handlers.addAccounts({ source: { kind: 'text', text: 'otpauth://totp/Bank:budi?secret=GEZDGNBVGY3TQOJQGE&issuer=Bank' } });
    render(<AccountsSection />, root);
    await settle();
    expect(accountRows()).toEqual(['GitHub budi', 'Bank budi']);
    root.querySelector<HTMLButtonElement>('button[aria-label="Naikkan Bank (budi)"]')!.click();
    await settle();
    expect(accountRows()).toEqual(['Bank budi', 'GitHub budi']);
    root.querySelector<HTMLButtonElement>('button[aria-label="Ubah nama GitHub (budi)"]')!.click();
    await settle();
    const id = (await service.handlers.listAccounts(undefined)).accounts[1]!.id;
    await type(`#rename-account-${id}`, 'budi.santoso');
    await submit(`#rename-account-${id}`);
    await settle();
    expect(accountRows()).toEqual(['Bank budi', 'GitHub budi.santoso']);
    root.querySelector<HTMLButtonElement>('button[aria-label="Hapus Bank (budi)"]')!.click();
    await settle();
    expect(root.textContent).toContain('Hapus akun Bank (budi)?');
    expect(await db.count('accounts')).toBe(2);
    button('Ya, hapus').click();
    await settle();
    expect(accountRows()).toEqual(['GitHub budi.santoso']);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { AccountsSection } from '@/components/AccountsSection';
import { accountsCapability, AccountsError } from '@/utils/background/accounts';
import { VAULT_KEY } from '@/utils/db/schema';
import { qrImage } from '../utils/totp/qr-encoder';
import { graySource, grayFromRgba } from '@/utils/totp/qr';
import { backgroundPerTest } from '../helpers/background';
import { $, button, click, mount, pickFile, root, submit, type, rootPerTest, waitFor } from '../helpers/dom';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const NIP = '199001012015011001';
const LINK = `otpauth://totp/public-siasn:${NIP}?secret=${SECRET}&issuer=public-siasn`;

// The options page reads image files in a Web Worker (utils/totp/qr-file.ts), which happy-dom
// lacks: here a "file" holds the QR code's text, drawn as a code of 3 px modules and read by the
// real multi-size reader in-process (the browser's decoding is in the e2e test).
vi.mock('@/utils/totp/qr-file', async () => {
  const { findQr, grayFromRgba } = await import('@/utils/totp/qr');
  const { qrImage } = await import('../utils/totp/qr-encoder');
  return {
    async readQrFile(file: Blob) {
      const text = await file.text();
      const img = text === 'blank' ? { data: new Uint8ClampedArray(300 * 200 * 4).fill(255), width: 300, height: 200 } : qrImage(text, { scale: 3, offset: 500, canvas: 1000 });
      try {
        return { ok: true, found: findQr(grayFromRgba(img.data, img.width, img.height)), ms: 1 };
      } catch {
        return { ok: false, error: 'otp_err_no_qr' };
      }
    },
  };
});

const bg = backgroundPerTest(() => ({
  now: () => new Date(Date.UTC(2026, 10, 30, 1)),
  capabilities: [
    (d) => accountsCapability(d, {
      iterations: 1000,
      // An "image" here is a PNG data URL whose bytes are the QR code's text; the real decoder reads its pixels.
      async decodeImage(dataUrl) {
        const m = /^data:image\/png;base64,(.*)$/.exec(dataUrl);
        if (!m) throw new AccountsError('mfa_err_image');
        const img = qrImage(atob(m[1]!), { scale: 3 });
        return graySource(grayFromRgba(img.data, img.width, img.height));
      },
      fetch: async () => { throw new TypeError('offline'); },
    }),
  ],
}));
rootPerTest();

/** Mounts the section and waits until it shows what the background answered. */
async function open() {
  mount(<AccountsSection />);
  await bg.idle();
  await waitFor(() => $('#mfa-add-link'));
}
/** Submits the form holding `selector` and waits until the background has answered. */
async function send(selector: string) {
  submit(selector);
  await bg.idle();
}
/** Clicks and waits until the background has answered. */
async function press(target: HTMLElement | string) {
  click(target);
  await bg.idle();
}
const accountRows = () => [...root.querySelectorAll('.account-rows li > span')].map((s) => s.textContent!.trim());
const alerts = () => [...root.querySelectorAll('[role="alert"]')].map((a) => a.textContent).filter(Boolean);

describe('options: MFA accounts', () => {
  it('adds a pasted link, then asks before adding it twice', async () => {
    await open();
    expect(root.querySelector('h2')!.textContent).toBe('Akun MFA');
    type('#mfa-add-link', LINK);
    await send('#mfa-add-link');
    await waitFor(() => expect(accountRows()).toEqual([`public-siasn ${NIP}`]));
    expect($('.mfa-add [role="status"]').textContent).toBe('1 akun ditambahkan.');

    type('#mfa-add-link', LINK);
    await send('#mfa-add-link');
    await waitFor(() => expect(root.textContent).toContain(`Akun ini sudah tersimpan (penerbit, nama, dan kunci sama): public-siasn (${NIP}).`));
    expect(await bg.db.count('accounts')).toBe(1);
    await press('Lewati yang sudah ada');
    await waitFor(() => expect($('.mfa-add [role="status"]').textContent).toBe('Tidak ada akun baru yang ditambahkan. 1 akun yang sudah ada dilewati.'));
    expect(await bg.db.count('accounts')).toBe(1);
  });

  it('bad input: a translated message and nothing changes', async () => {
    await open();
    type('#mfa-add-link', `otpauth://hotp/x:y?secret=${SECRET}`);
    await send('#mfa-add-link');
    await waitFor(() => expect(alerts()).toEqual(['Akun ini memakai kode berbasis hitungan (HOTP). Yang didukung hanya kode berbasis waktu (TOTP).']));
    expect(await bg.db.count('accounts')).toBe(0);
  });

  it('types a key by hand, and opens a QR image file', async () => {
    await open();
    type('#mfa-add-account', NIP);
    type('#mfa-add-secret', 'jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp');
    await send('#mfa-add-secret');
    await waitFor(() => expect(accountRows()).toEqual([`public-siasn ${NIP}`]));

    pickFile($<HTMLInputElement>('#mfa-add-file'), new File(['blank'], 'kosong.png', { type: 'image/png' }));
    await waitFor(() => expect(alerts()).toEqual(['Tidak ada kode QR yang terbaca pada gambar.']));
    const file = new File(['otpauth://totp/GitHub:budi?secret=GEZDGNBVGY3TQOJQ&issuer=GitHub'], 'qr.png', { type: 'image/png' });
    pickFile($<HTMLInputElement>('#mfa-add-file'), file);
    await waitFor(() => expect(accountRows()).toEqual([`public-siasn ${NIP}`, 'GitHub budi']));
    // Which size of the picture the code was read at.
    await waitFor(() => expect(root.textContent).toContain('1 akun ditambahkan. Kode QR terbaca pada gambar yang diperkecil ke 800 px (aslinya 1000 × 1000 px).'));
    expect(alerts()).toEqual([]);
  });

  it('sets a passphrase (with the plain warning), locks, refuses a wrong one, unlocks, changes and removes it', async () => {
    await bg.service.handlers.addAccounts({ source: { kind: 'text', text: LINK } });
    await open();
    await waitFor(() => expect(root.textContent).toContain('Tanpa kata sandi: kunci rahasia tersimpan tanpa enkripsi di komputer ini.'));
    expect(root.textContent).toContain('kata sandi yang terlupa TIDAK BISA dipulihkan');

    type('#vault-set-next', 'kopi tubruk pagi');
    type('#vault-set-confirm', 'kopi tubruk sore');
    await send('#vault-set-next');
    await waitFor(() => expect(alerts()).toEqual(['Kedua kata sandi tidak sama. Ketik ulang.']));
    type('#vault-set-next', 'pendek');
    type('#vault-set-confirm', 'pendek');
    await send('#vault-set-next');
    await waitFor(() => expect(alerts()).toEqual(['Kata sandi minimal 8 karakter. Rangkaian beberapa kata yang mudah Anda ingat lebih baik.']));
    expect(await bg.db.get('vault', VAULT_KEY)).toBeUndefined();

    type('#vault-set-next', 'kopi tubruk pagi');
    type('#vault-set-confirm', 'kopi tubruk pagi');
    await send('#vault-set-next');
    await waitFor(() => expect($('.vault-state').textContent).toBe('Brankas terbuka. Terkunci otomatis setelah 15 menit tidak dipakai.'));
    expect((await bg.db.getAll('accounts'))[0]).not.toHaveProperty('secret');

    await press(button('Kunci sekarang', $('.vault-panel')));
    await waitFor(() => expect($('.vault-state').textContent).toBe('Brankas terkunci.'));
    const stored = await bg.db.getAll('accounts');
    type('#vault-unlock-passphrase', 'kopi tubruk sore');
    await send('#vault-unlock-passphrase');
    await waitFor(() => expect(alerts()).toEqual(['Kata sandi salah. Tidak ada yang diubah.']));
    expect(await bg.db.getAll('accounts')).toEqual(stored);
    type('#vault-unlock-passphrase', 'kopi tubruk pagi');
    await send('#vault-unlock-passphrase');
    await waitFor(() => expect($('.vault-state').textContent).toContain('Brankas terbuka.'));

    type('#vault-change-current', 'salah sekali');
    type('#vault-change-next', 'teh manis sore');
    type('#vault-change-confirm', 'teh manis sore');
    await send('#vault-change-current');
    await waitFor(() => expect(alerts()).toEqual(['Kata sandi salah. Tidak ada yang diubah.']));
    expect(await bg.db.getAll('accounts')).toEqual(stored);
    type('#vault-change-current', 'kopi tubruk pagi');
    await send('#vault-change-current');
    await waitFor(() => expect($('.vault-panel [role="status"]').textContent).toBe('Kata sandi diganti. Semua kunci rahasia dienkripsi ulang.'));

    type('#vault-remove-current', 'teh manis sore');
    await send('#vault-remove-current');
    await waitFor(() => expect($('.vault-state').textContent).toBe('Tanpa kata sandi: kunci rahasia tersimpan tanpa enkripsi di komputer ini.'));
    expect((await bg.db.getAll('accounts'))[0]!.secret).toBe(SECRET);
  });

  it('pins, moves, renames and removes after asking', async () => {
    await bg.service.handlers.addAccounts({ source: { kind: 'text', text: 'otpauth://totp/GitHub:budi?secret=GEZDGNBVGY3TQOJQ&issuer=GitHub' } });
    await bg.service.handlers.addAccounts({ source: { kind: 'text', text: 'otpauth://totp/Bank:budi?secret=GEZDGNBVGY3TQOJQGE&issuer=Bank' } });
    await open();
    await waitFor(() => expect(accountRows()).toEqual(['GitHub budi', 'Bank budi']));
    await press('Naikkan Bank (budi)');
    await waitFor(() => expect(accountRows()).toEqual(['Bank budi', 'GitHub budi']));
    click('Ubah nama GitHub (budi)');
    const id = (await bg.service.handlers.listAccounts(undefined)).accounts[1]!.id;
    type(`#rename-account-${id}`, 'budi.santoso');
    await send(`#rename-account-${id}`);
    await waitFor(() => expect(accountRows()).toEqual(['Bank budi', 'GitHub budi.santoso']));
    click('Hapus Bank (budi)');
    await waitFor(() => expect(root.textContent).toContain('Hapus akun Bank (budi)?'));
    expect(await bg.db.count('accounts')).toBe(2);
    await press('Ya, hapus');
    await waitFor(() => expect(accountRows()).toEqual(['GitHub budi.santoso']));
  });
});

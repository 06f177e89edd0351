import { describe, expect, it, vi } from 'vitest';
import { FillControl, type FillControlProps } from '@/components/FillControl';
import { createFillSession } from '@/utils/fill/fill-modal';
import type { TemplateRecord } from '@/utils/db/schema';
import type { TemplateChoice } from '@/utils/messaging/templates';
import { byText, loadReplica, openModal, replica, tick, until, userClick } from '../utils/fill/replica';
import { readFormEntry } from '@/utils/site/form-entry';
import type { FormTemplateResult } from '@/utils/messaging/templates';

const WEEKDAYS: TemplateRecord = {
  id: 't-weekdays', name: 'Mengajar', rencanaAksi: 'Melaksanakan pembelajaran tatap muka', jamMulai: '07:30', jamSelesai: '09:00',
  kegiatan: 'Mengajar {hari}', realisasi: 2, satuan: '', buktiDukung: '', weekdays: [1, 2, 3, 4, 5], isDefault: true, order: 0,
};
const SATURDAY: TemplateRecord = {
  ...WEEKDAYS, id: 't-sabtu', name: 'Ekstrakurikuler', rencanaAksi: 'Rencana yang sudah dihapus', kegiatan: 'Pramuka', realisasi: 1, weekdays: [6], isDefault: false, order: 1,
};

/** The control on the replica's modal, with a session whose today is `today`. */
async function control(templates: TemplateRecord[] | null, today = '2026-11-27', extra: Partial<FillControlProps> = {}) {
  loadReplica();
  const modal = await openModal();
  const session = createFillSession(modal, () => '2026-11-27', () => performance.now());
  const saveTemplate = vi.fn(async (id: string, rencanaAksi: string) => ({ ...templates!.find((t) => t.id === id)!, rencanaAksi }));
  // The background: names and days first, the whole template at the click.
  const stored = new Map((templates ?? []).map((t) => [t.id, t]));
  const loadTemplate = vi.fn(async (id: string) => stored.get(id) ?? null);
  const choices: TemplateChoice[] | null = templates && templates.map(({ id, name, weekdays, isDefault, order }) => ({ id, name, weekdays, isDefault, order }));
  const root = FillControl({ choices, today, session, loadTemplate, rememberRencanaAksi: saveTemplate, ...extra });
  // In a shadow root, as mounted on the site: the form's own labels are all the page sees.
  const host = document.createElement('div');
  host.attachShadow({ mode: 'open' }).append(root);
  modal.querySelector('.modal-body')!.prepend(host);
  const button = (name: string) => byText(root, 'button', name);
  const done = (state = 'done') => until(() => root.getAttribute('data-state') === state);
  const select = () => root.querySelector<HTMLSelectElement>('select#fc-template')!;
  return { modal, root, host, session, saveTemplate, loadTemplate, stored, button, done, select };
}

/** An event the user made (`isTrusted`), as the browser dispatches it. */
function userEvent(el: Element, type: string): void {
  const e = new Event(type, { bubbles: true, composed: true });
  Object.defineProperty(e, 'isTrusted', { value: true });
  el.dispatchEvent(e);
}

/** The user opens the chooser (their pointer on it) and picks `id`. */
function userPicks(select: HTMLSelectElement, id: string): void {
  userEvent(select, 'pointerdown');
  select.value = id;
  userEvent(select, 'change');
}

describe('FillControl', () => {
  it('shows the date it fills for, offers today or a missed day, and picks the template by that day\'s weekday', async () => {
    const c = await control([WEEKDAYS, SATURDAY], '2026-11-28', { missed: ['2026-11-27', '2026-11-26'], offDays: { '2026-11-28': 'Akhir pekan' } });
    const date = c.root.querySelector<HTMLSelectElement>('select#fc-date')!;
    expect(c.root.querySelector('label[for="fc-date"]')?.textContent).toBe('Untuk:');
    expect([...date.options].map((o) => o.textContent)).toEqual(['Sabtu, 28 November 2026 (hari ini)', 'Jumat, 27 November 2026', 'Kamis, 26 November 2026']);
    expect(c.select().value).toBe('t-sabtu');
    // Before anything is filled: the day is not a working day, and why.
    const warning = c.root.querySelector<HTMLElement>('.warn')!;
    expect(warning.hidden).toBe(false);
    expect(warning.textContent).toBe('Perhatian: Sabtu, 28 November 2026 bukan hari kerja (Akhir pekan). Pilih tanggal lain di "Untuk", atau isi hanya bila memang bekerja hari itu.');
    // A page script's change of the date is ignored; the user's is followed, with that day's template.
    date.value = '2026-11-26';
    date.dispatchEvent(new Event('change', { bubbles: true }));
    expect(c.select().value).toBe('t-sabtu');
    date.value = '2026-11-27';
    userEvent(date, 'change');
    expect(c.select().value).toBe('t-weekdays');
    expect(warning.hidden).toBe(true);
    userClick(c.button('Isi dari template')!);
    await c.done();
    expect(replica().state()).toMatchObject({ tanggal: '2026-11-27', kegiatan: 'Mengajar Jumat' });
    expect(c.root.querySelector('[role="status"]')?.textContent).toBe('Terisi untuk Jumat, 27 November 2026. Periksa isinya, lalu klik OK.');
  });

  it('a run fills its day at once and says so; never at once on a day that is not a working day', async () => {
    const onFilled = vi.fn();
    const c = await control([WEEKDAYS, SATURDAY], '2026-11-28', { missed: ['2026-11-26'], date: '2026-11-26', auto: true, onFilled });
    await c.done();
    expect(replica().state()).toMatchObject({ tanggal: '2026-11-26', kegiatan: 'Mengajar Kamis' });
    expect(onFilled).toHaveBeenCalledWith('2026-11-26');

    const off = await control([WEEKDAYS], '2026-11-28', { date: '2026-11-28', auto: true, onFilled, offDays: { '2026-11-28': 'Akhir pekan' } });
    await tick(50);
    expect(off.root.getAttribute('data-state')).toBe('ready');
    expect(off.loadTemplate).not.toHaveBeenCalled();
  });

  it('preselects the template for today, fills from the chosen one and says so', async () => {
    const c = await control([WEEKDAYS, SATURDAY], '2026-11-28'); // a Saturday
    const select = c.root.querySelector<HTMLSelectElement>('select#fc-template')!;
    expect(select.value).toBe('t-sabtu');
    expect(c.root.querySelector('label[for="fc-template"]')?.textContent).toBe('Template');
    expect(c.root.getAttribute('aria-label')).toBe('Isi dari template (Asisten e-Kinerja)');
    expect(c.button('Urungkan')?.hidden).toBe(true);

    userPicks(select, 't-weekdays');
    userClick(c.button('Isi dari template')!);
    await c.done();
    expect(replica().state()).toMatchObject({ rencanaAksi: WEEKDAYS.rencanaAksi, tanggal: '2026-11-27', kegiatan: 'Mengajar Jumat', realisasi: 2 });
    expect(c.root.querySelector('[role="status"]')?.textContent).toBe('Terisi untuk Jumat, 27 November 2026. Periksa isinya, lalu klik OK.');
    expect(Number(c.root.getAttribute('data-fill-ms'))).toBeGreaterThan(0);
    expect(c.button('Urungkan')?.hidden).toBe(false);

    userClick(c.button('Urungkan')!);
    await c.done('undone');
    expect(replica().state()).toMatchObject({ rencanaAksi: null, tanggal: null, kegiatan: '', realisasi: '' });
    expect(c.root.querySelector('[role="status"]')?.textContent).toBe('Isian dikembalikan seperti semula.');
    expect(c.button('Urungkan')?.hidden).toBe(true);
  });

  it('asks before overwriting; "Batal" fills nothing, "Lewati" keeps the user\'s text', async () => {
    const c = await control([WEEKDAYS]);
    const kegiatan = c.modal.querySelector<HTMLInputElement>('[name="kegiatan"]')!;
    kegiatan.value = 'Rapat guru';
    kegiatan.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();

    userClick(c.button('Isi dari template')!);
    await c.done('confirm');
    const ask = c.root.querySelector('[role="alertdialog"]')!;
    expect(ask.getAttribute('aria-label')).toBe('Kolom ini sudah Anda isi. Timpa dengan isi template?');
    expect([...ask.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['KEGIATAN HARIAN: “Rapat guru”']);
    userClick(byText(ask, 'button', 'Batal')!);
    await c.done('ready');
    expect(replica().state()).toMatchObject({ rencanaAksi: null, kegiatan: 'Rapat guru' });

    userClick(c.button('Isi dari template')!);
    await c.done('confirm');
    userClick(byText(c.root, 'button', 'Lewati')!);
    await c.done();
    expect(replica().state()).toMatchObject({ rencanaAksi: WEEKDAYS.rencanaAksi, kegiatan: 'Rapat guru' });
    expect(c.root.querySelector('[role="status"]')?.textContent).toContain('Tidak ditimpa: KEGIATAN HARIAN.');
  });

  it('lets the user pick an unknown Rencana Aksi from the site\'s options and remembers it in the template', async () => {
    const c = await control([SATURDAY], '2026-11-28');
    userClick(c.button('Isi dari template')!);
    await c.done();
    expect(c.root.textContent).toContain('Rencana Aksi “Rencana yang sudah dihapus” dari template tidak ada di pilihan situs. Pilih yang sesuai:');
    const pick = c.root.querySelector<HTMLSelectElement>('select#fc-rencana-aksi')!;
    expect(pick.options).toHaveLength(6);
    pick.value = 'Mengelola administrasi kepegawaian';
    const remember = c.root.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(remember.checked).toBe(true);
    expect(remember.parentElement?.textContent).toBe('Ingat pilihan ini di template “Ekstrakurikuler”');
    userClick(c.button('Pakai Rencana Aksi ini')!);
    await until(() => c.saveTemplate.mock.calls.length > 0 && c.root.querySelector('select#fc-rencana-aksi') === null);
    expect(c.saveTemplate).toHaveBeenCalledWith(SATURDAY.id, 'Mengelola administrasi kepegawaian');
    expect(replica().state()).toMatchObject({ rencanaAksi: 'Mengelola administrasi kepegawaian', satuan: 'Dokumen', kegiatan: 'Pramuka' });
    expect(c.root.querySelector('[role="status"]')?.textContent).toBe('Rencana Aksi dipilih dan disimpan di template “Ekstrakurikuler”.');
  });

  it('does not save the template when the user unticks "remember"', async () => {
    const c = await control([SATURDAY], '2026-11-28');
    userClick(c.button('Isi dari template')!);
    await c.done();
    c.root.querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked = false;
    userClick(c.button('Pakai Rencana Aksi ini')!);
    await until(() => c.root.querySelector('[role="status"]')?.textContent === 'Rencana Aksi dipilih.');
    expect(c.saveTemplate).not.toHaveBeenCalled();
    expect(replica().state()?.rencanaAksi).toBe('Menyusun laporan kinerja bulanan');
  });

  it('explains when there are no templates, or when the extension does not answer', async () => {
    let c = await control([]);
    expect(c.root.textContent).toContain('Belum ada template Progress Harian.');
    expect(c.button('Isi dari template')).toBeUndefined();
    c = await control(null);
    expect(c.root.textContent).toContain('Layanan latar ekstensi tidak menjawab.');
  });

  it('saves the form as a template under a name the user gives; never replaces one without asking; names what is missing (issue 11, item 5)', async () => {
    const at: { modal?: HTMLElement } = {};
    const stored = new Set(['Mengajar']);
    const saveFormAsTemplate = vi.fn(async (name: string, replace: boolean): Promise<FormTemplateResult> => {
      const entry = readFormEntry(at.modal!);
      if (!entry.kegiatan) return { ok: false, errors: [{ field: 'kegiatan', code: 'template_error_kegiatan_required' }, { field: 'jamMulai', code: 'template_error_time_required' }] };
      if (stored.has(name) && !replace) return { ok: false, exists: name };
      stored.add(name);
      return { ok: true, template: { ...WEEKDAYS, id: `t-${name}`, name, rencanaAksi: entry.rencanaAksi, kegiatan: entry.kegiatan } };
    });
    const c = await control([WEEKDAYS], '2026-11-27', { saveFormAsTemplate });
    at.modal = c.modal;
    const status = () => c.root.querySelector('[role="status"]')?.textContent;
    const nameInput = () => c.root.querySelector<HTMLInputElement>('input#fc-template-name');
    // A page's click does nothing; the user's asks for the name.
    c.button('Simpan isian ini sebagai template')!.click();
    expect(nameInput()).toBeNull();
    userClick(c.button('Simpan isian ini sebagai template')!);
    await c.done('naming');
    expect(c.root.querySelector('label[for="fc-template-name"]')?.textContent).toBe('Nama template');
    // No name: said, nothing sent.
    userClick(c.button('Simpan template')!);
    expect(status()).toBe('Nama template wajib diisi.');
    expect(saveFormAsTemplate).not.toHaveBeenCalled();
    // An empty form: each missing field named as the site names it; the name stays.
    nameInput()!.value = 'Mengajar';
    userClick(c.button('Simpan template')!);
    await until(() => status()?.startsWith('Template belum disimpan.'));
    expect([...c.root.querySelectorAll('[role="status"] p')].map((p) => p.textContent)).toEqual([
      'Template belum disimpan. Lengkapi isian formulir dulu:', 'KEGIATAN HARIAN: Kegiatan harian wajib diisi.', 'JAM MULAI KEGIATAN: Jam wajib diisi, misalnya 07.30.',
    ]);
    expect(nameInput()?.value).toBe('Mengajar');
    userClick(c.button('Batal')!);
    // Filled from the template, then saved under a name that exists: asked first.
    userClick(c.button('Isi dari template')!);
    await c.done();
    userClick(c.button('Simpan isian ini sebagai template')!);
    nameInput()!.value = 'Mengajar';
    userClick(c.button('Simpan template')!);
    await c.done('replace');
    expect(c.root.querySelector('[role="alertdialog"]')?.textContent).toContain('Template “Mengajar” sudah ada. Timpa dengan isian ini?');
    expect(saveFormAsTemplate).toHaveBeenLastCalledWith('Mengajar', false);
    // "Pakai nama lain": the name again, then a new one is saved.
    userClick(c.button('Pakai nama lain')!);
    await c.done('naming');
    expect(nameInput()?.value).toBe('Mengajar');
    nameInput()!.value = 'Mengajar Jumat';
    userClick(c.button('Simpan template')!);
    await c.done('saved');
    expect(status()).toBe('Template “Mengajar Jumat” tersimpan. Ubah hari atau isinya di Pengaturan, bagian Template Progress Harian.');
    expect(saveFormAsTemplate).toHaveBeenLastCalledWith('Mengajar Jumat', false);
    // "Timpa" replaces only after the question.
    userClick(c.button('Simpan isian ini sebagai template')!);
    nameInput()!.value = 'Mengajar';
    userClick(c.button('Simpan template')!);
    await c.done('replace');
    userClick(c.button('Timpa')!);
    await c.done('saved');
    expect(saveFormAsTemplate).toHaveBeenLastCalledWith('Mengajar', true);
    expect(readFormEntry(c.modal)).toEqual({
      rencanaAksi: 'Melaksanakan pembelajaran tatap muka', jamMulai: '07:30', jamSelesai: '09:00', kegiatan: 'Mengajar Jumat', realisasi: '2', satuan: 'Jam Pelajaran', buktiDukung: '',
    });
  });

  it('passes on the site\'s Rencana Aksi options when a fill lists them', async () => {
    const onSiteOptions = vi.fn();
    const c = await control([SATURDAY], '2026-11-28', { onSiteOptions });
    userClick(c.button('Isi dari template')!);
    await c.done();
    expect(onSiteOptions).toHaveBeenCalledTimes(1);
    expect(onSiteOptions.mock.calls[0]![0]).toHaveLength(6);
    expect(onSiteOptions.mock.calls[0]![0]).toContain('Mengelola administrasi kepegawaian');
  });

  describe('what the page sees and can change (issue 12, finding 5)', () => {
    it('shows only the preselected template\'s name until the user opens the choice; a page\'s events do not open it', async () => {
      const c = await control([WEEKDAYS, SATURDAY], '2026-11-28');
      const names = () => [...c.select().options].map((o) => o.textContent);
      expect(names()).toEqual(['Ekstrakurikuler']);
      expect(c.host.shadowRoot!.innerHTML).not.toContain('Mengajar');
      // The page dispatches what a user would (isTrusted false): still closed.
      for (const type of ['pointerdown', 'mousedown', 'keydown', 'focus']) c.select().dispatchEvent(new Event(type, { bubbles: true }));
      expect(names()).toEqual(['Ekstrakurikuler']);
      // No template's texts before the click either.
      expect(c.loadTemplate).not.toHaveBeenCalled();
      userEvent(c.select(), 'pointerdown');
      expect(names()).toEqual(['Mengajar', 'Ekstrakurikuler']);
      expect(c.select().value).toBe('t-sabtu');
    });

    it('fills the template the user chose, not one the page selected on the pointerdown', async () => {
      const c = await control([WEEKDAYS, SATURDAY], '2026-11-27'); // a Friday: Mengajar
      userEvent(c.select(), 'pointerdown');
      // The page switches the selection (and fakes a change) as the user presses "Isi dari template".
      c.select().value = 't-sabtu';
      c.select().dispatchEvent(new Event('change', { bubbles: true }));
      userClick(c.button('Isi dari template')!);
      await c.done();
      expect(c.loadTemplate.mock.calls).toEqual([['t-weekdays']]);
      expect(replica().state()).toMatchObject({ kegiatan: 'Mengajar Jumat', rencanaAksi: WEEKDAYS.rencanaAksi });
      expect(c.select().value).toBe('t-weekdays');
    });

    it('reads the template at the click: a change made after the page opened is filled; a deleted one is named', async () => {
      const c = await control([WEEKDAYS]);
      c.stored.set(WEEKDAYS.id, { ...WEEKDAYS, kegiatan: 'Mengajar kelas 7 {hari}' });
      userClick(c.button('Isi dari template')!);
      await c.done();
      expect(replica().state()?.kegiatan).toBe('Mengajar kelas 7 Jumat');

      const d = await control([WEEKDAYS]);
      d.stored.clear();
      userClick(d.button('Isi dari template')!);
      await until(() => d.root.querySelector('[role="status"]')?.textContent === 'Template ini sudah tidak ada. Muat ulang halaman untuk melihat template terbaru.');
      expect(d.root.getAttribute('data-state')).toBe('ready');
      expect(replica().state()?.kegiatan).toBe('');
    });

    it('acts on no click a page script makes', async () => {
      const c = await control([WEEKDAYS]);
      c.button('Isi dari template')!.click();
      c.button('Isi dari template')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await tick(50);
      expect(c.loadTemplate).not.toHaveBeenCalled();
      expect(c.root.getAttribute('data-state')).toBe('ready');
    });
  });
});

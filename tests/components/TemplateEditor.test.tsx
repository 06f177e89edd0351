import { describe, expect, it } from 'vitest';
import { TemplateEditor, type Props } from '@/components/TemplateEditor';
import { sendMessage } from '@/utils/messaging/protocol';
import type { TemplateRecord } from '@/utils/db/schema';
import { backgroundPerTest } from '../helpers/background';
import { $, click, description, field, mount, root, tick, type, rootPerTest, waitFor } from '../helpers/dom';

const bg = backgroundPerTest();
rootPerTest();

function setup(over: Partial<Props> = {}) {
  const saved: TemplateRecord[] = [];
  let cancelled = 0;
  const props: Props = {
    defaultWeekdays: [1, 2, 3, 4, 5],
    today: '2026-03-16',
    locale: 'id-ID',
    onSave: (draft) => sendMessage('saveTemplate', draft),
    onSaved: (t) => { saved.push(t); },
    onCancel: () => { cancelled++; },
    ...over,
  };
  mount(<TemplateEditor {...props} />);
  return { saved, cancelled: () => cancelled };
}

const preview = (key: string) => $(`.tpl-preview dd[data-field="${key}"]`).textContent;
/** Presses "Simpan template" and waits until the background has answered. */
async function save() {
  click('Simpan template');
  await bg.idle();
}

function fillValid() {
  type(field('Nama template'), 'Mengajar');
  type(field('Rencana Aksi'), 'Melaksanakan pembelajaran');
  type(field('Jam mulai'), '7.30');
  type(field('Jam selesai'), '12:00');
  type(field('Kegiatan harian'), 'Mengajar kelas 7A pada {hari}');
  type(field('Realisasi'), '2');
}

describe('TemplateEditor', () => {
  it('shows the background\'s validation messages next to each refused field and saves nothing', async () => {
    setup();
    type(field('Nama template'), '   ');
    type(field('Jam mulai'), '25.00');
    type(field('Jam selesai'), '12.00');
    type(field('Kegiatan harian'), 'Rapat {tgl} di ruang guru');
    type(field('Realisasi'), '0');
    type(field('Bukti dukung'), 'drive.google.com/abc');
    await save();

    const alert = await waitFor(() => $('[role="alert"]'));
    expect(alert.textContent).toBe('Template belum disimpan. Perbaiki isian yang ditandai.');
    const name = field('Nama template');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(description(name)).toContain('Nama template wajib diisi.');
    await waitFor(() => expect(document.activeElement).toBe(name));

    expect(description(field('Rencana Aksi'))).toContain('Rencana Aksi wajib diisi. Tulis persis seperti pilihan di e-Kinerja.');
    expect(description(field('Jam mulai'))).toContain(
      'Jam tidak dikenali. Tulis jam antara 00.00 dan 23.59, misalnya 07.30 atau 07:30.',
    );
    expect(description(field('Realisasi'))).toContain('Realisasi harus bilangan bulat lebih dari 0, misalnya 1.');
    expect(description(field('Bukti dukung'))[0]).toMatch(/^Bukti dukung harus berupa tautan/);

    // The unknown variable is named, and the valid ones are listed.
    const kegiatan = description(field('Kegiatan harian'));
    expect(kegiatan[0]).toContain('Variabel {tgl} tidak dikenal.');
    for (const v of ['{tanggal}', '{tanggal_iso}', '{hari}', '{tanggal_panjang}', '{bulan}', '{tahun}', '{minggu_ke}']) {
      expect(kegiatan[0]).toContain(v);
    }

    // Valid fields are not marked; the error sits before the field's hint.
    const mulaiDescribedBy = field('Jam selesai').getAttribute('aria-invalid');
    expect(mulaiDescribedBy).toBeNull();
    expect(field('Satuan').getAttribute('aria-invalid')).toBeNull();
    expect(await bg.db.getAll('templates')).toEqual([]);

    // Changing a refused value takes its message away (the others stay).
    type(field('Realisasi'), '3');
    expect(field('Realisasi').getAttribute('aria-invalid')).toBeNull();
    expect(description(field('Realisasi'))).toEqual(['Bilangan bulat lebih dari 0, misalnya 1.']);
    expect(field('Jam mulai').getAttribute('aria-invalid')).toBe('true');
  });

  it('puts the weekdays message next to the group of day checkboxes', async () => {
    setup();
    fillValid();
    const days = [...root.querySelectorAll<HTMLInputElement>('#tpl-weekdays input[type="checkbox"]')];
    expect(days.map((d) => d.parentElement!.textContent)).toEqual(['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu']);
    expect(days.map((d) => d.checked)).toEqual([true, true, true, true, true, false, false]);
    for (const d of days) tick(d, false);
    await save();
    const group = $('fieldset#tpl-weekdays');
    await waitFor(() => expect(description(group)).toEqual(['Pilih minimal satu hari berlakunya template.']));
    expect(days.every((d) => d.getAttribute('aria-invalid') === 'true')).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(days[0]));
  });

  it('saves a valid template with times normalised to HH:mm', async () => {
    const { saved } = setup();
    fillValid();
    type(field('Satuan'), 'Jam Pelajaran');
    type(field('Bukti dukung'), 'https://drive.google.com/drive/folders/x{tanggal_iso}');
    tick($<HTMLInputElement>('#tpl-weekdays input[value="6"]'), true);
    tick($<HTMLInputElement>('#tpl-weekdays input[value="1"]'), false);
    await save();
    await waitFor(() => expect(saved).toHaveLength(1));
    const [stored] = await bg.db.getAll('templates');
    expect(stored).toMatchObject({
      name: 'Mengajar', rencanaAksi: 'Melaksanakan pembelajaran', jamMulai: '07:30', jamSelesai: '12:00',
      kegiatan: 'Mengajar kelas 7A pada {hari}', realisasi: 2, satuan: 'Jam Pelajaran',
      buktiDukung: 'https://drive.google.com/drive/folders/x{tanggal_iso}', weekdays: [2, 3, 4, 5, 6],
    });
    expect(saved.map((t) => t.id)).toEqual([stored!.id]);
  });

  it('previews every field rendered for the chosen date, and lists the variables\' values on it', async () => {
    setup();
    fillValid();
    type(field('Rencana Aksi'), 'Pembelajaran {bulan} {tahun}');
    type(field('Kegiatan harian'), 'Mengajar pada {tanggal_panjang} (minggu ke-{minggu_ke}), {{catatan}}');
    type(field('Bukti dukung'), 'https://drive.example.id/{tanggal_iso}');
    type(field('Satuan'), 'Laporan {tanggal}');

    const date = field('Pratinjau untuk tanggal');
    expect(date.type).toBe('date');
    expect(date.value).toBe('2026-03-16'); // today by default
    expect(preview('kegiatan')).toBe('Mengajar pada Senin, 16 Maret 2026 (minggu ke-3), {catatan}');

    type(date, '2026-11-29');
    expect(preview('rencanaAksi')).toBe('Pembelajaran November 2026');
    expect(preview('tanggal')).toBe('Minggu, 29 November 2026');
    expect(preview('jamMulai')).toBe('07:30');
    expect(preview('jamSelesai')).toBe('12:00');
    expect(preview('kegiatan')).toBe('Mengajar pada Minggu, 29 November 2026 (minggu ke-5), {catatan}');
    expect(preview('realisasi')).toBe('2');
    expect(preview('satuan')).toBe('Laporan 29-11-2026');
    expect(preview('buktiDukung')).toBe('https://drive.example.id/2026-11-29');

    const rows = [...root.querySelectorAll('.tpl-variables tbody tr')].map((r) => [...r.children].map((c) => c.textContent));
    const value = (name: string) => rows.find((r) => r[0] === `{${name}}`)?.[2];
    expect(value('tanggal')).toBe('29-11-2026');
    expect(value('hari')).toBe('Minggu');
    expect(value('bulan')).toBe('November');
    expect(value('minggu_ke')).toBe('5');
    expect(rows).toHaveLength(8);
    expect(root.querySelector('.tpl-variables thead')!.textContent).toContain('Isi untuk Minggu, 29 November 2026');

    // The preview follows what is typed, before anything is saved.
    type(field('Kegiatan harian'), 'Piket {hari}');
    expect(preview('kegiatan')).toBe('Piket Minggu');
    type(field('Satuan'), '');
    expect(preview('satuan')).toBe('(kosong)');
    expect(await bg.db.getAll('templates')).toEqual([]);

    type(date, '');
    expect(root.querySelector('.tpl-preview dl')).toBeNull();
    expect(root.querySelector('.tpl-preview')!.textContent).toContain('Pilih tanggal untuk melihat pratinjau.');
  });

  it('edits an existing template; the default one cannot be un-defaulted from its form', async () => {
    const template: TemplateRecord = {
      id: 'a', name: 'Piket', rencanaAksi: 'Piket sekolah', jamMulai: '06:45', jamSelesai: '07:15', kegiatan: 'Piket pagi',
      realisasi: 1, satuan: '', buktiDukung: '', weekdays: [1, 3], isDefault: true, order: 0,
    };
    await bg.db.put('templates', template);
    const { saved } = setup({ template });
    expect(root.querySelector('h3')!.textContent).toBe('Ubah template "Piket"');
    expect(field('Jam mulai').value).toBe('06:45');
    const isDefault = field('Jadikan utama');
    expect(isDefault.checked).toBe(true);
    expect(isDefault.disabled).toBe(true);
    expect(description(isDefault)).toEqual(['Ini template utama. Untuk menggantinya, jadikan template lain sebagai utama.']);
    type(field('Jam selesai'), '0730');
    await save();
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(await bg.db.getAll('templates')).toEqual([{ ...template, jamSelesai: '07:30' }]);
  });

  it('cancels without saving', async () => {
    const { cancelled } = setup();
    type(field('Nama template'), 'Draf');
    click('Batal');
    expect(cancelled()).toBe(1);
    expect(await bg.db.getAll('templates')).toEqual([]);
  });
});

describe('TemplateEditor: Rencana Aksi from e-Kinerja (issue 11, item 5)', () => {
  it('offers the options last seen on the site first, then those of other templates, and says where they come from', () => {
    setup({ suggestions: ['Rapat koordinasi', 'Menyusun laporan'], siteOptions: { options: ['Menyusun laporan', 'Mengelola administrasi kepegawaian'], seenOn: '2026-12-04' } });
    const input = field('Rencana Aksi') as HTMLInputElement;
    const list = document.getElementById(input.getAttribute('list')!)!;
    expect([...list.querySelectorAll('option')].map((o) => o.getAttribute('value'))).toEqual(['Menyusun laporan', 'Mengelola administrasi kepegawaian', 'Rapat koordinasi']);
    expect(description(input)).toContain('Ketik, atau pilih dari 2 Rencana Aksi yang terakhir terlihat di e-Kinerja (Jumat, 4 Desember 2026).');
  });

  it('says how to get them when none were seen yet', () => {
    setup({ siteOptions: null });
    const input = field('Rencana Aksi') as HTMLInputElement;
    expect(input.getAttribute('list')).toBeNull();
    expect(description(input)).toContain('Daftar Rencana Aksi dari e-Kinerja muncul di sini setelah Anda membuka pilihan Rencana Aksi di formulir Tambah Progress Harian.');
  });
});

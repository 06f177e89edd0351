import { describe, expect, it } from 'vitest';
import { TemplatesSection } from '@/components/TemplatesSection';
import { writeSettings } from '@/utils/settings/store';
import type { TemplateRecord } from '@/utils/db/schema';
import { sortByOrder } from '@/utils/templates/choose';
import { backgroundPerTest } from '../helpers/background';
import { $, button, click as clickNow, field, mount as mountIn, pickFile, root, type, rootPerTest, waitFor } from '../helpers/dom';

// Monday 16 March 2026, 08:00 in Jakarta.
const NOW = new Date('2026-03-16T01:00:00Z');
const bg = backgroundPerTest(() => ({ now: () => NOW }));
rootPerTest();

/** Opens the section and waits until it shows what the background has (the list, or none yet). */
async function mount() {
  mountIn(<TemplatesSection now={() => NOW} />);
  await bg.idle();
  await waitFor(() => $('ol.tpl-list, .tpl-empty'));
}
/** Clicks the button named `name` and waits until the background has answered. */
async function click(name: string) {
  clickNow(name);
  await bg.idle();
}
const listed = () => [...root.querySelectorAll('ol.tpl-list > li')].map((li) => ({
  name: li.querySelector('.tpl-item-name')!.textContent,
  isDefault: li.querySelector('.tpl-badge')?.textContent === 'Utama',
  meta: li.querySelector('.tpl-item-meta')!.textContent,
}));
const stored = async () => sortByOrder(await bg.db.getAll('templates'));
const statusText = () => root.querySelector('#templates > [role="status"]')!.textContent;

async function upload(file: File) {
  pickFile(field('Impor CSV atau Excel (.xlsx)'), file);
  await bg.idle();
}

const TEMPLATE = (over: Partial<TemplateRecord>): TemplateRecord => ({
  id: 'x', name: 'X', rencanaAksi: 'Rencana', jamMulai: '07:30', jamSelesai: '16:00', kegiatan: 'Kegiatan', realisasi: 1,
  satuan: '', buktiDukung: '', weekdays: [1, 2, 3, 4, 5], isDefault: false, order: 0, ...over,
});

describe('TemplatesSection', () => {
  it('explains templates when there are none, and creates the first one as the default', async () => {
    await mount();
    await waitFor(() => {
      expect(root.querySelector('h2')!.textContent).toBe('Template Progress Harian');
      expect(root.querySelector('.tpl-empty')!.textContent).toMatch(/^Belum ada template\./);
      expect(root.querySelector('ol.tpl-list')).toBeNull();
    });

    await click('Template baru');
    await waitFor(() => expect(document.activeElement).toBe(root.querySelector('#tpl-editor-title')));
    type(field('Nama template'), 'Mengajar');
    type(field('Rencana Aksi'), 'Melaksanakan pembelajaran');
    type(field('Jam mulai'), '07.00');
    type(field('Jam selesai'), '12.30');
    type(field('Kegiatan harian'), 'Mengajar {hari}');
    await click('Simpan template');

    await waitFor(() => {
      expect(root.querySelector('.tpl-editor')).toBeNull();
      expect(listed()).toEqual([{ name: 'Mengajar', isDefault: true, meta: 'Senin–Jumat · 07.00–12.30 · Melaksanakan pembelajaran' }]);
      expect(statusText()).toBe('Template "Mengajar" disimpan.');
      expect(document.activeElement).toBe(button('Ubah Mengajar'));
    });
    expect(await stored()).toMatchObject([{ name: 'Mengajar', jamMulai: '07:00', isDefault: true, weekdays: [1, 2, 3, 4, 5] }]);
  });

  it('starts a new template on the working week of the settings (Senin–Sabtu for six days)', async () => {
    await writeSettings(bg.db, { workWeek: 6 });
    await mount();
    await click('Template baru');
    const days = [...root.querySelectorAll<HTMLInputElement>('#tpl-weekdays input')].map((d) => d.checked);
    expect(days).toEqual([true, true, true, true, true, true, false]);
  });

  it('duplicates, reorders, sets the default and deletes (after confirming) through the background', async () => {
    await bg.db.put('templates', TEMPLATE({ id: 'a', name: 'Mengajar', isDefault: true, order: 0 }));
    await bg.db.put('templates', TEMPLATE({ id: 'b', name: 'Rapat', order: 1, weekdays: [1, 3, 5] }));
    await mount();
    await waitFor(() => {
      expect(listed().map((x) => [x.name, x.isDefault])).toEqual([['Mengajar', true], ['Rapat', false]]);
      expect(listed()[1]!.meta).toBe('Senin, Rabu, Jumat · 07.30–16.00 · Rencana');
      expect(button('Naikkan Mengajar').disabled).toBe(true);
      expect(button('Turunkan Rapat').disabled).toBe(true);
    });
    expect(() => button('Jadikan utama Mengajar')).toThrow(); // already the default

    await click('Duplikat Mengajar');
    await waitFor(() => {
      expect(listed().map((x) => [x.name, x.isDefault])).toEqual([['Mengajar', true], ['Mengajar (salinan)', false], ['Rapat', false]]);
      expect(statusText()).toBe('Salinan dibuat: "Mengajar (salinan)".');
      expect(document.activeElement).toBe(button('Ubah Mengajar (salinan)'));
    });

    await click('Turunkan Mengajar');
    await waitFor(() => {
      expect(listed().map((x) => x.name)).toEqual(['Mengajar (salinan)', 'Mengajar', 'Rapat']);
      expect(statusText()).toBe('"Mengajar" sekarang di urutan ke-2.');
      expect(document.activeElement).toBe(button('Turunkan Mengajar'));
    });
    await click('Naikkan Rapat');
    await click('Naikkan Rapat');
    await waitFor(() => expect(listed().map((x) => x.name)).toEqual(['Rapat', 'Mengajar (salinan)', 'Mengajar']));
    // At the top, "Naikkan" is disabled: focus moved to "Turunkan".
    await waitFor(() => expect(document.activeElement).toBe(button('Turunkan Rapat')));

    await click('Jadikan utama Rapat');
    await waitFor(() => {
      expect(listed().map((x) => [x.name, x.isDefault])).toEqual([['Rapat', true], ['Mengajar (salinan)', false], ['Mengajar', false]]);
      expect(statusText()).toBe('"Rapat" sekarang template utama.');
    });
    expect((await stored()).map((t) => [t.name, t.isDefault, t.order])).toEqual([
      ['Rapat', true, 0], ['Mengajar (salinan)', false, 1], ['Mengajar', false, 2],
    ]);

    // Hapus asks first; Batal keeps it.
    await click('Hapus Mengajar');
    const confirm = root.querySelector('li[data-id="a"] .confirm')!;
    expect(confirm.textContent).toContain('Hapus template "Mengajar"? Template yang dihapus tidak bisa dikembalikan.');
    await waitFor(() => expect(document.activeElement!.textContent).toBe('Batal'));
    await click('Batal');
    await waitFor(() => expect(listed()).toHaveLength(3));
    await click('Hapus Mengajar');
    await click('Ya, hapus');
    await waitFor(() => {
      expect(listed().map((x) => x.name)).toEqual(['Rapat', 'Mengajar (salinan)']);
      expect(statusText()).toBe('Template "Mengajar" dihapus.');
    });
    expect((await stored()).map((t) => t.id)).not.toContain('a');
  });

  it('edits a template from its "Ubah" button and keeps its place', async () => {
    await bg.db.put('templates', TEMPLATE({ id: 'a', name: 'Mengajar', isDefault: true, order: 0 }));
    await bg.db.put('templates', TEMPLATE({ id: 'b', name: 'Rapat', order: 1 }));
    await mount();
    await click('Ubah Rapat');
    await waitFor(() => {
      expect(root.querySelector('#tpl-editor-title')!.textContent).toBe('Ubah template "Rapat"');
      expect(field('Nama template').value).toBe('Rapat');
    });
    type(field('Nama template'), 'Rapat dinas');
    type(field('Jam mulai'), '13.00');
    await click('Simpan template');
    await waitFor(() => expect(listed().map((x) => x.name)).toEqual(['Mengajar', 'Rapat dinas']));
    expect(await stored()).toMatchObject([{ id: 'a', isDefault: true }, { id: 'b', name: 'Rapat dinas', jamMulai: '13:00', order: 1 }]);
  });

  it('imports nothing from a CSV with a bad row and lists each row\'s errors', async () => {
    await mount();
    const csv = [
      'Rencana Aksi;Tanggal;Jam Mulai;Jam Selesai;Kegiatan Harian;Realisasi;Satuan;Bukti Dukung',
      'Pembelajaran;;07:30;12:00;Mengajar;1;;',
      'Pembelajaran;;25:00;12:00;Mengajar lagi;1;;',
      'Rapat;;13:00;14:00;Rapat dinas;0;;',
    ].join('\r\n');
    await upload(new File([csv], 'rusak.csv', { type: 'text/csv' }));
    const alert = await waitFor(() => $('.tpl-csv [role="alert"]'));
    expect(alert.querySelector('p')!.textContent).toBe('Tidak ada template dari rusak.csv yang diimpor. Perbaiki baris berikut lalu impor lagi:');
    const rows = [...alert.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['3', 'Jam Mulai', 'Jam tidak dikenali. Tulis jam antara 00.00 dan 23.59, misalnya 07.30 atau 07:30. Tertulis: "25:00".'],
      ['4', 'Realisasi', 'Realisasi harus bilangan bulat lebih dari 0, misalnya 1. Tertulis: "0".'],
    ]);
    expect(await bg.db.getAll('templates')).toEqual([]);
    await waitFor(() => expect(root.querySelector('.tpl-empty')).not.toBeNull());
  });

  it('adds the templates of a good CSV (Windows-1252 bytes too) and names the ignored columns', async () => {
    await bg.db.put('templates', TEMPLATE({ id: 'a', name: 'Lama', isDefault: true }));
    await mount();
    // "Café" in Windows-1252: é is the single byte 0xE9.
    const text = 'Rencana Aksi,Jam Mulai,Jam Selesai,Kegiatan Harian,Realisasi,Catatan\r\nRapat,13.00,14.00,Rapat di Caf\u00e9,2,x\r\n';
    const bytes = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    await upload(new File([bytes], 'excel.csv'));
    await waitFor(() => {
      expect($('.tpl-csv [role="status"]').textContent).toBe('1 template ditambahkan. Kolom yang tidak dipakai: Catatan.');
      expect(listed().map((x) => x.name)).toEqual(['Lama', 'Rapat di Café']);
    });
    expect((await stored())[1]).toMatchObject({ kegiatan: 'Rapat di Café', jamMulai: '13:00', realisasi: 2, isDefault: false });
  });
});

import { describe, expect, it } from 'vitest';
import { DaysOffEditor, type AddDayOffResult, type Props } from '@/components/DaysOffEditor';
import type { DayOffRecord } from '@/utils/db/schema';
import { $, choose, click, description, mount, root, type, rootPerTest, waitFor } from '../helpers/dom';

rootPerTest();

type Draft = Omit<DayOffRecord, 'id'>;

function setup(over: Partial<Props> = {}) {
  const added: Draft[] = [];
  const removed: string[] = [];
  const props: Props = {
    daysOff: [],
    onAdd: async (d) => { added.push(d); return { ok: true }; },
    onRemove: async (id) => { removed.push(id); },
    ...over,
  };
  mount(<DaysOffEditor {...props} />);
  return { added, removed, props };
}

const kind = () => $<HTMLSelectElement>('#dayoff-kind');
const start = () => $<HTMLInputElement>('#dayoff-start');
const end = () => $<HTMLInputElement>('#dayoff-end');
const note = () => $<HTMLInputElement>('#dayoff-note');
const submit = () => $<HTMLButtonElement>('button[type="submit"]');
const status = () => $('[role="status"]').textContent;

describe('DaysOffEditor form', () => {
  it('labels every field and offers the five kinds', () => {
    setup();
    for (const [id, text] of [['dayoff-kind', 'Jenis'], ['dayoff-start', 'Mulai'], ['dayoff-end', 'Sampai'], ['dayoff-note', 'Catatan (boleh dikosongkan)']]) {
      expect(root.querySelector(`label[for="${id}"]`)!.textContent, id).toBe(text);
    }
    expect([...kind().options].map((o) => o.textContent)).toEqual(['Cuti tahunan', 'Sakit', 'Dinas luar', 'Lainnya', 'Libur tambahan']);
    expect(submit().textContent).toBe('Tambah hari libur/cuti');
    expect(root.innerHTML).not.toMatch(/calendar_[a-z_]+/);
  });

  it('rejects a reversed range next to Sampai and does not call onAdd', async () => {
    const { added } = setup();
    type(start(), '2026-12-31');
    expect(end().value).toBe('2026-12-31');
    type(end(), '2026-12-28');
    click(submit());
    await waitFor(() => expect(end().getAttribute('aria-invalid')).toBe('true'));
    expect(added).toEqual([]);
    expect(description(end())).toContain('Tanggal selesai tidak boleh sebelum tanggal mulai.');
    expect(start().hasAttribute('aria-invalid')).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(end()));
  });

  it('asks for a start date before anything else', async () => {
    const { added } = setup();
    click(submit());
    await waitFor(() => expect(start().getAttribute('aria-invalid')).toBe('true'));
    expect(added).toEqual([]);
    expect(description(start())).toEqual(['Isi tanggal mulai.']);
    expect(end().hasAttribute('aria-invalid')).toBe(false);
  });

  it('calls onAdd with the draft (note trimmed), then clears the form and says what was added', async () => {
    const { added } = setup();
    choose(kind(), 'sakit');
    type(start(), '2026-12-31');
    type(end(), '2027-01-02');
    type(note(), '  Operasi gigi ');
    click(submit());
    await waitFor(() => expect(status()).toBe('Ditambahkan: Sakit 31 Desember 2026 – 2 Januari 2027.'));
    expect(added).toEqual([{ kind: 'sakit', start: '2026-12-31', end: '2027-01-02', note: 'Operasi gigi' }]);
    expect(start().value).toBe('');
    expect(end().value).toBe('');
    expect(note().value).toBe('');
  });

  it('makes a single day when only Mulai is filled', async () => {
    const { added } = setup();
    choose(kind(), 'libur-tambahan');
    type(start(), '2027-01-01');
    type(end(), '');
    click(submit());
    await waitFor(() => expect(added).toEqual([{ kind: 'libur-tambahan', start: '2027-01-01', end: '2027-01-01', note: '' }]));
  });

  it('shows the problems onAdd reports next to their fields', async () => {
    setup({ onAdd: async (): Promise<AddDayOffResult> => ({ ok: false, problems: [{ field: 'start', code: 'calendar_dayoff_date_invalid' }] }) });
    type(start(), '2026-11-02');
    click(submit());
    await waitFor(() => expect(description(start())).toEqual(['Tanggal tidak valid.']));
    expect(start().getAttribute('aria-invalid')).toBe('true');
  });

  it('says so when saving fails, and keeps what was typed', async () => {
    setup({ onAdd: () => Promise.reject(new Error('no background')) });
    type(start(), '2026-11-02');
    click(submit());
    await waitFor(() => expect(status()).toBe('Layanan latar ekstensi tidak menjawab. Muat ulang halaman ini.'));
    expect($('[role="status"]').className).toBe('error');
    expect(start().value).toBe('2026-11-02');
  });

  it('fills both dates with the day picked in the calendar and moves focus to the form', async () => {
    const props: Props = { daysOff: [], onAdd: async () => ({ ok: true }), onRemove: async () => {} };
    mount(<DaysOffEditor {...props} />);
    mount(<DaysOffEditor {...props} pickedDate="2026-12-28" />);
    await waitFor(() => {
      expect(start().value).toBe('2026-12-28');
      expect(end().value).toBe('2026-12-28');
      expect(document.activeElement).toBe(kind());
    });
  });
});

describe('DaysOffEditor list', () => {
  const records: DayOffRecord[] = [
    { id: 'c', start: '2026-12-28', end: '2026-12-31', kind: 'cuti-tahunan', note: '' },
    { id: 'a', start: '2026-03-02', end: '2026-03-03', kind: 'sakit', note: 'Demam' },
    { id: 'b', start: '2026-11-20', end: '2026-11-20', kind: 'libur-tambahan', note: 'HUT Kota' },
    { id: 'd', start: '2026-08-10', end: '2026-08-10', kind: 'dinas-luar', note: '' },
  ];

  it('lists the entries by start date, upcoming first, then the most recent past ones', () => {
    setup({ daysOff: records, today: '2026-11-12' });
    const groups = [...root.querySelectorAll('.daysoff-list')].map((ul) => ({
      title: root.querySelector(`#${ul.getAttribute('aria-labelledby')}`)!.textContent,
      items: [...ul.querySelectorAll('li')].map((li) => `${li.querySelector('.daysoff-kind')!.textContent} ${li.querySelector('.daysoff-dates')!.textContent}`),
    }));
    expect(groups).toEqual([
      { title: 'Sekarang dan akan datang', items: ['Libur tambahan 20 November 2026', 'Cuti tahunan 28–31 Desember 2026'] },
      { title: 'Sudah lewat', items: ['Dinas luar 10 Agustus 2026', 'Sakit 2–3 Maret 2026'] },
    ]);
    expect(root.textContent).toContain('Demam');
    expect(root.textContent).toContain('HUT Kota');
  });

  it('lists everything by start date when today is not given', () => {
    setup({ daysOff: records });
    const starts = [...root.querySelectorAll('.daysoff-list li .daysoff-dates')].map((s) => s.textContent);
    expect(starts).toEqual(['2–3 Maret 2026', '10 Agustus 2026', '20 November 2026', '28–31 Desember 2026']);
  });

  it('removes an entry through a Hapus button named after it', async () => {
    const { removed } = setup({ daysOff: records, today: '2026-11-12' });
    const buttons = [...root.querySelectorAll('.daysoff-list button')];
    expect(buttons.every((b) => b.textContent === 'Hapus')).toBe(true);
    const hapus = buttons.find((b) => b.getAttribute('aria-label') === 'Hapus Cuti tahunan 28–31 Desember 2026')!;
    expect(hapus).toBeDefined();
    click(hapus as HTMLButtonElement);
    await waitFor(() => {
      expect(status()).toBe('Dihapus: Cuti tahunan 28–31 Desember 2026.');
      expect(document.activeElement).toBe($('#dayoff-list-title'));
    });
    expect(removed).toEqual(['c']);
  });

  it('says when nothing is recorded yet', () => {
    setup();
    expect(root.querySelector('.daysoff-list')).toBeNull();
    expect(root.textContent).toContain('Belum ada hari libur atau cuti yang dicatat.');
  });
});

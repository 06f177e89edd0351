import { beforeEach, describe, expect, it } from 'vitest';
import {
  FIELD_KEYS, clickAction, controlSlot, findProgressModal, hasValidationErrors, isModalOpen, mapProgressForm,
} from '@/utils/site/ekinerja-form';
import { footerButton, loadReplica, openModal, tick } from '../fill/replica';

/** A modal shaped like the site's (Bootstrap + vue-select + vue2-datepicker markup), with `body` as its form. */
function modalHtml(body: string, { shown = true, title = 'Tambah Progress Harian' } = {}): string {
  return `<div class="modal fade${shown ? ' show' : ''}"><div class="modal-dialog"><div class="modal-content">
    <div class="modal-header"><h5 class="modal-title">${title}</h5><button type="button" class="close" aria-label="Close">×</button></div>
    <div class="modal-body"><form>${body}</form></div>
    <div class="modal-footer"><button type="button" class="btn btn-primary">OK</button><button type="button" class="btn btn-light-secondary">Close</button></div>
  </div></div></div>`;
}

const group = (label: string, control: string) => `<div class="form-group"><label>${label}</label>${control}</div>`;
const VSELECT = '<div class="v-select vs--single vs--searchable"><div class="vs__dropdown-toggle" aria-controls="vs1__listbox"><div class="vs__selected-options"><input class="vs__search" type="search"></div></div><ul id="vs1__listbox" role="listbox" style="display:none"></ul></div>';
const PICKER = '<div class="mx-datepicker"><div class="mx-input-wrapper"><input name="date" type="text" class="mx-input"><i class="mx-icon-calendar"></i></div></div>';

const SITE_FORM = [
  group('RENCANA AKSI', VSELECT),
  group('TANGGAL KEGIATAN', PICKER),
  `<div class="row"><div class="col">${group('JAM MULAI KEGIATAN', PICKER)}</div><div class="col">${group('JAM SELESAI KEGIATAN', PICKER)}</div></div>`,
  group('KEGIATAN HARIAN', '<input type="text" name="kegiatan">'),
  group('SUMBER DATA', '<input type="text" value="ekinerja" readonly>'),
  `<div class="row"><div class="col">${group('REALISASI', '<input type="number" name="realisasi_activity">')}</div><div class="col">${group('SATUAN', '<input id="satuan" readonly>')}</div></div>`,
  group('BUKTI DUKUNG', '<input type="text" name="bukti_eviden">'),
].join('');

function mount(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.querySelector<HTMLElement>('.modal')!;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('findProgressModal', () => {
  it('finds only a shown modal titled "Tambah Progress Harian"', () => {
    mount(modalHtml(SITE_FORM, { shown: false }));
    expect(findProgressModal(document)).toBeNull();
    document.body.innerHTML = modalHtml('', { title: 'Hapus Progress' }) + modalHtml(SITE_FORM);
    const found = findProgressModal(document);
    expect(found?.querySelector('.modal-title')?.textContent).toBe('Tambah Progress Harian');
    expect(isModalOpen(found!)).toBe(true);
    found!.classList.remove('show');
    expect(isModalOpen(found!)).toBe(false);
  });

  it('accepts the title in another case or with extra spaces, and puts the control at the top of the body', () => {
    const modal = mount(modalHtml(SITE_FORM, { title: '  TAMBAH   progress harian ' }));
    expect(findProgressModal(document)).toBe(modal);
    expect(controlSlot(modal)).toBe(modal.querySelector('.modal-body'));
  });
});

describe('mapProgressForm', () => {
  it('maps every label of the site\'s form to its control, with its kind', () => {
    const modal = mount(modalHtml(SITE_FORM));
    const { fields, problems } = mapProgressForm(modal);
    expect(problems).toEqual([]);
    expect(Object.keys(fields)).toEqual([...FIELD_KEYS]);
    expect(fields.rencanaAksi).toMatchObject({ kind: 'choice', widget: modal.querySelector('.v-select'), input: modal.querySelector('.vs__search') });
    const pickers = modal.querySelectorAll('input.mx-input');
    expect(fields.tanggal).toMatchObject({ kind: 'date', input: pickers[0] });
    expect(fields.jamMulai).toMatchObject({ kind: 'time', input: pickers[1] });
    expect(fields.jamSelesai).toMatchObject({ kind: 'time', input: pickers[2] });
    expect(fields.kegiatan?.input).toBe(modal.querySelector('[name="kegiatan"]'));
    expect(fields.realisasi?.input).toBe(modal.querySelector('[name="realisasi_activity"]'));
    expect(fields.buktiDukung?.input).toBe(modal.querySelector('[name="bukti_eviden"]'));
    expect(fields.satuan).toMatchObject({ readOnly: true, input: modal.querySelector('#satuan') });
    expect(fields.sumberData?.readOnly).toBe(true);
    expect(fields.kegiatan?.readOnly).toBe(false);
  });

  it('reads labels whatever their case, spacing or required mark, and a textarea for the activity', () => {
    const form = SITE_FORM
      .replace('<label>RENCANA AKSI</label>', '<label>Rencana  Aksi *</label>')
      .replace('<label>TANGGAL KEGIATAN</label>', '<label>\n Tanggal Kegiatan: </label>')
      .replace('<input type="text" name="kegiatan">', '<textarea name="kegiatan"></textarea>');
    const { fields, problems } = mapProgressForm(mount(modalHtml(form)));
    expect(problems).toEqual([]);
    expect(fields.rencanaAksi?.kind).toBe('choice');
    expect(fields.tanggal?.label).toBe('Tanggal Kegiatan:');
    expect(fields.kegiatan?.input.tagName).toBe('TEXTAREA');
  });

  it('reports renamed, doubled and unclear fields and maps only the unambiguous ones', () => {
    const form = SITE_FORM
      .replace('<label>KEGIATAN HARIAN</label>', '<label>URAIAN KEGIATAN</label>')
      // Two labels REALISASI: neither is trusted.
      .replace(group('SATUAN', '<input id="satuan" readonly>'), group('REALISASI', '<input name="realisasi_2">') + group('SATUAN', '<input id="satuan" readonly>'))
      // Two controls under one label.
      .replace(group('BUKTI DUKUNG', '<input type="text" name="bukti_eviden">'), group('BUKTI DUKUNG', '<input name="a"><input name="b">'))
      // A plain input where the Rencana Aksi dropdown belongs.
      .replace(VSELECT, '<input name="rencana">');
    const { fields, problems } = mapProgressForm(mount(modalHtml(form)));
    expect(problems).toEqual([
      { key: 'rencanaAksi', label: 'RENCANA AKSI', reason: 'unexpected' },
      { key: 'kegiatan', label: 'KEGIATAN HARIAN', reason: 'missing' },
      { key: 'realisasi', label: 'REALISASI', reason: 'ambiguous' },
      { key: 'buktiDukung', label: 'BUKTI DUKUNG', reason: 'ambiguous' },
    ]);
    expect(Object.keys(fields)).toEqual(['tanggal', 'jamMulai', 'jamSelesai', 'sumberData', 'satuan']);
  });

  it('maps a flat form, where each label is followed by its control', () => {
    const form = ['RENCANA AKSI', VSELECT, 'TANGGAL KEGIATAN', PICKER, 'JAM MULAI KEGIATAN', PICKER, 'JAM SELESAI KEGIATAN', PICKER,
      'KEGIATAN HARIAN', '<input name="kegiatan">', 'SUMBER DATA', '<input readonly>', 'REALISASI', '<input name="r"><small>bilangan bulat</small>',
      'SATUAN', '<input id="satuan" readonly>', 'BUKTI DUKUNG', '<input name="bukti_eviden"><input name="extra">']
      .map((x, i) => (i % 2 === 0 ? `<label>${x}</label>` : x)).join('');
    const { fields, problems } = mapProgressForm(mount(modalHtml(form)));
    expect(problems).toEqual([{ key: 'buktiDukung', label: 'BUKTI DUKUNG', reason: 'ambiguous' }]);
    expect(fields.jamSelesai?.input).toBe(document.querySelectorAll('input.mx-input')[2]);
    expect(fields.realisasi?.input.getAttribute('name')).toBe('r');
    expect(fields.rencanaAksi?.kind).toBe('choice');
  });

  it('does not take a neighbour\'s control for a label without its own', () => {
    const form = SITE_FORM.replace(group('SATUAN', '<input id="satuan" readonly>'), '<div class="form-group"><label>SATUAN</label><span>Laporan</span></div>');
    const { fields, problems } = mapProgressForm(mount(modalHtml(form)));
    // The row around SATUAN also holds REALISASI's label and input: two labels, so not SATUAN's.
    expect(problems).toEqual([{ key: 'satuan', label: 'SATUAN', reason: 'ambiguous' }]);
    expect(fields.realisasi?.input.getAttribute('name')).toBe('realisasi_activity');
  });

  it('maps the replica built from the real widget libraries, and its relabeled variant only partly', async () => {
    loadReplica();
    let modal = await openModal();
    let map = mapProgressForm(modal);
    expect(map.problems).toEqual([]);
    expect(map.fields.satuan?.readOnly).toBe(true);
    expect(map.fields.rencanaAksi?.widget.classList.contains('v-select')).toBe(true);
    expect(map.fields.jamSelesai?.input.closest('.mx-datepicker')).not.toBeNull();

    loadReplica('relabeled=1');
    modal = await openModal();
    map = mapProgressForm(modal);
    expect(map.problems.map((p) => [p.key, p.reason])).toEqual([['kegiatan', 'missing'], ['buktiDukung', 'missing']]);
    expect(map.fields.realisasi?.input.getAttribute('name')).toBe('realisasi_activity');
  });
});

describe('clickAction and hasValidationErrors', () => {
  it('tells OK from the buttons and places that close the modal', () => {
    const modal = mount(modalHtml(SITE_FORM));
    const ok = modal.querySelector('.btn-primary')!;
    expect(clickAction(modal, ok)).toBe('save');
    expect(clickAction(modal, modal.querySelector('.btn-light-secondary'))).toBe('dismiss');
    expect(clickAction(modal, modal.querySelector('.close'))).toBe('dismiss');
    expect(clickAction(modal, modal)).toBe('dismiss'); // the backdrop around the dialog
    expect(clickAction(modal, modal.querySelector('[name="kegiatan"]'))).toBeNull();
    expect(clickAction(modal, document.body)).toBeNull();
    expect(clickAction(modal, null)).toBeNull();
    // Text inside the OK button still counts as OK.
    ok.innerHTML = '<span>OK</span>';
    expect(clickAction(modal, ok.firstElementChild)).toBe('save');
  });

  it('sees validation messages only when shown and not empty', () => {
    const modal = mount(modalHtml(SITE_FORM + '<div class="invalid-feedback" style="display:none">Wajib diisi</div><div class="invalid-feedback" style="display:block"> </div>'));
    expect(hasValidationErrors(modal)).toBe(false);
    modal.querySelector<HTMLElement>('.invalid-feedback')!.style.display = 'block';
    expect(hasValidationErrors(modal)).toBe(true);
  });

  it('sees the replica\'s messages after an empty OK', async () => {
    loadReplica();
    const modal = await openModal();
    expect(hasValidationErrors(modal)).toBe(false);
    footerButton(modal, 'OK').click();
    await tick();
    expect(hasValidationErrors(modal)).toBe(true);
  });
});

/**
 * The values of the "Tambah Progress Harian" form as they are when "OK" is clicked — what the
 * site is sent — for the Jurnal (utils/jurnal/). Read through the same label mapping as the
 * filler; a field that cannot be mapped is read as ''.
 */
import { chosenText } from '../fill/vue-select';
import { normaliseDate, normaliseTime } from '../templates/validate';
import type { SentValues } from '../jurnal/entry';
import { clickAction, findProgressModal, mapProgressForm, type FormField } from './ekinerja-form';
import type { SentEntry } from '../messaging/jurnal';

const read = (f: FormField | undefined): string => (f ? (f.kind === 'choice' ? chosenText(f.widget) : f.input.value) : '');

export function readSentValues(modal: HTMLElement): SentValues {
  const { fields } = mapProgressForm(modal);
  return {
    date: normaliseDate(read(fields.tanggal)) ?? '',
    rencanaAksi: read(fields.rencanaAksi),
    jamMulai: normaliseTime(read(fields.jamMulai)) ?? '',
    jamSelesai: normaliseTime(read(fields.jamSelesai)) ?? '',
    kegiatan: read(fields.kegiatan),
    realisasi: read(fields.realisasi),
    satuan: read(fields.satuan),
    buktiDukung: read(fields.buktiDukung),
  };
}

/**
 * At each click on "OK" in the "Tambah Progress Harian" modal (until `signal` aborts): the form's
 * values then, and the template it was filled from. `sentFor(date)` gives the last ones if they
 * were for `date` (what the save watcher reports an outcome for), else null.
 */
export function captureSent(doc: Document, signal: AbortSignal, filledFrom: (modal: HTMLElement) => string | null): (date: string) => SentEntry | null {
  let last: SentEntry | null = null;
  doc.addEventListener('click', (e) => {
    const modal = findProgressModal(doc);
    if (modal && clickAction(modal, e.target) === 'save') last = { values: readSentValues(modal), templateId: filledFrom(modal) };
  }, { capture: true, signal });
  return (date) => (last && last.values.date === date ? last : null);
}

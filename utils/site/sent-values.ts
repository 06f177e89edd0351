/**
 * The values of the "Tambah Progress Harian" form as they are when "OK" is clicked — what the
 * site is sent — for the Jurnal (utils/jurnal/). Read through the same label mapping as the
 * filler; a field that cannot be mapped is read as ''.
 */
import { chosenText } from '../fill/vue-select';
import { normaliseDate, normaliseTime } from '../templates/validate';
import type { SentValues } from '../jurnal/entry';
import { clickAction, mapProgressForm, type FormField } from './ekinerja-form';

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

/** The form's values at the last click on "OK" in `modal` (until `signal` aborts), or null before any. */
export function captureSentValues(modal: HTMLElement, signal: AbortSignal): () => SentValues | null {
  let sent: SentValues | null = null;
  modal.ownerDocument.addEventListener('click', (e) => {
    if (clickAction(modal, e.target) === 'save') sent = readSentValues(modal);
  }, { capture: true, signal });
  return () => sent;
}

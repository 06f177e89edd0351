import { t, type MessageKey } from '@/utils/i18n/i18n';
import type { TemplateEntryText } from '@/utils/db/schema';
import { formatLongDate } from '@/utils/calendar/dates';
import { normaliseRealisasi, normaliseTime } from '@/utils/templates/validate';
import { VARIABLES, VARIABLES_HELP_KEY, dateParts, renderTemplate, variableValues } from '@/utils/templates/variables';

/** What the editor's fields hold, as typed (nothing normalised yet). */
export interface TemplateForm extends TemplateEntryText {
  name: string;
  weekdays: number[];
  isDefault: boolean;
}

/** A line break in a field would be flattened on save (the site's inputs are single-line): show it so. */
const oneLine = (s: string): string => s.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim();

/**
 * The Progres Harian entry the form gives for `date`: texts rendered with `renderTemplate`, times
 * and realisasi as they will be saved when they are valid (as typed otherwise).
 */
export function previewEntry(form: TemplateForm, date: string) {
  const jamMulai = normaliseTime(form.jamMulai) ?? form.jamMulai.trim();
  const jamSelesai = normaliseTime(form.jamSelesai) ?? form.jamSelesai.trim();
  const realisasi = normaliseRealisasi(form.realisasi);
  const entry = renderTemplate({
    rencanaAksi: oneLine(form.rencanaAksi),
    jamMulai,
    jamSelesai,
    kegiatan: oneLine(form.kegiatan),
    realisasi: realisasi ?? 0,
    satuan: oneLine(form.satuan),
    buktiDukung: oneLine(form.buktiDukung),
  }, date);
  return { ...entry, realisasi: realisasi === null ? form.realisasi.trim() : String(realisasi) };
}

export interface Props {
  form: TemplateForm;
  /** The preview date, `YYYY-MM-DD`, or '' while the date input is empty. */
  date: string;
  locale: string;
  onDate(date: string): void;
}

const ROWS: ReadonlyArray<[keyof ReturnType<typeof previewEntry>, MessageKey]> = [
  ['rencanaAksi', 'templates_field_rencana_aksi'],
  ['tanggal', 'templates_preview_tanggal'],
  ['jamMulai', 'templates_field_jam_mulai'],
  ['jamSelesai', 'templates_field_jam_selesai'],
  ['kegiatan', 'templates_field_kegiatan'],
  ['realisasi', 'templates_field_realisasi'],
  ['satuan', 'templates_field_satuan'],
  ['buktiDukung', 'templates_field_bukti'],
];

/** The live preview ("Pratinjau") of the entry for a chosen date. */
export function TemplatePreview({ form, date, locale, onDate }: Props) {
  const entry = dateParts(date) !== null ? previewEntry(form, date) : null;
  return (
    <section class="tpl-preview" aria-labelledby="tpl-preview-title">
      <h4 id="tpl-preview-title">{t('templates_preview_title')}</h4>
      <label for="tpl-preview-date">{t('templates_preview_date')}</label>
      <input id="tpl-preview-date" type="date" value={date} onInput={(e) => onDate(e.currentTarget.value)} />
      {entry ? (
        <>
          <p class="muted">{t('templates_preview_hint')}</p>
          <dl class="tpl-preview-list">
            {ROWS.map(([key, label]) => {
              const value = key === 'tanggal' ? formatLongDate(date, locale) : entry[key];
              return (
                <div key={key}>
                  <dt>{t(label)}</dt>
                  <dd data-field={key}>{value === '' ? <span class="muted">{t('templates_preview_blank')}</span> : value}</dd>
                </div>
              );
            })}
          </dl>
        </>
      ) : (
        <p class="muted">{t('templates_preview_no_date')}</p>
      )}
    </section>
  );
}

/** The variables: name, meaning, and value on the preview date (when one is chosen). */
export function TemplateVariables({ date, locale }: { date: string; locale: string }) {
  const values = dateParts(date) !== null ? variableValues(date) : null;
  return (
    <section class="tpl-variables" aria-labelledby="tpl-variables-title">
      <h4 id="tpl-variables-title">{t('templates_variables_title')}</h4>
      <p class="muted">{t(VARIABLES_HELP_KEY)}</p>
      <table class="tpl-table">
        <thead>
          <tr>
            <th scope="col">{t('templates_variables_name')}</th>
            <th scope="col">{t('templates_variables_meaning')}</th>
            <th scope="col">{values ? t('templates_variables_example', formatLongDate(date, locale)) : t('templates_variables_example_plain')}</th>
          </tr>
        </thead>
        <tbody>
          {VARIABLES.map((v) => (
            <tr key={v.name}>
              <th scope="row"><code>{`{${v.name}}`}</code></th>
              <td>{t(v.descriptionKey)}</td>
              <td>{values ? values[v.name] : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/utils/i18n/i18n';
import { formatLongDate } from '@/utils/calendar/dates';
import type { TemplateRecord } from '@/utils/db/schema';
import type { SaveTemplateResult } from '@/utils/messaging/templates';
import type { TemplateDraft, TemplateError } from '@/utils/templates/validate';
import { TemplatePreview, TemplateVariables, type TemplateForm } from './TemplatePreview';
import { TemplateWeekdays } from './TemplateWeekdays';

export type { TemplateForm } from './TemplatePreview';

type Field = keyof TemplateForm;
type TextField = Exclude<Field, 'weekdays' | 'isDefault'>;
type FieldErrors = Partial<Record<Field, string[]>>;

export interface Props {
  /** The template being edited; absent for a new one. */
  template?: TemplateRecord;
  /** Weekdays a new template starts with (Senin–Jumat, or Senin–Sabtu for a six-day week). */
  defaultWeekdays: readonly number[];
  /** Today in the user's zone (`YYYY-MM-DD`): the preview's first date. */
  today: string;
  locale: string;
  /** Rencana Aksi texts already used by other templates, offered as suggestions. */
  suggestions?: readonly string[];
  /**
   * The Rencana Aksi options last seen on e-Kinerja (as template values) and the day they were
   * seen (`YYYY-MM-DD`), offered first; null when none were seen yet; absent: not asked.
   */
  siteOptions?: { options: readonly string[]; seenOn: string } | null;
  onSave(draft: TemplateDraft): Promise<SaveTemplateResult>;
  onSaved(template: TemplateRecord): void;
  onCancel(): void;
}

/** The form's values for a template (or for a new one). */
export function formFor(template: TemplateRecord | undefined, defaultWeekdays: readonly number[]): TemplateForm {
  if (!template) {
    return {
      name: '', rencanaAksi: '', jamMulai: '', jamSelesai: '', kegiatan: '', realisasi: '1', satuan: '', buktiDukung: '',
      weekdays: [...defaultWeekdays], isDefault: false,
    };
  }
  return {
    name: template.name,
    rencanaAksi: template.rencanaAksi,
    jamMulai: template.jamMulai,
    jamSelesai: template.jamSelesai,
    kegiatan: template.kegiatan,
    realisasi: String(template.realisasi),
    satuan: template.satuan,
    buktiDukung: template.buktiDukung,
    weekdays: [...template.weekdays],
    isDefault: template.isDefault,
  };
}

/** The text of a validation error, in the user's language. */
export function errorText(e: Pick<TemplateError, 'code' | 'params'>): string {
  return t(e.code as MessageKey, e.params);
}

function byField(errors: readonly TemplateError[]): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) {
    if (e.field === 'id' || e.field === 'order') continue;
    const list = (out[e.field as Field] ??= []);
    const text = errorText(e);
    if (!list.includes(text)) list.push(text);
  }
  return out;
}

/** The fields in the order they appear, for moving focus to the first one in error. */
const FIELD_ORDER: readonly Field[] = [
  'name', 'rencanaAksi', 'jamMulai', 'jamSelesai', 'kegiatan', 'realisasi', 'satuan', 'buktiDukung', 'weekdays', 'isDefault',
];

interface TextFieldSpec {
  field: TextField;
  label: MessageKey;
  hint?: MessageKey;
  type?: 'text' | 'url' | 'number';
  placeholder?: string;
}

const TEXT_FIELDS: readonly TextFieldSpec[] = [
  { field: 'name', label: 'templates_field_name', hint: 'templates_field_name_hint' },
  { field: 'rencanaAksi', label: 'templates_field_rencana_aksi', hint: 'templates_field_rencana_aksi_hint' },
  { field: 'jamMulai', label: 'templates_field_jam_mulai', hint: 'templates_field_time_hint', placeholder: '07.30' },
  { field: 'jamSelesai', label: 'templates_field_jam_selesai', hint: 'templates_field_time_hint', placeholder: '16.00' },
  { field: 'kegiatan', label: 'templates_field_kegiatan', hint: 'templates_field_kegiatan_hint' },
  { field: 'realisasi', label: 'templates_field_realisasi', hint: 'templates_field_realisasi_hint', type: 'number' },
  { field: 'satuan', label: 'templates_field_satuan', hint: 'templates_field_satuan_hint' },
  { field: 'buktiDukung', label: 'templates_field_bukti', hint: 'templates_field_bukti_hint', type: 'url', placeholder: 'https://' },
];

const FIELD_ID: Record<Field, string> = {
  name: 'tpl-name',
  rencanaAksi: 'tpl-rencana-aksi',
  jamMulai: 'tpl-jam-mulai',
  jamSelesai: 'tpl-jam-selesai',
  kegiatan: 'tpl-kegiatan',
  realisasi: 'tpl-realisasi',
  satuan: 'tpl-satuan',
  buktiDukung: 'tpl-bukti',
  weekdays: 'tpl-weekdays',
  isDefault: 'tpl-default',
};

const ids = (...list: (string | false | undefined)[]) => list.filter(Boolean).join(' ') || undefined;

/**
 * The template form: labelled fields, each with its hint and, after a refused save, the
 * background's validation messages right below it (aria-invalid + aria-describedby); a live
 * preview for a chosen date and the list of variables.
 */
export function TemplateEditor({ template, defaultWeekdays, today, locale, suggestions: used = [], siteOptions, onSave, onSaved, onCancel }: Props) {
  const suggestions = [...new Set([...(siteOptions?.options ?? []), ...used])];
  const siteHint = siteOptions === undefined ? null
    : siteOptions ? t('templates_site_options', [String(siteOptions.options.length), formatLongDate(siteOptions.seenOn, locale)])
    : t('templates_site_options_none');
  const [form, setForm] = useState<TemplateForm>(() => formFor(template, defaultWeekdays));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failed, setFailed] = useState<'' | 'invalid' | 'background'>('');
  const [busy, setBusy] = useState(false);
  const [previewDate, setPreviewDate] = useState(today);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useRef(false);

  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!focusFirstError.current) return;
    focusFirstError.current = false;
    const first = FIELD_ORDER.find((f) => errors[f]?.length);
    if (!first) return;
    const el = formRef.current?.querySelector<HTMLElement>(first === 'weekdays' ? '#tpl-weekdays input' : `#${FIELD_ID[first]}`);
    el?.focus();
  }, [errors]);

  const set = <K extends Field>(field: K, value: TemplateForm[K]) => {
    setForm((f) => ({ ...f, [field]: value }));
    // An error describes the value that was refused; once that value changes it no longer applies.
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const wasDefault = template?.isDefault === true;

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailed('');
    try {
      const draft: TemplateDraft = { ...form, isDefault: wasDefault || form.isDefault };
      if (template) draft.id = template.id;
      const res = await onSave(draft);
      if (res.ok) {
        setErrors({});
        onSaved(res.template);
      } else {
        focusFirstError.current = true;
        setErrors(byField(res.errors));
        setFailed('invalid');
      }
    } catch {
      setFailed('background');
    } finally {
      setBusy(false);
    }
  };

  const errorId = (field: Field) => (errors[field]?.length ? `${FIELD_ID[field]}-error` : undefined);
  const errorBlock = (field: Field) => errors[field]?.length ? (
    <div id={`${FIELD_ID[field]}-error`} class="error tpl-field-error">
      {errors[field]!.map((text) => <p key={text}>{text}</p>)}
    </div>
  ) : null;

  const title = template ? t('templates_editor_edit_title', template.name) : t('templates_editor_new_title');

  return (
    <div class="tpl-editor">
      <form ref={formRef} noValidate aria-labelledby="tpl-editor-title" onSubmit={(e) => void onSubmit(e)}>
        <h3 id="tpl-editor-title" tabIndex={-1} ref={titleRef}>{title}</h3>
        {TEXT_FIELDS.map(({ field, label, hint, type = 'text', placeholder }) => {
          const id = FIELD_ID[field];
          const hintId = hint ? `${id}-hint` : undefined;
          const siteHintId = field === 'rencanaAksi' && siteHint ? `${id}-site` : undefined;
          return (
            <div class="tpl-field" key={field}>
              <label for={id}>{t(label)}</label>
              <input
                id={id}
                type={type}
                value={form[field]}
                placeholder={placeholder}
                autocomplete="off"
                spellcheck={field === 'kegiatan'}
                {...(type === 'number' ? { min: '1', step: '1', inputMode: 'numeric' as const } : {})}
                {...(field === 'rencanaAksi' && suggestions.length ? { list: 'tpl-rencana-aksi-list' } : {})}
                aria-invalid={errors[field]?.length ? 'true' : undefined}
                aria-describedby={ids(errorId(field), hintId, siteHintId)}
                onInput={(e) => set(field, e.currentTarget.value)}
              />
              {errorBlock(field)}
              {hint && <p id={hintId} class="muted tpl-hint">{t(hint)}</p>}
              {siteHintId && <p id={siteHintId} class="muted tpl-hint">{siteHint}</p>}
            </div>
          );
        })}
        {suggestions.length > 0 && (
          <datalist id="tpl-rencana-aksi-list">
            {suggestions.map((s) => <option key={s} value={s} />)}
          </datalist>
        )}
        <div class="tpl-field">
          <TemplateWeekdays
            value={form.weekdays}
            locale={locale}
            invalid={Boolean(errors.weekdays?.length)}
            describedBy={errorId('weekdays')}
            onChange={(days) => set('weekdays', days)}
          />
          {errorBlock('weekdays')}
        </div>
        <div class="tpl-field">
          <label class="tpl-check">
            <input
              id="tpl-default"
              type="checkbox"
              checked={wasDefault || form.isDefault}
              disabled={wasDefault}
              aria-describedby="tpl-default-hint"
              onChange={(e) => set('isDefault', e.currentTarget.checked)}
            />
            {t('templates_field_default')}
          </label>
          <p id="tpl-default-hint" class="muted tpl-hint">
            {t(wasDefault ? 'templates_field_default_locked' : 'templates_field_default_hint')}
          </p>
        </div>
        {failed === 'invalid' && <p role="alert" class="error">{t('templates_not_saved')}</p>}
        {failed === 'background' && <p role="alert" class="error">{t('error_background')}</p>}
        <div class="tpl-actions">
          <button type="submit" class="primary" disabled={busy}>{t('templates_save')}</button>
          <button type="button" onClick={onCancel}>{t('templates_cancel')}</button>
        </div>
      </form>
      <TemplatePreview form={form} date={previewDate} locale={locale} onDate={setPreviewDate} />
      <TemplateVariables date={previewDate} locale={locale} />
    </div>
  );
}

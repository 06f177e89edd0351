import { useEffect, useRef, useState } from 'preact/hooks';
import { t, uiLocale } from '@/utils/i18n/i18n';
import { DAY_OFF_KINDS, type DayOffKind, type DayOffRecord } from '@/utils/db/schema';
import { formatDayRange } from '@/utils/calendar/month-grid';
import { checkDayOff, DAY_OFF_KIND_MESSAGE, type DayOffProblem } from '@/utils/calendar/workdays';
import { DateField } from './DateField';
import './calendar.css';

export type AddDayOffResult = { ok: true } | { ok: false; problems: DayOffProblem[] };

export interface Props {
  daysOff: DayOffRecord[];
  /** A date chosen in the calendar grid: fills Mulai and Sampai with it and moves focus to the form. */
  pickedDate?: string;
  /** Today (`YYYY-MM-DD`, user's zone): when given, the list is split into upcoming and past. */
  today?: string;
  onAdd(draft: Omit<DayOffRecord, 'id'>): Promise<AddDayOffResult>;
  onRemove(id: string): Promise<void>;
}

type Field = 'start' | 'end';
type FieldErrors = Partial<Record<Field, string>>;

function fromProblems(problems: readonly DayOffProblem[]): FieldErrors {
  const out: FieldErrors = {};
  for (const p of problems) out[p.field] ??= t(p.code);
  return out;
}

/** The form's own checks: a start date is required; then workdays.ts `checkDayOff`. */
export function draftErrors(start: string, end: string): FieldErrors {
  if (start.trim() === '') return { start: t('calendar_daysoff_start_required') };
  return fromProblems(checkDayOff({ start, end }));
}

const kindLabel = (kind: DayOffKind) => t(DAY_OFF_KIND_MESSAGE[kind]);

/**
 * The user's days off and extra holidays: a form to add one (a single day or a range) and the
 * list of what is recorded, each with a "Hapus" button. Validation messages sit next to their
 * fields (aria-invalid + aria-describedby); the outcome is announced in a status line.
 */
export function DaysOffEditor({ daysOff, pickedDate, today, onAdd, onRemove }: Props) {
  const locale = uiLocale();
  const [kind, setKind] = useState<DayOffKind>('cuti-tahunan');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  // Until the user sets Sampai themselves, it follows Mulai (a single day).
  const [endTouched, setEndTouched] = useState(false);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<{ text: string; failed: boolean }>({ text: '', failed: false });
  const [busy, setBusy] = useState(false);
  const kindRef = useRef<HTMLSelectElement>(null);
  const startRef = useRef<HTMLInputElement>(null);
  const endRef = useRef<HTMLInputElement>(null);
  const listTitleRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!pickedDate) return;
    setStart(pickedDate);
    setEnd(pickedDate);
    setEndTouched(false);
    setErrors({});
    setStatus({ text: '', failed: false });
    kindRef.current?.scrollIntoView?.({ block: 'nearest' });
    kindRef.current?.focus();
  }, [pickedDate]);

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    (found.start ? startRef : endRef).current?.focus();
  };

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const draft: Omit<DayOffRecord, 'id'> = { kind, start, end: end === '' ? start : end, note: note.trim() };
    const found = draftErrors(draft.start, draft.end);
    if (found.start || found.end) {
      showErrors(found);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const res = await onAdd(draft);
      if (res.ok) {
        setStart('');
        setEnd('');
        setEndTouched(false);
        setNote('');
        setStatus({ text: t('calendar_daysoff_added', [kindLabel(draft.kind), formatDayRange(draft.start, draft.end, locale)]), failed: false });
      } else {
        showErrors(fromProblems(res.problems));
        setStatus({ text: '', failed: false });
      }
    } catch {
      setStatus({ text: t('error_background'), failed: true });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (r: DayOffRecord) => {
    const what = [kindLabel(r.kind), formatDayRange(r.start, r.end, locale)];
    try {
      await onRemove(r.id);
      setStatus({ text: t('calendar_daysoff_removed', what), failed: false });
      listTitleRef.current?.focus();
    } catch {
      setStatus({ text: t('error_background'), failed: true });
    }
  };

  const byStart = [...daysOff].sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
  const groups: { key: string; title?: string; items: DayOffRecord[] }[] = today === undefined
    ? [{ key: 'all', items: byStart }]
    : [
      { key: 'upcoming', title: t('calendar_daysoff_upcoming'), items: byStart.filter((r) => r.end >= today) },
      // The most recent first: last month's leave matters more than last year's.
      { key: 'past', title: t('calendar_daysoff_past'), items: byStart.filter((r) => r.end < today).reverse() },
    ];

  return (
    <div class="daysoff">
      <form noValidate aria-labelledby="dayoff-form-title" onSubmit={(e) => void onSubmit(e)}>
        <h3 id="dayoff-form-title">{t('calendar_daysoff_form_title')}</h3>
        <div class="daysoff-field">
          <label for="dayoff-kind">{t('calendar_daysoff_kind')}</label>
          <select
            id="dayoff-kind"
            ref={kindRef}
            value={kind}
            aria-describedby="dayoff-kind-hint"
            onChange={(e) => setKind(e.currentTarget.value as DayOffKind)}
          >
            {DAY_OFF_KINDS.map((k) => <option key={k} value={k}>{kindLabel(k)}</option>)}
          </select>
          <p id="dayoff-kind-hint" class="muted">{t('calendar_daysoff_kind_hint')}</p>
        </div>
        <div class="daysoff-range">
          <DateField
            id="dayoff-start"
            label={t('calendar_daysoff_start')}
            inputRef={startRef}
            value={start}
            error={errors.start}
            onInput={(v) => {
              setStart(v);
              if (!endTouched) setEnd(v);
              setErrors({});
            }}
          />
          <DateField
            id="dayoff-end"
            label={t('calendar_daysoff_end')}
            inputRef={endRef}
            value={end}
            min={start || undefined}
            hint={t('calendar_daysoff_end_hint')}
            error={errors.end}
            onInput={(v) => {
              setEnd(v);
              setEndTouched(true);
              setErrors({});
            }}
          />
        </div>
        <div class="daysoff-field">
          <label for="dayoff-note">{t('calendar_daysoff_note')}</label>
          <input id="dayoff-note" type="text" value={note} maxLength={200} onInput={(e) => setNote(e.currentTarget.value)} />
        </div>
        <button type="submit" class="primary" disabled={busy}>{t('calendar_daysoff_add')}</button>
        <p role="status" class={status.failed ? 'error' : 'ok'}>{status.text}</p>
      </form>

      <h3 id="dayoff-list-title" ref={listTitleRef} tabIndex={-1}>{t('calendar_daysoff_list_title')}</h3>
      {byStart.length === 0 ? <p class="muted">{t('calendar_daysoff_empty')}</p> : groups.map((g) => g.items.length > 0 && (
        <div key={g.key}>
          {g.title && <h4 id={`dayoff-${g.key}`}>{g.title}</h4>}
          <ul class="daysoff-list" aria-labelledby={g.title ? `dayoff-${g.key}` : 'dayoff-list-title'}>
            {g.items.map((r) => {
              const label = kindLabel(r.kind);
              const range = formatDayRange(r.start, r.end, locale);
              return (
                <li key={r.id}>
                  <span class="daysoff-kind">{label}</span>
                  <span class="daysoff-dates">{range}</span>
                  {r.note.trim() !== '' && <span class="daysoff-note">{r.note}</span>}
                  <button type="button" aria-label={t('calendar_daysoff_remove_label', [label, range])} onClick={() => void remove(r)}>
                    {t('calendar_daysoff_remove')}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}

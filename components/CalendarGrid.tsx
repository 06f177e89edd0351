import { useEffect, useId, useRef } from 'preact/hooks';
import { t, uiLocale, type MessageKey } from '@/utils/i18n/i18n';
import { formatLongDate } from '@/utils/calendar/dates';
import {
  formatMonth, monthGrid, monthOf, shiftMonth, weekdayNames, type DayKind, type GridDay,
} from '@/utils/calendar/month-grid';
import { addDays, DAY_OFF_KIND_MESSAGE, isCovered, monthEnd, REASON_MESSAGE, type CalendarConfig } from '@/utils/calendar/workdays';
import './calendar.css';

export interface Props {
  /** The month shown, `YYYY-MM`. */
  month: string;
  /** Today, `YYYY-MM-DD`, in the user's zone. */
  today: string;
  cal: CalendarConfig;
  /** Dates with a report. */
  reported: ReadonlySet<string>;
  /** Missed working days (missed-days.ts `missedDays`). */
  missed: ReadonlySet<string>;
  onMonthChange(month: string): void;
  /** A day was chosen (click, Enter or Space): used to add a day off from that date. */
  onPickDay(date: string): void;
}

/** Text marker per kind, so no kind is told by colour alone ('' = plain working day). */
const MARK: Record<DayKind, string> = {
  'libur-nasional': '★',
  'cuti-bersama': '◆',
  'libur-tambahan': '✦',
  'day-off': '●',
  'weekend': '–',
  'reported': '✓',
  'missed': '✗',
  'workday': '',
  'future': '',
};

/** The kinds the legend lists ('future' looks like, and is named like, 'workday'). */
const LEGEND: readonly { kind: DayKind; key: MessageKey }[] = [
  { kind: 'libur-nasional', key: REASON_MESSAGE['libur-nasional'] },
  { kind: 'cuti-bersama', key: REASON_MESSAGE['cuti-bersama'] },
  { kind: 'libur-tambahan', key: REASON_MESSAGE['libur-tambahan'] },
  { kind: 'day-off', key: REASON_MESSAGE['day-off'] },
  { kind: 'weekend', key: REASON_MESSAGE.weekend },
  { kind: 'reported', key: 'calendar_grid_kind_reported' },
  { kind: 'missed', key: 'calendar_grid_kind_missed' },
  { kind: 'workday', key: 'calendar_grid_kind_workday' },
];

/** "Cuti tahunan", "Libur nasional", "Sudah lapor", … */
function kindLabel(day: GridDay): string {
  switch (day.kind) {
    case 'day-off': return t(DAY_OFF_KIND_MESSAGE[day.dayOffKind ?? 'lainnya']);
    case 'libur-nasional':
    case 'cuti-bersama':
    case 'libur-tambahan':
    case 'weekend': return t(REASON_MESSAGE[day.kind]);
    case 'reported': return t('calendar_grid_kind_reported');
    case 'missed': return t('calendar_grid_kind_missed');
    case 'workday':
    case 'future': return t('calendar_grid_kind_workday');
  }
}

/** "Libur nasional — Kelahiran Yesus Kristus (Natal)", "Cuti tahunan — Pulang kampung", "Sudah lapor". */
export function dayStatusText(day: GridDay): string {
  const label = kindLabel(day);
  const detail = day.name ?? day.note;
  const text = detail ? t('calendar_grid_status_detail', [label, detail]) : label;
  return day.reported && day.kind !== 'reported' ? t('calendar_grid_also_reported', text) : text;
}

/** The short text shown inside a cell under the day number (the holiday's name, the leave's kind). */
function cellText(day: GridDay): string {
  switch (day.kind) {
    case 'libur-nasional':
    case 'cuti-bersama': return day.name ?? '';
    case 'libur-tambahan': return day.note ?? t(REASON_MESSAGE['libur-tambahan']);
    case 'day-off': return t(DAY_OFF_KIND_MESSAGE[day.dayOffKind ?? 'lainnya']);
    default: return '';
  }
}

const ARROW_STEP: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

/**
 * The options page's month calendar: holidays, cuti bersama, days off, reported and missed days
 * and today, Monday first, with month navigation and a legend. Each day is a button named by its
 * full date and status; choosing one calls `onPickDay`. Arrow keys move between days (into the
 * neighbouring month too), Page Up / Page Down change the month.
 */
export function CalendarGrid({ month, today, cal, reported, missed, onMonthChange, onPickDay }: Props) {
  const locale = uiLocale();
  const legendId = useId();
  const hintId = useId();
  const tableRef = useRef<HTMLTableElement>(null);
  // A date to focus once the month it is in has been drawn (arrow keys across a month's edge).
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    const date = pendingFocus.current;
    if (!date || monthOf(date) !== month) return;
    pendingFocus.current = null;
    tableRef.current?.querySelector<HTMLButtonElement>(`button[data-date="${date}"]`)?.focus();
  }, [month]);

  const weeks = monthGrid({ month, today, cal, reported, missed });
  const names = weekdayNames(locale);
  const year = Number(month.slice(0, 4));

  const go = (to: string) => {
    pendingFocus.current = null;
    onMonthChange(to);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement | null;
    const from = target?.dataset?.date;
    if (!from) return;
    let to: string | undefined;
    if (e.key in ARROW_STEP) to = addDays(from, ARROW_STEP[e.key]!);
    else if (e.key === 'PageUp' || e.key === 'PageDown') {
      const m = shiftMonth(monthOf(from), e.key === 'PageUp' ? -1 : 1);
      const last = monthEnd(`${m}-01`);
      to = from.slice(8) > last.slice(8) ? last : `${m}-${from.slice(8)}`;
    }
    if (!to) return;
    e.preventDefault();
    if (monthOf(to) === month) {
      tableRef.current?.querySelector<HTMLButtonElement>(`button[data-date="${to}"]`)?.focus();
    } else {
      pendingFocus.current = to;
      onMonthChange(monthOf(to));
    }
  };

  return (
    <div class="cal">
      <div class="cal-nav">
        <button type="button" class="cal-nav-prev" onClick={() => go(shiftMonth(month, -1))}>
          <span aria-hidden="true">‹ </span>{t('calendar_grid_prev')}
        </button>
        {monthOf(today) !== month && (
          <button type="button" class="cal-nav-today" onClick={() => go(monthOf(today))}>
            {t('calendar_grid_this_month')}
          </button>
        )}
        <button type="button" class="cal-nav-next" onClick={() => go(shiftMonth(month, 1))}>
          {t('calendar_grid_next')}<span aria-hidden="true"> ›</span>
        </button>
      </div>
      {!isCovered(year) && <p class="cal-note">{t('calendar_year_not_covered', String(year))}</p>}
      <p id={hintId} class="muted cal-hint">{t('calendar_grid_hint')}</p>
      <table class="cal-table" ref={tableRef} onKeyDown={onKeyDown} aria-describedby={hintId}>
        <caption aria-live="polite">{formatMonth(month, locale)}</caption>
        <thead>
          <tr>
            {names.map((n) => (
              <th key={n.long} scope="col" abbr={n.long}>{n.short}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]!.date}>
              {week.map((day) => (
                <td key={day.date} class={day.inMonth ? undefined : 'cal-out'}>
                  {day.inMonth ? <DayButton day={day} locale={locale} onPick={onPickDay} /> : (
                    <span class="cal-out-num" aria-hidden="true">{Number(day.date.slice(8))}</span>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div class="cal-legend">
        <h3 id={legendId}>{t('calendar_grid_legend')}</h3>
        <ul aria-labelledby={legendId}>
          {LEGEND.map(({ kind, key }) => (
            <li key={kind}>
              <span class={`cal-swatch cal-k-${kind}`} aria-hidden="true">{MARK[kind]}</span>
              {t(key)}
            </li>
          ))}
          <li>
            <span class="cal-swatch cal-k-workday cal-today-swatch" aria-hidden="true" />
            {t('calendar_grid_today')}
          </li>
        </ul>
      </div>
    </div>
  );
}

function DayButton({ day, locale, onPick }: { day: GridDay; locale: string; onPick(date: string): void }) {
  const date = formatLongDate(day.date, locale);
  const status = dayStatusText(day);
  const label = day.isToday
    ? t('calendar_grid_day_label_today', [date, status])
    : t('calendar_grid_day_label', [date, status]);
  const text = cellText(day);
  // A non-working day with a report keeps its own marker and adds the report's.
  const mark = MARK[day.kind] + (day.reported && day.kind !== 'reported' ? ` ${MARK.reported}` : '');
  return (
    <button
      type="button"
      class={`cal-day cal-k-${day.kind}${day.isToday ? ' cal-today' : ''}`}
      data-date={day.date}
      aria-current={day.isToday ? 'date' : undefined}
      title={label}
      onClick={() => onPick(day.date)}
    >
      {/* The name is the full date and status; what the cell shows is a short form of it. */}
      <span class="sr-only">{label}</span>
      <span class="cal-num" aria-hidden="true">{Number(day.date.slice(8))}</span>
      <span class="cal-mark" aria-hidden="true">{mark}</span>
      {text && <span class="cal-text" aria-hidden="true">{text}</span>}
    </button>
  );
}

import { t } from '@/utils/i18n/i18n';

export const ALL_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The name of ISO weekday `n` (1 = Monday … 7 = Sunday) in `locale`: "Senin" … "Minggu". */
export function weekdayName(n: number, locale: string): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long' }).format(new Date(Date.UTC(2024, 0, n, 12)));
}

/**
 * The weekdays as people say them: "Senin–Jumat", "Senin, Rabu, Jumat", "Senin–Rabu, Sabtu"
 * (runs of three or more days as a range), or "every day".
 */
export function weekdaysText(days: readonly number[], locale: string): string {
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  if (sorted.length === 7) return t('templates_every_day');
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i >= 2) {
      parts.push(`${weekdayName(sorted[i]!, locale)}–${weekdayName(sorted[j]!, locale)}`);
    } else {
      for (let k = i; k <= j; k++) parts.push(weekdayName(sorted[k]!, locale));
    }
    i = j + 1;
  }
  return parts.join(', ');
}

export interface Props {
  value: readonly number[];
  locale: string;
  /** Ids of the hint/error texts that describe the group. */
  describedBy?: string;
  invalid: boolean;
  onChange(days: number[]): void;
}

/** "Hari berlaku": seven checkboxes Senin … Minggu in a labelled group. */
export function TemplateWeekdays({ value, locale, describedBy, invalid, onChange }: Props) {
  const toggle = (day: number, on: boolean) => {
    const next = new Set(value);
    if (on) next.add(day);
    else next.delete(day);
    onChange([...next].sort((a, b) => a - b));
  };
  return (
    <fieldset id="tpl-weekdays" class="tpl-weekdays" aria-describedby={describedBy}>
      <legend>{t('templates_field_weekdays')}</legend>
      {ALL_WEEKDAYS.map((day) => (
        <label key={day} class="tpl-check">
          <input
            type="checkbox"
            name="tpl-weekday"
            value={String(day)}
            checked={value.includes(day)}
            aria-invalid={invalid ? 'true' : undefined}
            onChange={(e) => toggle(day, e.currentTarget.checked)}
          />
          {weekdayName(day, locale)}
        </label>
      ))}
    </fieldset>
  );
}

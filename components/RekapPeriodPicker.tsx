import { t, uiLocale } from '@/utils/i18n/i18n';
import { parsePeriodKey, periodKey, type Period } from '@/utils/rekap/period';

export interface Props {
  /** Today, `YYYY-MM-DD`: the choices end with its month and its SKP period. */
  today: string;
  value: string;
  onChange(key: string): void;
}

/** The period's name: "Desember 2026" or "SKP Juli–Desember 2026". */
export function periodTitle(p: Period): string {
  if (p.kind === 'skp') return t(p.half === 1 ? 'rekap_period_skp1' : 'rekap_period_skp2', String(p.year));
  return new Intl.DateTimeFormat(uiLocale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(p.year, p.month - 1, 15)));
}

/** The SKP periods of this year and the last two, and the last 24 months, newest first. */
export function periodChoices(today: string): { skp: Period[]; months: Period[] } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const skp: Period[] = [];
  for (let y = year; y >= year - 2; y--) {
    if (y < year || month > 6) skp.push({ kind: 'skp', year: y, half: 2 });
    skp.push({ kind: 'skp', year: y, half: 1 });
  }
  const months: Period[] = [];
  for (let i = 0; i < 24; i++) {
    const m = month - 1 - i;
    const y = year + Math.floor(m / 12);
    months.push({ kind: 'month', year: y, month: ((m % 12) + 12) % 12 + 1 });
  }
  return { skp, months };
}

export function RekapPeriodPicker({ today, value, onChange }: Props) {
  const { skp, months } = periodChoices(today);
  // A period from the address that is not among the choices is offered too.
  const chosen = parsePeriodKey(value);
  if (chosen && ![...skp, ...months].some((p) => periodKey(p) === value)) (chosen.kind === 'skp' ? skp : months).push(chosen);
  return (
    <div class="rekap-period no-print">
      <label for="rekap-period">{t('rekap_period_label')}</label>
      <select id="rekap-period" value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        <optgroup label={t('rekap_group_skp')}>
          {skp.map((p) => <option key={periodKey(p)} value={periodKey(p)}>{periodTitle(p)}</option>)}
        </optgroup>
        <optgroup label={t('rekap_group_month')}>
          {months.map((p) => <option key={periodKey(p)} value={periodKey(p)}>{periodTitle(p)}</option>)}
        </optgroup>
      </select>
    </div>
  );
}

import { t, uiLocale } from '@/utils/i18n/i18n';
import type { RekapWeek } from '@/utils/rekap/rekap';

export interface Props {
  weeks: readonly RekapWeek[];
  /** The id of the table that holds the same numbers (the chart's text alternative). */
  tableId: string;
}

const SERIES = [
  ['reported', 'rekap_kind_reported'],
  ['missed', 'rekap_kind_missed'],
  ['off', 'rekap_kind_off'],
  ['upcoming', 'rekap_kind_upcoming'],
  ['unknown', 'rekap_kind_unknown'],
] as const;

const BAR_H = 120;
const STEP = 28;

/**
 * Days reported / missed / off per week as stacked bars (a small SVG, no library). The chart is
 * an image to assistive technology, named by its title and described by the week table that
 * follows it, which holds every number; each segment also has a tooltip.
 */
export function RekapWeekChart({ weeks, tableId }: Props) {
  const max = Math.max(1, ...weeks.map((w) => w.reported + w.missed + w.off + w.upcoming + w.unknown));
  const width = Math.max(240, weeks.length * STEP + 30);
  const unit = BAR_H / max;
  const short = new Intl.DateTimeFormat(uiLocale(), { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const day = (d: string) => short.format(new Date(`${d}T12:00:00Z`));
  return (
    <figure class="rekap-chart">
      <svg
        role="img" aria-labelledby="rekap-chart-title" aria-describedby={`rekap-chart-desc ${tableId}`}
        viewBox={`0 0 ${width} ${BAR_H + 34}`} preserveAspectRatio="xMinYMin meet"
      >
        <title id="rekap-chart-title">{t('rekap_chart_title')}</title>
        <desc id="rekap-chart-desc">{t('rekap_chart_desc')}</desc>
        <line x1="24" y1={BAR_H + 4} x2={width} y2={BAR_H + 4} class="axis" />
        <text x="0" y="12" class="tick">{max}</text>
        <text x="0" y={BAR_H + 4} class="tick">0</text>
        {weeks.map((w, i) => {
          let y = BAR_H + 4;
          const x = 30 + i * STEP;
          return (
            <g key={w.from}>
              {SERIES.map(([k, label]) => {
                const n = w[k];
                if (!n) return null;
                y -= n * unit;
                return (
                  <rect key={k} class={`seg seg-${k}`} x={x} y={y} width={STEP - 8} height={n * unit}>
                    <title>{`${day(w.from)}–${day(w.to)}: ${t(label)} ${n}`}</title>
                  </rect>
                );
              })}
              {(weeks.length <= 6 || i % 4 === 0) && <text x={x} y={BAR_H + 20} class="tick">{day(w.from)}</text>}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul class="rekap-legend">
          {SERIES.map(([k, label]) => (
            <li key={k}><span class={`swatch seg-${k}`} aria-hidden="true" />{t(label)}</li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

export interface Props {
  /** Seconds left in the code's period. */
  left: number;
  /** The code's period in seconds. */
  period: number;
  /** Pixel size of the ring (its box). */
  size?: number;
}

/**
 * A ring that empties as a code's period runs out. Decorative: hidden from assistive technology;
 * the seconds are in the text beside it and in its timer's label (MfaCodeItem).
 */
export function CountdownRing({ left, period, size = 22 }: Props) {
  const stroke = size >= 30 ? 4 : 3;
  const r = (size - stroke) / 2;
  const c = 2 * Math.PI * r;
  const part = period > 0 ? Math.min(1, Math.max(0, left / period)) : 0;
  return (
    <svg class="countdown-ring" width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true" focusable="false">
      <circle class="ring-track" cx={size / 2} cy={size / 2} r={r} stroke-width={stroke} fill="none" />
      <circle
        class="ring-left"
        cx={size / 2}
        cy={size / 2}
        r={r}
        stroke-width={stroke}
        fill="none"
        stroke-dasharray={c.toFixed(2)}
        stroke-dashoffset={(c * (1 - part)).toFixed(2)}
        transform={`rotate(-90 ${size / 2} ${size / 2})`}
      />
    </svg>
  );
}

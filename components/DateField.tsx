import type { Ref } from 'preact';

export interface Props {
  id: string;
  label: string;
  value: string;
  /** The earliest date the picker offers. */
  min?: string;
  /** A line under the field that explains it. */
  hint?: string;
  /** What is wrong with the value, shown under the field and marking it invalid. */
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
  onInput: (value: string) => void;
}

/** A labelled date input with its hint and error (`<id>-hint`, `<id>-error`), both named by aria-describedby. */
export function DateField({ id, label, value, min, hint, error, inputRef, onInput }: Props) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div class="daysoff-field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="date"
        ref={inputRef}
        value={value}
        min={min}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {hint && <p id={`${id}-hint`} class="muted">{hint}</p>}
      {error && <p id={`${id}-error`} class="error">{error}</p>}
    </div>
  );
}

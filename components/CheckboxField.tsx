export interface Props {
  /** The checkbox's id (where a refused save moves the focus). */
  id?: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** A line under the checkbox that explains it (its aria-describedby). */
  hint?: { id: string; text: string };
}

/** A checkbox inside its label, with an optional hint under it. */
export function CheckboxField({ id, label, checked, onChange, hint }: Props) {
  return (
    <>
      <label class="check">
        <input id={id} type="checkbox" checked={checked} aria-describedby={hint?.id} onChange={(e) => onChange(e.currentTarget.checked)} />{' '}
        {label}
      </label>
      {hint && <p id={hint.id} class="muted">{hint.text}</p>}
    </>
  );
}

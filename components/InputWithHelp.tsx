import type { ComponentChildren, JSX } from 'preact';

export interface Props extends Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id' | 'label'> {
  id: string;
  label: string;
  /** The paragraph that describes the input (its aria-describedby): a hint, or what is wrong. */
  help: { id: string; text: string; class: string };
  /** Marks the input invalid (aria-invalid). */
  invalid?: boolean;
  /** What stands between the input and its help (a button). */
  children?: ComponentChildren;
}

/** The attributes of a field for a whole number from `min` to `max` (numeric keyboard, steps of 1). */
export const wholeNumber = (min: number, max: number) => ({ type: 'number', inputMode: 'numeric', min, max, step: 1 }) as const;

/** A labelled input and the paragraph that describes it. */
export function InputWithHelp({ id, label, help, invalid, children, ...input }: Props) {
  return (
    <>
      <label for={id}>{label}</label>
      <input id={id} {...input} aria-invalid={invalid ? 'true' : undefined} aria-describedby={help.id} />
      {children}
      <p id={help.id} class={help.class}>{help.text}</p>
    </>
  );
}

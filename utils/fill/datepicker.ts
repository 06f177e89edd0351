/**
 * Typing into a vue2-datepicker (date or time) as a person does. The picker keeps typed text on
 * `input` and parses it only on `change` or on a keydown whose keyCode is 13 (a key of "Enter"
 * alone has keyCode 0 and is ignored). It parses strictly, so callers type normalised text
 * (`YYYY-MM-DD`, zero-padded `HH:mm`).
 *
 * Reading the result, never the typed text: the text is typed with a trailing space, which the
 * picker trims when it parses. Once parsed, the picker drops what was typed and shows its value
 * formatted from its state (its v-model), so it shows the text *without* the space; a picker
 * that did not take the text still shows it as typed, space included. A native
 * `<input type="date|time">` (which refuses the space) is typed plainly as a last resort; the
 * browser empties it when the value is not valid.
 */
import { setValue, settle } from './events';

/** Types `text` ('' clears); true when, after the picker's re-render, what it shows is `accepted`. */
export async function typeIntoPicker(input: HTMLInputElement, text: string, accepted: (shown: string) => boolean): Promise<boolean> {
  const typed = text && `${text} `;
  for (const enter of [false, true]) {
    setValue(input, typed, !enter);
    if (enter) input.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'Enter', keyCode: 13 } as KeyboardEventInit));
    await settle();
    if (accepted(input.value) && (input.value !== typed || text === '')) return true;
  }
  if (input.type !== 'date' && input.type !== 'time') return false;
  setValue(input, text);
  await settle();
  return accepted(input.value);
}

import { describe, expect, it } from 'vitest';
import { typeCode, waitBeforeFill } from '@/utils/sso-helper/code';

describe('typing a code', () => {
  it('uses the prototype setter, sends bubbling input and change as typing does, and focuses the field', () => {
    document.body.innerHTML = '<form><input id="otp"></form>';
    const input = document.querySelector<HTMLInputElement>('#otp')!;
    // A framework that shadows the instance's value property (as Vue/React trackers do).
    let shadowed = '';
    Object.defineProperty(input, 'value', {
      configurable: true,
      get: () => shadowed,
      set: (v: string) => { shadowed = `tracked:${v}`; },
    });
    const events: string[] = [];
    const record = (e: Event) => events.push(`${e.type}:${(e.target as HTMLInputElement).id}`);
    document.addEventListener('input', record);
    document.addEventListener('change', record);
    typeCode(input, '123456');
    document.removeEventListener('input', record);
    document.removeEventListener('change', record);
    expect(events).toEqual(['input:otp', 'change:otp']);
    delete (input as { value?: unknown }).value; // back to the element's own value
    expect(input.value).toBe('123456');
    expect(shadowed).toBe(''); // the instance setter was bypassed
    expect(document.activeElement).toBe(input);
  });

  it('waits for the next code when fewer than 3 s remain', () => {
    expect(waitBeforeFill(2999)).toBe(2999);
    expect(waitBeforeFill(3000)).toBe(0);
    expect(waitBeforeFill(29_000)).toBe(0);
    expect(waitBeforeFill(1)).toBe(1);
  });
});

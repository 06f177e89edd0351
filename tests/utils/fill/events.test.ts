import { describe, expect, it, vi } from 'vitest';
import { setValue, settle, waitFor } from '@/utils/fill/events';
import { typeIntoPicker } from '@/utils/fill/datepicker';
import { flash } from '@/utils/fill/highlight';

describe('setValue', () => {
  it('uses the native setter even when a framework shadows `value` on the element, then fires bubbling input and change', () => {
    const input = document.createElement('input');
    document.body.append(input);
    const seen: string[] = [];
    // A React-like tracker: writes through the instance property are swallowed.
    Object.defineProperty(input, 'value', { configurable: true, get: () => 'tracked', set: () => seen.push('instance setter') });
    document.body.addEventListener('input', (e) => seen.push(`input:${(e.target as HTMLInputElement) === input}`));
    document.body.addEventListener('change', () => seen.push('change'));
    setValue(input, 'Rapat');
    expect(seen).toEqual(['input:true', 'change']);
    delete (input as { value?: string }).value;
    expect(input.value).toBe('Rapat');
    input.remove();
  });

  it('can leave out change, and works on a textarea', () => {
    const area = document.createElement('textarea');
    const seen: string[] = [];
    area.addEventListener('input', () => seen.push('input'));
    area.addEventListener('change', () => seen.push('change'));
    setValue(area, 'baris', false);
    expect(area.value).toBe('baris');
    expect(seen).toEqual(['input']);
  });
});

describe('settle and waitFor', () => {
  it('settle runs after every queued microtask', async () => {
    const order: string[] = [];
    void Promise.resolve().then(() => Promise.resolve()).then(() => order.push('micro'));
    await settle();
    order.push('settled');
    expect(order).toEqual(['micro', 'settled']);
  });

  it('waitFor answers at once, on a DOM change, or with null after the timeout or an abort', async () => {
    const root = document.createElement('div');
    expect(await waitFor(() => 'now', root, 10)).toBe('now');

    const later = waitFor(() => root.querySelector('b')?.textContent, root, 5_000);
    setTimeout(() => root.append(Object.assign(document.createElement('b'), { textContent: 'ada' })), 5);
    expect(await later).toBe('ada');

    const t0 = performance.now();
    expect(await waitFor(() => root.querySelector('i'), root, 30)).toBeNull();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(25);

    const ctl = new AbortController();
    const aborted = waitFor(() => null, root, 60_000, ctl.signal);
    ctl.abort();
    expect(await aborted).toBeNull();
  });
});

describe('typeIntoPicker on a picker that parses only on Enter (keyCode 13)', () => {
  it('falls back to the Enter keydown and judges by what the picker shows after parsing', async () => {
    const input = document.createElement('input');
    let typed: string | null = null;
    let model = '';
    const keyCodes: number[] = [];
    input.addEventListener('input', () => { typed = input.value; });
    input.addEventListener('keydown', (e) => {
      keyCodes.push(e.keyCode);
      if (e.keyCode !== 13 || typed === null) return;
      if (/^\d{2}:\d{2}$/.test(typed.trim())) model = typed.trim();
      typed = null;
      queueMicrotask(() => { input.value = model; }); // the re-render shows the model
    });
    expect(await typeIntoPicker(input, '07:30', (s) => s === '07:30')).toBe(true);
    expect(model).toBe('07:30');
    expect(keyCodes).toEqual([13]);
    expect(await typeIntoPicker(input, '7.30', (s) => s === '7.30')).toBe(false);
    expect(input.value).toBe('07:30');
  });

  it('does not take text left as typed for a parsed value', async () => {
    const input = document.createElement('input'); // nothing parses it: it keeps whatever is typed
    expect(await typeIntoPicker(input, '07:30', (s) => s.trim() === '07:30')).toBe(false);
    input.type = 'time'; // a native time input is read back (the browser empties invalid values)
    expect(await typeIntoPicker(input, '07:30', (s) => s === '07:30')).toBe(true);
  });
});

describe('flash', () => {
  it('flash outlines an element for a while and then restores its own outline', async () => {
    const el = document.createElement('div');
    el.style.outline = '1px dotted red';
    const own = el.style.outline;
    flash(el, 20);
    expect(el.style.outline).toContain('solid');
    flash(el, 20); // again while it shows: still restores the element's own outline
    await vi.waitFor(() => expect(el.style.outline).toBe(own));
    expect(own).toContain('dotted');
  });
});

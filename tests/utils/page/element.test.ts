import { describe, expect, it } from 'vitest';
import { h } from '@/utils/page/element';

describe('the DOM factory', () => {
  it('h builds elements with attributes, listeners, refs and nested children', () => {
    let clicked = 0;
    let ref: HTMLElement | null = null;
    const el = h('p', { class: 'x', hidden: false, title: 'judul', onClick: () => clicked++, ref: (e: HTMLElement) => { ref = e; } },
      'a', 1, null, false, [h('b', null, 'c'), ['d']]);
    expect(el.outerHTML).toBe('<p class="x" title="judul">a1<b>c</b>d</p>');
    el.click();
    expect(clicked).toBe(1);
    expect(ref).toBe(el);
  });
});

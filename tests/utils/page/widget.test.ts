import { describe, expect, it } from 'vitest';
import { HOST_ATTRIBUTE, onUserClick, shadowWidget } from '@/utils/page/widget';

/** A click by the user: the browser marks it trusted (happy-dom has no isTrusted, so it is set here). */
const userClick = (el: HTMLElement) => {
  const e = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
  Object.defineProperty(e, 'isTrusted', { value: true });
  el.dispatchEvent(e);
};

describe('shadowWidget', () => {
  it('marks its host, opens its shadow root with the reset first, keeps keys from the page, and goes on abort', () => {
    const ctl = new AbortController();
    const { host, root } = shadowWidget(document, { tag: 'x-test', kind: 'demo', css: ':host{display:block!important}', signal: ctl.signal });
    document.body.append(host);
    expect(host.getAttribute(HOST_ATTRIBUTE)).toBe('demo');
    expect(host.shadowRoot).toBe(root); // open
    expect(root.querySelector('style')!.textContent).toBe(':host{all:initial!important}:host{display:block!important}');
    const input = document.createElement('input');
    root.append(input);
    const seen: string[] = [];
    document.addEventListener('keydown', (e) => seen.push(e.key));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true }));
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'b', bubbles: true }));
    expect(seen).toEqual(['b']); // the page's shortcuts never see what is typed in the widget
    ctl.abort();
    expect(host.isConnected).toBe(false);
  });
});

describe('onUserClick', () => {
  it('acts on the user\'s clicks only, not on clicks a page script makes', () => {
    const button = document.createElement('button');
    let clicks = 0;
    onUserClick(button, () => clicks++);
    button.click();
    expect(clicks).toBe(0);
    userClick(button);
    expect(clicks).toBe(1);
  });
});

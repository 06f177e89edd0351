import { describe, expect, it } from 'vitest';
import { afterEach, vi } from 'vitest';
import { t } from '@/utils/i18n/i18n';
import { focusInside, HOST_ATTRIBUTE, onUserClick, shadowWidget } from '@/utils/page/widget';

/** A click by the user: the browser marks it trusted (happy-dom has no isTrusted, so it is set here). */
const userClick = (el: HTMLElement) => {
  const e = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, detail: 1 });
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
    const css = root.querySelector('style')!.textContent!;
    expect(css.startsWith(':host{all:initial!important}')).toBe(true);
    expect(css.endsWith(':host{display:block!important}')).toBe(true);
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

describe('userAction against UI redress (issue 12, finding 4)', () => {
  let ctl: AbortController;
  afterEach(() => {
    ctl.abort();
    document.body.innerHTML = '';
  });
  /** A widget with one button in the page; `acted` counts what the button did. */
  function widget() {
    ctl = new AbortController();
    const { host, root } = shadowWidget(document, { tag: 'x-guard', kind: 'demo', css: '', signal: ctl.signal });
    const button = document.createElement('button');
    button.textContent = 'Isi';
    root.append(button);
    document.body.append(host);
    const state = { acted: 0 };
    onUserClick(button, () => state.acted++, ctl.signal);
    const notice = () => root.querySelector('[role="alert"]')?.textContent ?? null;
    return { host, root, button, state, notice };
  }
  const trusted = <E extends Event>(e: E): E => {
    Object.defineProperty(e, 'isTrusted', { value: true });
    return e;
  };
  /** The click Enter or Space makes on a focused button: trusted, no pointer (detail 0). */
  const keyboardClick = (el: Element) => el.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, detail: 0 })));

  it('a keyboard click on a button the page focused does nothing and says why; after the user\'s Tab it acts', () => {
    const w = widget();
    w.button.focus(); // the page's script
    keyboardClick(w.button);
    expect(w.state.acted).toBe(0);
    expect(w.notice()).toBe(t('widget_refused_focus'));
    w.button.blur();
    window.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Tab' })));
    w.button.focus(); // the Tab's focus move
    keyboardClick(w.button);
    expect(w.state.acted).toBe(1);
    expect(w.notice()).toBeNull();
    // Later, a Tab the page dispatches is not the user's.
    const later = performance.now() + 1000;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => later);
    try {
      w.button.blur();
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab' }));
      w.button.focus();
      keyboardClick(w.button);
      expect(w.state.acted).toBe(1);
    } finally {
      clock.mockRestore();
    }
  });

  it('the user\'s Tab still counts for a widget after another widget on the page went away', () => {
    const first = new AbortController();
    shadowWidget(document, { tag: 'x-first', kind: 'demo', css: '', signal: first.signal });
    const w = widget();
    first.abort(); // e.g. the SSO button re-created beside its field
    window.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Tab' })));
    w.button.focus();
    keyboardClick(w.button);
    expect(w.state.acted).toBe(1);
  });

  it('a keyboard click after the user pressed a pointer in the widget, or after the widget moved the focus itself, acts', () => {
    const w = widget();
    w.button.dispatchEvent(trusted(new MouseEvent('pointerdown', { bubbles: true, composed: true })));
    w.button.focus();
    keyboardClick(w.button);
    expect(w.state.acted).toBe(1);
    w.button.blur();
    focusInside(w.button);
    keyboardClick(w.button);
    expect(w.state.acted).toBe(2);
  });

  it('a transparent widget (opacity along the host\'s ancestors, or filter: opacity()) does nothing and says why', () => {
    const w = widget();
    const wrapper = document.createElement('div');
    document.body.append(wrapper);
    wrapper.append(w.host);
    wrapper.style.opacity = '0';
    userClick(w.button);
    expect(w.state.acted).toBe(0);
    expect(w.notice()).toBe(t('widget_refused_hidden'));
    wrapper.style.opacity = '1';
    w.host.style.filter = 'opacity(5%)';
    userClick(w.button);
    expect(w.state.acted).toBe(0);
    w.host.style.filter = '';
    userClick(w.button);
    expect(w.state.acted).toBe(1);
    expect(w.notice()).toBeNull();
  });

  it('a click whose point the page covers with something else does nothing', () => {
    const w = widget();
    const decoy = document.createElement('div');
    document.body.append(decoy);
    const original = document.elementFromPoint;
    try {
      document.elementFromPoint = () => decoy;
      userClick(w.button);
      expect(w.state.acted).toBe(0);
      expect(w.notice()).toBe(t('widget_refused_hidden'));
      document.elementFromPoint = () => w.host;
      w.root.elementFromPoint = () => w.button;
      userClick(w.button);
      expect(w.state.acted).toBe(1);
    } finally {
      document.elementFromPoint = original;
    }
  });
});

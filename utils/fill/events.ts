/**
 * Framework-safe typing into page inputs, and waiting for the page's framework to catch up.
 * `setValue` is the extension's one input setter: the filler and the SSO code fill both use it.
 *
 * Vue (and React) listen to `input`; a value assigned without an event is replaced by the model
 * at the next re-render. The native prototype setter is used (a framework may shadow `value` on
 * the element), then bubbling `input` and `change` are dispatched, as a person typing would.
 */

/** Sets `el`'s value through the native setter, then dispatches `input` (and `change`). */
export function setValue(el: HTMLInputElement | HTMLTextAreaElement, value: string, change = true): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
  if (change) el.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Resolves after one task: every microtask queued so far — Vue's re-render, mutation
 * observers — has run. A MessageChannel task, not setTimeout, which browsers slow to ≥ 4 ms
 * once timeouts nest.
 */
export function settle(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(0);
  });
}

/**
 * The first truthy result of `check`, tried now and after every DOM change under `root`;
 * null after `timeoutMs` or when `signal` aborts. No polling, no fixed waits.
 */
export function waitFor<T>(check: () => T | null | undefined | false, root: Node, timeoutMs: number, signal?: AbortSignal): Promise<T | null> {
  const first = check();
  if (first) return Promise.resolve(first);
  return new Promise((resolve) => {
    const done = (value: T | null | undefined | false) => {
      observer.disconnect();
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
      resolve(value || null);
    };
    const observer = new MutationObserver(() => {
      const value = check();
      if (value) done(value);
    });
    const abort = () => done(null);
    const timer = setTimeout(() => done(check()), timeoutMs);
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    signal?.addEventListener('abort', abort);
    if (signal?.aborted) abort();
  });
}

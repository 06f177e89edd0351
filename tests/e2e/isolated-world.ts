/**
 * Code running in the content script's world (the "isolated world" of a page), as an attacker
 * who got code there would: over CDP, evaluated in the extension's isolated execution context
 * of `page`'s main frame. Used by the hardening tests (issue 12).
 */
import type { Page } from 'playwright-core';

interface ContextCreated {
  context: { id: number; origin: string; name: string; auxData?: { type?: string; isDefault?: boolean; frameId?: string } };
}

/** Evaluates `expression` (may return a promise) in the extension's content-script world of `page`. */
export async function inContentScriptWorld<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: ContextCreated['context'][] = [];
    cdp.on('Runtime.executionContextCreated', (e: ContextCreated) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const deadline = Date.now() + 10_000;
    let world: ContextCreated['context'] | undefined;
    while (!(world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://')) ?? contexts.find((c) => c.auxData?.type === 'isolated'))) {
      if (Date.now() > deadline) throw new Error(`no content-script world in ${page.url()}: ${JSON.stringify(contexts)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const r = (await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true })) as {
      result: { value?: unknown };
      exceptionDetails?: { exception?: { description?: string }; text?: string };
    };
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text ?? 'evaluation failed');
    return r.result.value as T;
  } finally {
    await cdp.detach();
  }
}

/**
 * axe-core in the end-to-end tests: injected into the page over the DevTools protocol (extension
 * pages' CSP allows no inline script, and evaluate is not subject to it), run on the whole page or
 * on the extension's own widgets in a site page (their shadow roots are open).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The extension's widgets in a site page (utils/page/widget.ts HOST_ATTRIBUTE). */
export const WIDGETS = '[data-asisten-ekinerja]';

/**
 * axe's violations on `page` (or only inside the elements matching `include`), one line each:
 * "rule-id (impact): target, target…". Empty when axe finds nothing.
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    const r = await axe.run(include ? { include: [[include]] } : document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 5).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join(' | ')}${v.nodes.length > 5 ? ` … ${v.nodes.length} nodes` : ''}`);
  }, include ?? null);
}

export interface TextSize {
  text: string;
  px: number;
}

/**
 * Every visible text and every control on the page with its computed font size: text smaller
 * than `minText` px and controls smaller than `minControl` px.
 */
export function tooSmall(page: Page, minText: number, minControl: number): Promise<{ text: TextSize[]; controls: TextSize[] }> {
  return page.evaluate(([minText, minControl]) => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== 'hidden';
    };
    const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
    const text: { text: string; px: number }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent!.trim() || !visible(el) || el.closest('.sr-only')) continue;
      if (px(el) < minText) text.push({ text: n.textContent!.trim().slice(0, 40), px: px(el) });
    }
    const controls = [...document.querySelectorAll('button, input, select, textarea')]
      .filter((el) => visible(el) && px(el) < minControl)
      .map((el) => ({ text: (el.textContent || el.getAttribute('aria-label') || el.getAttribute('name') || el.tagName).trim().slice(0, 40), px: px(el) }));
    return { text, controls };
  }, [minText, minControl] as const);
}

/** Starts the form filler on e-Kinerja pages (called by entrypoints/kinerja.content.ts). */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export function startFiller(_ctx: ContentScriptContext): void {}

/**
 * Mounts the in-page control (components/FillControl.tsx) at the top of the modal's body, in a
 * shadow root: the site's CSS cannot reach it (`:host { all: initial }` also resets what would be
 * inherited, as WXT's createShadowRootUi does), and keys typed in it do not reach the site.
 *
 * Why not createShadowRootUi itself: with its auto-mount machinery it adds 3.2 KB gzipped to the
 * content script (measured), a fifth of the 15 KB budget, and a content script's dynamic import
 * is inlined by WXT, so it cannot be loaded lazily. This is the same technique in a few lines.
 */
import css from '@/components/FillControl.css?inline';
import { FillControl } from '@/components/FillControl';
import type { TemplateRecord } from '../db/schema';
import { sendMessage } from '../messaging/protocol';
import { controlSlot } from '../site/ekinerja-form';
import type { FillSession } from './fill-modal';

/** The shadow host's tag name. */
export const CONTROL_HOST = 'asisten-ekinerja-isi';

export interface MountOptions {
  session: FillSession;
  /** The templates, or null when the background did not answer. */
  templates: Promise<TemplateRecord[] | null>;
  today: () => string;
  /** Aborts when the modal closes: the control is removed. */
  signal: AbortSignal;
}

async function rememberRencanaAksi(id: string, rencanaAksi: string): Promise<TemplateRecord | null> {
  try {
    const res = await sendMessage('rememberRencanaAksi', { id, rencanaAksi });
    return res.ok ? res.template : null;
  } catch {
    return null;
  }
}

export async function mountControl(modal: HTMLElement, o: MountOptions): Promise<void> {
  const templates = await o.templates;
  if (o.signal.aborted) return;
  const host = document.createElement(CONTROL_HOST);
  // Open, so assistive technology and tests reach it; the buttons ignore clicks a page script makes (isTrusted).
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `:host{all:initial!important;display:block!important}${css}`;
  shadow.append(style, FillControl({ templates, today: o.today(), session: o.session, rememberRencanaAksi }));
  for (const type of ['keydown', 'keyup', 'keypress']) shadow.addEventListener(type, (e) => e.stopPropagation());
  controlSlot(modal).prepend(host);
  o.signal.addEventListener('abort', () => host.remove(), { once: true });
}

/**
 * The filler in the "Tambah Progress Harian" modal. When the modal opens: a fill session
 * (utils/fill/fill-modal.ts) and the control (components/FillControl.tsx) in a shadow-root
 * widget at the top of the modal's body; the templates' names come first, a template's texts only
 * at the user's click. All of it goes when the modal closes.
 */
import css from '@/components/FillControl.css?inline';
import { FillControl } from '@/components/FillControl';
import type { PageFeature } from '@/utils/page/feature';
import { onLocationChange } from '@/utils/page/feature';
import { shadowWidget } from '@/utils/page/widget';
import { sendMessage } from '@/utils/messaging/protocol';
import { localDate } from '@/utils/calendar/dates';
import type { ZoneChoice } from '@/utils/calendar/dates';
import type { TemplateRecord } from '@/utils/db/schema';
import { createFillSession } from '@/utils/fill/fill-modal';
import { trackFilledTemplate } from '@/utils/fill/filled-from';
import { controlSlot } from '@/utils/site/ekinerja-form';
import { EKINERJA_MATCHES } from '@/utils/site/pages';
import { watchProgressModal } from '@/utils/site/watch-modal';
import { pageOffReason } from '@/utils/calendar/off-reason';
import { fillChoice } from '@/utils/reporting/run';
import { formTemplateActions } from '@/utils/templates/from-page';

/** The control's shadow host's tag name. */
export const CONTROL_HOST = 'asisten-ekinerja-isi';

const loadTemplate = (id: string): Promise<TemplateRecord | null> => sendMessage('templateForFill', id);
const rememberRencanaAksi = (id: string, rencanaAksi: string): Promise<TemplateRecord | null> =>
  sendMessage('rememberRencanaAksi', { id, rencanaAksi }).then((res) => (res.ok ? res.template : null), () => null);

export const dailyProgressFiller: PageFeature = {
  name: 'daily-progress filler',
  matches: EKINERJA_MATCHES,
  init(ctx, signal) {
    const check = watchProgressModal(document, signal, async (modal, modalSignal) => {
      let zone: ZoneChoice = 'browser';
      const today = () => localDate(new Date(), zone);
      const session = trackFilledTemplate(modal, createFillSession(modal, today, () => performance.now(), modalSignal));
      // Names and days only: a template's texts are read when the user clicks "Isi dari template"
      // (or when a run the user started from the popup fills this modal).
      const [choices, days, run] = await Promise.all([
        Promise.all([sendMessage('templateChoices'), sendMessage('getSettings')]).then(([list, settings]) => ((zone = settings.zone), list), () => null),
        sendMessage('fillDays').catch(() => null),
        sendMessage('runTask').catch(() => null),
      ]);
      if (modalSignal.aborted) return;
      const pick = fillChoice(days, run, pageOffReason);
      // A fill for the run's day tells the run (the modal waits for the user's OK).
      const onFilled = (date: string) => void (run && date === pick.date && sendMessage('runAction', { action: 'filled', date, id: run.id }).catch(() => undefined));
      const { host, root } = shadowWidget(document, { tag: CONTROL_HOST, kind: 'fill', css: `:host{display:block!important}${css}`, signal: modalSignal });
      const fromPage = formTemplateActions(modal, modalSignal);
      root.append(FillControl({ choices, ...pick, today: pick.today ?? today(), onFilled, session, loadTemplate, rememberRencanaAksi, ...fromPage }));
      controlSlot(modal).prepend(host);
    });
    onLocationChange(ctx, signal, check);
  },
};

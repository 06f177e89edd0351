/** @jsxRuntime classic */
/** @jsx h */
/**
 * The control inside e-Kinerja's "Tambah Progress Harian" modal: a template chooser (the one for
 * today preselected), "Isi dari template", "Urungkan", the overwrite question, and the Rencana
 * Aksi picker when the template's is not among the site's options. Plain DOM (utils/page/element):
 * it ships in the content script, whose size is budgeted.
 *
 * For tests and the bench, the root's `data-state` tells where it is: ready → filling → done
 * (or confirm, asking about overwriting; undone after "Urungkan"); `data-fill-ms` is the last
 * fill's duration.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the JSX factory (`@jsx h` above)
import { h } from '@/utils/page/element';
import { t, uiLocale } from '@/utils/i18n/i18n';
import { formatLongDate } from '@/utils/calendar/dates';
import { templateForDate } from '@/utils/templates/choose';
import type { TemplateRecord } from '@/utils/db/schema';
import { labelOf, type Conflict, type FillKey, type FillReport, type FillSession } from '@/utils/fill/fill-modal';

export interface FillControlProps {
  /** The user's templates; null when the extension's background did not answer. */
  templates: TemplateRecord[] | null;
  /** Today in the user's zone (`YYYY-MM-DD`), to preselect the template. */
  today: string;
  session: FillSession;
  /** Stores `rencanaAksi` as the template's Rencana Aksi (and nothing else); the saved template, or null. */
  rememberRencanaAksi(id: string, rencanaAksi: string): Promise<TemplateRecord | null>;
}

type State = 'ready' | 'filling' | 'confirm' | 'done' | 'undone';

const labels = (keys: readonly string[]): string => keys.join(', ');

export function FillControl(props: FillControlProps): HTMLElement {
  const templates = [...(props.templates ?? [])];
  const { session } = props;
  let select!: HTMLSelectElement;
  let undoButton!: HTMLButtonElement;
  let panel!: HTMLElement;
  let status!: HTMLElement;

  const chosen = (): TemplateRecord | undefined => templates.find((x) => x.id === select.value);
  const preselected = templateForDate(templates, props.today)?.id;

  const root = (
    <div class="fc" role="group" aria-label={t('fill_region')} data-state="ready">
      {props.templates === null
        ? <p class="note">{t('error_background')}</p>
        : templates.length === 0
          ? <p class="note">{t('fill_no_templates')}</p>
          : <div class="bar">
              <label for="fc-template">{t('fill_template')}</label>
              <select id="fc-template" ref={(e: HTMLElement) => { select = e as HTMLSelectElement; }}>
                {templates.map((x) => <option value={x.id} selected={x.id === preselected}>{x.name}</option>)}
              </select>
              <button type="button" class="primary" onClick={(e: MouseEvent) => { if (e.isTrusted) void onFill(); }}>
                {t('fill_button')}
              </button>
              <button type="button" hidden ref={(e: HTMLElement) => { undoButton = e as HTMLButtonElement; }} onClick={(e: MouseEvent) => { if (e.isTrusted) void onUndo(); }}>
                {t('fill_undo')}
              </button>
            </div>}
      <div class="panel" ref={(e: HTMLElement) => { panel = e; }} />
      <div class="status" role="status" ref={(e: HTMLElement) => { status = e; }} />
    </div>
  );

  const setState = (state: State) => root.setAttribute('data-state', state);
  const say = (...lines: string[]) => status.replaceChildren(...lines.filter(Boolean).map((l) => <p>{l}</p>));
  const busy = (on: boolean) => {
    for (const b of root.querySelectorAll('button')) b.disabled = on;
  };

  async function onFill(): Promise<void> {
    const template = chosen();
    if (!template) return;
    panel.replaceChildren();
    const plan = session.check(template);
    if (plan.conflicts.length > 0) askOverwrite(template, plan.conflicts);
    else await run(template, []);
  }

  function askOverwrite(template: TemplateRecord, conflicts: Conflict[]): void {
    const answer = (overwrite: FillKey[] | null) => {
      panel.replaceChildren();
      if (overwrite === null) setState('ready');
      else void run(template, overwrite);
    };
    panel.replaceChildren(
      <div class="ask" role="alertdialog" aria-label={t('fill_conflict')}>
        <p>{t('fill_conflict')}</p>
        <ul>{conflicts.map((c) => <li>{t('fill_conflict_item', [labelOf(c.key), c.current])}</li>)}</ul>
        <button type="button" class="primary" onClick={(e: MouseEvent) => { if (e.isTrusted) answer(conflicts.map((c) => c.key)); }}>{t('fill_overwrite')}</button>
        <button type="button" onClick={(e: MouseEvent) => { if (e.isTrusted) answer([]); }}>{t('fill_skip')}</button>
        <button type="button" onClick={(e: MouseEvent) => { if (e.isTrusted) answer(null); }}>{t('fill_cancel')}</button>
      </div>,
    );
    say();
    setState('confirm');
  }

  async function run(template: TemplateRecord, overwrite: FillKey[]): Promise<void> {
    busy(true);
    setState('filling');
    say(t('fill_filling'));
    const report = await session.fill(template, overwrite);
    busy(false);
    showReport(template, report);
    undoButton.hidden = !session.canUndo;
    root.setAttribute('data-fill-ms', report.ms.toFixed(1));
    setState('done');
  }

  function showReport(template: TemplateRecord, r: FillReport): void {
    const date = formatLongDate(r.date, uiLocale());
    const complete = r.failed.length === 0 && r.problems.length === 0 && r.kept.length === 0;
    const failed = r.failed.filter((f) => !(f.key === 'rencanaAksi' && r.options.length > 0));
    const loading = failed.find((f) => f.key === 'rencanaAksi' && f.reason === 'loading');
    say(
      t(complete ? 'fill_done' : 'fill_done_partial', date),
      r.kept.length ? t('fill_kept', labels(r.kept.map(labelOf))) : '',
      r.problems.length ? t('fill_not_found', labels(r.problems.map((p) => p.label))) : '',
      failed.length ? t('fill_failed', labels(failed.map((f) => f.label))) : '',
      loading ? t('fill_ra_loading') : '',
    );
    const ra = r.failed.find((f) => f.key === 'rencanaAksi');
    if (ra && r.options.length > 0) askRencanaAksi(template, ra.reason === 'ambiguous', r.options);
  }

  function askRencanaAksi(template: TemplateRecord, ambiguous: boolean, options: string[]): void {
    let pick!: HTMLSelectElement;
    let remember!: HTMLInputElement;
    const wanted = template.rencanaAksi;
    const use = async () => {
      busy(true);
      const ok = await session.choose(pick.value);
      let line = t(ok ? 'fill_ra_used' : 'fill_ra_failed');
      if (ok && remember.checked) {
        const saved = await props.rememberRencanaAksi(template.id, pick.value);
        if (saved) templates.splice(templates.findIndex((x) => x.id === saved.id), 1, saved);
        line = saved ? t('fill_ra_remembered', template.name) : t('fill_ra_not_remembered');
      }
      busy(false);
      undoButton.hidden = !session.canUndo;
      if (ok) panel.replaceChildren();
      say(line);
      setState('done');
    };
    panel.replaceChildren(
      <div class="ask">
        <p>{t(ambiguous ? 'fill_ra_ambiguous' : 'fill_ra_missing', wanted)}</p>
        <label for="fc-rencana-aksi">{t('fill_ra_label')}</label>
        <select id="fc-rencana-aksi" ref={(e: HTMLElement) => { pick = e as HTMLSelectElement; }}>
          {options.map((o) => <option value={o}>{o}</option>)}
        </select>
        <label class="check">
          <input type="checkbox" checked ref={(e: HTMLElement) => { remember = e as HTMLInputElement; }} />
          <span>{t('fill_ra_remember', template.name)}</span>
        </label>
        <button type="button" class="primary" onClick={(e: MouseEvent) => { if (e.isTrusted) void use(); }}>{t('fill_ra_use')}</button>
      </div>,
    );
  }

  async function onUndo(): Promise<void> {
    busy(true);
    panel.replaceChildren();
    const changed = await session.undo();
    busy(false);
    undoButton.hidden = !session.canUndo;
    say(changed.length ? t('fill_undo_partial', labels(changed)) : t('fill_undone'));
    setState('undone');
  }

  return root;
}

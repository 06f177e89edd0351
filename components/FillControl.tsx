/** @jsxRuntime classic */
/** @jsx h */
/**
 * The control inside e-Kinerja's "Tambah Progress Harian" modal: a template chooser (the one for
 * today preselected), "Isi dari template", "Urungkan", the overwrite question, and the Rencana
 * Aksi picker when the template's is not among the site's options. Plain DOM (utils/page/element):
 * it ships in the content script, whose size is budgeted.
 *
 * The page can read the control (its shadow root is open) and change it, so (issue 12, finding 5)
 * the chooser holds only the preselected template's name until the user opens it (their own
 * pointer or key on it); the template filled is the one the user chose (a change the user made,
 * never a value the page set), and its texts are read from the background at the user's click.
 *
 * The date is always explicit (issue 11, item 2): "Untuk: Jumat, 4 Desember 2026" with a choice of
 * today or a missed day (the run's day when a run asks for one); the template is preselected by
 * that date's weekday (until the user picks one), TANGGAL KEGIATAN is set to it, and while the
 * date is not a working day a warning names it and why (weekend, holiday, leave) before anything
 * is filled. Like the template, the date is the user's choice (a trusted change), never a value
 * the page set. `auto` fills at once — a run the user started from the popup (their click was
 * there) — except on a day that is not a working day: then the user reads the warning and clicks.
 *
 * For tests and the bench, the root's `data-state` tells where it is: ready → filling → done
 * (or confirm, asking about overwriting; undone after "Urungkan"); `data-fill-ms` is the last
 * fill's duration.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the JSX factory (`@jsx h` above)
import { h } from '@/utils/page/element';
import { userAction } from '@/utils/page/widget';
import { t, uiLocale } from '@/utils/i18n/i18n';
import { formatLongDate } from '@/utils/calendar/dates';
import { templateForDate } from '@/utils/templates/choose';
import type { TemplateRecord } from '@/utils/db/schema';
import type { FormTemplateResult, TemplateChoice } from '@/utils/messaging/templates';
import { labelOf, type Conflict, type FillKey, type FillReport, type FillSession } from '@/utils/fill/fill-modal';

export interface FillControlProps {
  /** The templates' names and days; null when the extension's background did not answer. */
  choices: TemplateChoice[] | null;
  /** Today in the user's zone (`YYYY-MM-DD`). */
  today: string;
  /** The days to offer after today (the missed days, newest first). */
  missed?: readonly string[];
  /** Why each offered day is not a working day, in words ("Akhir pekan"); absent: a working day. */
  offDays?: Readonly<Record<string, string>>;
  /** The day preselected (a run's day); default today. */
  date?: string;
  /** Fill at once for `date` (a run the user started from the popup). */
  auto?: boolean;
  /** After each fill, the entry's date. */
  onFilled?(date: string): void;
  session: FillSession;
  /** The whole template, read at the user's click; null when it is gone. Rejects when the background does not answer. */
  loadTemplate(id: string): Promise<TemplateRecord | null>;
  /** Stores `rencanaAksi` as the template's Rencana Aksi (and nothing else); the saved template, or null. */
  rememberRencanaAksi(id: string, rencanaAksi: string): Promise<TemplateRecord | null>;
  /**
   * "Simpan isian ini sebagai template" (issue 11, item 5): the form as it is now becomes the
   * template `name`; `replace` only after the user agreed to replace the one of that name.
   * Rejects when the background does not answer. Absent: the button is not offered.
   */
  saveFormAsTemplate?(name: string, replace: boolean): Promise<FormTemplateResult>;
  /** The Rencana Aksi options the site listed (a fill that did not find the template's). */
  onSiteOptions?(options: string[]): void;
}

type State = 'ready' | 'filling' | 'confirm' | 'done' | 'undone' | 'naming' | 'replace' | 'saved';

/** The form's field each template error is about, as the site or the control names it. */
const errorField = (field: string): string =>
  field === 'name' ? t('fill_save_name') : field === 'realisasi' || field === 'rencanaAksi' || field === 'jamMulai' || field === 'jamSelesai'
    || field === 'kegiatan' || field === 'satuan' || field === 'buktiDukung' ? labelOf(field) : field;

const labels = (keys: readonly string[]): string => keys.join(', ');

export function FillControl(props: FillControlProps): HTMLElement {
  const choices = props.choices ?? [];
  const { session } = props;
  let select!: HTMLSelectElement;
  let undoButton!: HTMLButtonElement;
  let panel!: HTMLElement;
  let status!: HTMLElement;

  const locale = uiLocale();
  /** The days offered: the preselected one, today, then the missed days. */
  const days = [...new Set([props.date ?? props.today, props.today, ...(props.missed ?? [])])];
  /** The user's date: the preselected day, or one the user picked (a trusted change). */
  let chosenDate = days[0]!;
  /** Whether the date was chosen (by the user, or the run's day): only then is it typed over a date the form shows. */
  let datePicked = props.date !== undefined;
  let dateSelect!: HTMLSelectElement;
  let offWarning!: HTMLElement;
  const dayLabel = (d: string) => (d === props.today ? t('fill_date_today', formatLongDate(d, locale)) : formatLongDate(d, locale));
  /** Whether the user picked a template themselves (then a new date keeps it). */
  let pickedTemplate = false;
  /** The user's choice: the template for the date's weekday, or one the user picked (a trusted change). */
  let chosenId = templateForDate(choices, chosenDate)?.id ?? choices[0]?.id;
  const option = (x: TemplateChoice) => <option value={x.id} selected={x.id === chosenId}>{x.name}</option>;
  /** The user opens the chooser: now every template's name goes in (once). */
  let opened = false;
  const open = (e: Event) => {
    if (!e.isTrusted || opened) return;
    opened = true;
    select.replaceChildren(...choices.map(option));
    select.value = chosenId ?? '';
  };

  const root = (
    <div class="fc" role="group" aria-label={t('fill_region')} data-state="ready">
      {props.choices === null
        ? <p class="note">{t('error_background')}</p>
        : choices.length === 0
          ? <p class="note">{t('fill_no_templates')}</p>
          : <div class="bar">
              <label for="fc-date">{t('fill_date')}</label>
              <select
                id="fc-date"
                ref={(e: HTMLElement) => { dateSelect = e as HTMLSelectElement; }}
                onChange={(e: Event) => { if (e.isTrusted) pickDate(dateSelect.value); }}
              >
                {days.map((d) => <option value={d} selected={d === chosenDate}>{dayLabel(d)}</option>)}
              </select>
              <label for="fc-template">{t('fill_template')}</label>
              <select
                id="fc-template"
                ref={(e: HTMLElement) => { select = e as HTMLSelectElement; }}
                onPointerdown={open}
                onMousedown={open}
                onKeydown={open}
                onChange={(e: Event) => {
                  if (!e.isTrusted || !opened) return;
                  chosenId = select.value;
                  pickedTemplate = true;
                }}
              >
                {choices.filter((x) => x.id === chosenId).map(option)}
              </select>
              <button type="button" class="primary" onClick={userAction(() => void onFill())}>
                {t('fill_button')}
              </button>
              <button type="button" hidden ref={(e: HTMLElement) => { undoButton = e as HTMLButtonElement; }} onClick={userAction(() => void onUndo())}>
                {t('fill_undo')}
              </button>
            </div>}
      {props.choices !== null && props.saveFormAsTemplate && (
        <div class="bar save">
          <button type="button" onClick={userAction(() => askName())}>{t('fill_save_template')}</button>
        </div>
      )}
      <p class="warn" role="alert" ref={(e: HTMLElement) => { offWarning = e; }} />
      <div class="panel" ref={(e: HTMLElement) => { panel = e; }} />
      <div class="status" role="status" ref={(e: HTMLElement) => { status = e; }} />
    </div>
  );

  const setState = (state: State) => root.setAttribute('data-state', state);
  const say = (...lines: string[]) => status.replaceChildren(...lines.filter(Boolean).map((l) => <p>{l}</p>));
  const busy = (on: boolean) => {
    for (const b of root.querySelectorAll('button')) b.disabled = on;
  };

  /** Names the chosen date and why while it is not a working day. */
  function warnOffDay(): void {
    const off = props.offDays?.[chosenDate];
    offWarning.textContent = off ? t('fill_off_day', [formatLongDate(chosenDate, locale), off]) : '';
    offWarning.hidden = !off;
  }

  /** A new date: its weekday's template, unless the user picked one. */
  function pickDate(date: string): void {
    if (!days.includes(date)) return;
    chosenDate = date;
    datePicked = true;
    warnOffDay();
    if (pickedTemplate) return;
    chosenId = templateForDate(choices, date)?.id ?? chosenId;
    if (opened) select.value = chosenId ?? '';
    else select.replaceChildren(...choices.filter((x) => x.id === chosenId).map(option));
  }

  async function onFill(): Promise<void> {
    const id = chosenId;
    const date = chosenDate;
    if (id === undefined) return;
    // What the choosers show is what is filled, whatever the page set meanwhile.
    select.value = id;
    dateSelect.value = date;
    panel.replaceChildren();
    busy(true);
    const template = await props.loadTemplate(id).catch(() => undefined);
    busy(false);
    if (!template) {
      say(t(template === null ? 'fill_template_gone' : 'error_background'));
      setState('ready');
      return;
    }
    // Without a chosen date, a date the user typed into TANGGAL KEGIATAN is kept (fill-modal.ts).
    const asked = datePicked ? date : undefined;
    const plan = session.check(template, asked);
    if (plan.conflicts.length > 0) askOverwrite(template, plan.conflicts, asked);
    else await run(template, [], asked);
  }

  function askOverwrite(template: TemplateRecord, conflicts: Conflict[], date: string | undefined): void {
    const answer = (overwrite: FillKey[] | null) => {
      panel.replaceChildren();
      if (overwrite === null) setState('ready');
      else void run(template, overwrite, date);
    };
    panel.replaceChildren(
      <div class="ask" role="alertdialog" aria-label={t('fill_conflict')}>
        <p>{t('fill_conflict')}</p>
        <ul>{conflicts.map((c) => <li>{t('fill_conflict_item', [labelOf(c.key), c.current])}</li>)}</ul>
        <button type="button" class="primary" onClick={userAction(() => answer(conflicts.map((c) => c.key)))}>{t('fill_overwrite')}</button>
        <button type="button" onClick={userAction(() => answer([]))}>{t('fill_skip')}</button>
        <button type="button" onClick={userAction(() => answer(null))}>{t('fill_cancel')}</button>
      </div>,
    );
    say();
    setState('confirm');
  }

  async function run(template: TemplateRecord, overwrite: FillKey[], date: string | undefined): Promise<void> {
    busy(true);
    setState('filling');
    say(t('fill_filling'));
    const report = await session.fill(template, overwrite, date);
    busy(false);
    showReport(template, report);
    undoButton.hidden = !session.canUndo;
    root.setAttribute('data-fill-ms', report.ms.toFixed(1));
    setState('done');
    if (!report.failed.some((f) => f.key === 'tanggal')) props.onFilled?.(report.date);
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
    if (r.options.length > 0) props.onSiteOptions?.(r.options);
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
        <button type="button" class="primary" onClick={userAction(() => void use())}>{t('fill_ra_use')}</button>
      </div>,
    );
  }

  /** "Simpan isian ini sebagai template": asks for the template's name. */
  function askName(name = ''): void {
    let input!: HTMLInputElement;
    const submit = () => {
      const value = input.value.trim();
      if (!value) {
        say(t('template_error_name_required'));
        input.focus();
        return;
      }
      void saveAs(value, false);
    };
    panel.replaceChildren(
      <div class="ask" role="group" aria-label={t('fill_save_template')}>
        <p>{t('fill_save_intro')}</p>
        <label for="fc-template-name">{t('fill_save_name')}</label>
        <input
          id="fc-template-name"
          type="text"
          maxlength="100"
          autocomplete="off"
          value={name}
          ref={(e: HTMLElement) => { input = e as HTMLInputElement; }}
          onKeydown={(e: KeyboardEvent) => { if (e.key === 'Enter') userAction(submit)(e); }}
        />
        <button type="button" class="primary" onClick={userAction(submit)}>{t('fill_save_confirm')}</button>
        <button type="button" onClick={userAction(() => { panel.replaceChildren(); say(); setState('ready'); })}>{t('fill_cancel')}</button>
      </div>,
    );
    say();
    setState('naming');
    input.focus();
  }

  async function saveAs(name: string, replace: boolean): Promise<void> {
    busy(true);
    const res = await props.saveFormAsTemplate!(name, replace).catch(() => undefined);
    busy(false);
    if (!res) {
      say(t('error_background'));
      return;
    }
    if (res.ok) {
      panel.replaceChildren();
      say(t('fill_save_done', res.template.name));
      setState('saved');
    } else if ('exists' in res) {
      askReplace(name, res.exists);
    } else {
      // The name stays in its field; each error names the form's field it is about.
      say(t('fill_save_failed'), ...res.errors.map((e) => `${errorField(e.field)}: ${t(e.code, e.params)}`));
    }
  }

  function askReplace(name: string, existing: string): void {
    const question = t('fill_save_exists', existing);
    panel.replaceChildren(
      <div class="ask" role="alertdialog" aria-label={question}>
        <p>{question}</p>
        <button type="button" class="primary" onClick={userAction(() => void saveAs(name, true))}>{t('fill_overwrite')}</button>
        <button type="button" onClick={userAction(() => askName(name))}>{t('fill_save_other_name')}</button>
      </div>,
    );
    say();
    setState('replace');
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

  warnOffDay();
  if (props.auto && chosenId !== undefined && !props.offDays?.[chosenDate]) queueMicrotask(() => void onFill());
  return root;
}

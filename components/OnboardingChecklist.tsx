import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, type MessageKey } from '@/utils/i18n/i18n';
import { sendMessage } from '@/utils/messaging/protocol';
import type { AccountsList } from '@/utils/messaging/accounts';
import { checklist, skip, STEPS, type Checklist, type OnboardingFacts, type StepId, type StepState } from '@/utils/onboarding/checklist';
import { changeChoices, loadChoices } from '@/utils/onboarding/store';
import type { ComponentChildren } from 'preact';

export interface Props {
  /**
   * 'page': the welcome page (options.html#welcome), each step with its own form, skippable and
   * re-openable. 'summary': a short box with every step's state and a button to the welcome page
   * (the top of the options page). 'compact': the popup's one line — the button, and the steps still
   * to do beside it. Both show nothing once no step is left.
   */
  variant: 'page' | 'summary' | 'compact';
  /** Opens the welcome page; by default in a new tab (from the popup). */
  openWelcome?: () => void;
  /** The step forms of the welcome page (options only: the popup never loads them). */
  forms?: StepForms;
  /** Called when the steps' state has been read (or could not be): the popup shows what is under it then. */
  onLoaded?: () => void;
}

/** What each step of the welcome page shows to get it done (the options page passes its own components). */
export type StepForms = Record<StepId, (step: { reload: () => void; accounts: AccountsList }) => ComponentChildren>;

const TITLE: Record<StepId, MessageKey> = {
  passphrase: 'onboarding_step_passphrase',
  account: 'onboarding_step_account',
  template: 'onboarding_step_template',
  schedule: 'onboarding_step_schedule',
};
const STATE: Record<StepState, MessageKey> = { done: 'onboarding_state_done', skipped: 'onboarding_state_skipped', todo: 'onboarding_state_todo' };

/** The facts the steps are read from, asked of the background (and the stored choices). */
async function loadFacts(): Promise<OnboardingFacts & { accountsList: AccountsList }> {
  const [accountsList, templates, settings, choices] = await Promise.all([
    sendMessage('listAccounts'), sendMessage('listTemplates'), sendMessage('getSettings'), loadChoices(),
  ]);
  return { vaultMode: accountsList.vault.mode, accounts: accountsList.accounts.length, templates: templates.length, settings, choices, accountsList };
}

const openInTab = () => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#welcome') });

/** The first-run checklist: passphrase → MFA account → first template → deadline and zone (utils/onboarding). */
export function OnboardingChecklist({ variant, openWelcome = openInTab, forms, onLoaded }: Props) {
  const [facts, setFacts] = useState<Awaited<ReturnType<typeof loadFacts>> | null>(null);
  const [failed, setFailed] = useState(false);
  const loaded = useRef(onLoaded);
  loaded.current = onLoaded;
  const reload = () => loadFacts().then((f) => { setFacts(f); setFailed(false); }, () => setFailed(true)).finally(() => loaded.current?.());
  useEffect(() => {
    void reload();
    if (variant !== 'page') return;
    // The step forms save through the background; what they changed shows here within a moment.
    const timer = setInterval(() => { if (document.visibilityState === 'visible') void reload(); }, 1500);
    return () => clearInterval(timer);
  }, [variant]);

  if (failed) return <p role="alert" class="error">{t('error_background')}</p>;
  if (!facts) return null;
  const list = checklist(facts);
  if (variant !== 'page') return list.left === 0 ? null : variant === 'compact' ? <Compact list={list} open={openWelcome} /> : <Summary list={list} open={openWelcome} />;
  return <WelcomeSteps list={list} facts={facts} forms={forms} reload={() => void reload()} />;
}

function Summary({ list, open }: { list: Checklist; open: () => void }) {
  return (
    <div class="onboarding-summary" role="group" aria-labelledby="onboarding-summary-title">
      <p id="onboarding-summary-title" class="onboarding-progress">{t('onboarding_title')}: {t('onboarding_progress', [String(list.done), String(STEPS.length)])}</p>
      <ol class="onboarding-list">
        {list.steps.map((s) => (
          <li key={s.id} class={`step-${s.state}`}>{t(TITLE[s.id])} — {t(STATE[s.state])}</li>
        ))}
      </ol>
      <button type="button" class="primary" onClick={open}>{t('onboarding_continue')}</button>
    </div>
  );
}

/** The popup's: the button, and beside it the steps neither done nor skipped (the progress is the group's name). */
function Compact({ list, open }: { list: Checklist; open: () => void }) {
  const left = list.steps.filter((s) => s.state === 'todo').map((s) => t(TITLE[s.id]));
  return (
    <div class="onboarding-summary compact" role="group" aria-label={`${t('onboarding_title')}: ${t('onboarding_progress', [String(list.done), String(STEPS.length)])}`}>
      <button type="button" class="small" onClick={open}>{t('onboarding_continue')}</button>
      <p class="onboarding-left">{t('onboarding_left', left.join(', '))}</p>
    </div>
  );
}

function WelcomeSteps({ list, facts, forms, reload }: { list: Checklist; facts: OnboardingFacts & { accountsList: AccountsList }; forms?: StepForms; reload: () => void }) {
  const [opened, setOpened] = useState<StepId | null>(null);
  /** The step the user just finished: said above the next one (its own form's message goes with it). */
  const [justDone, setJustDone] = useState<StepId | null>(null);
  const before = useRef(list);
  const panel = useRef<HTMLHeadingElement>(null);
  // A step the user was on that just got done gives way to the next one.
  useEffect(() => {
    const on = opened ?? before.current.next;
    const was = before.current.steps.find((s) => s.id === on)?.state;
    const now = list.steps.find((s) => s.id === on)?.state;
    if (on && was !== 'done' && now === 'done') {
      setJustDone(on);
      setOpened(null);
    }
    before.current = list;
  }, [list, opened]);
  const current = opened ?? list.next;
  const state = list.steps.find((s) => s.id === current)?.state;

  const open = (id: StepId | null) => {
    setJustDone(null);
    setOpened(id);
    requestAnimationFrame(() => panel.current?.focus());
  };
  const skipStep = async (id: StepId, skipped: boolean) => {
    setJustDone(null);
    await changeChoices((c) => skip(c, id, skipped));
    setOpened(skipped ? null : id);
    reload();
    requestAnimationFrame(() => panel.current?.focus());
  };

  return (
    <section class="onboarding" aria-labelledby="welcome-title">
      <h2 id="welcome-title">{t('onboarding_title')}</h2>
      <p class="muted">{t('onboarding_intro')}</p>
      <p class="onboarding-progress" role="status">{t('onboarding_progress', [String(list.done), String(STEPS.length)])}</p>
      <ol class="onboarding-list">
        {list.steps.map((s, i) => (
          <li key={s.id} class={`step-${s.state}`}>
            <button type="button" class="link" aria-current={s.id === current ? 'step' : undefined} onClick={() => open(s.id)}>
              {`${i + 1}. ${t(TITLE[s.id])}`}
            </button>{' '}
            <span class="step-state">{t(STATE[s.state])}</span>
          </li>
        ))}
      </ol>
      <div class="onboarding-panel">
        {justDone && justDone !== current && (
          <p class="ok">{t('onboarding_step_just_done', [String(STEPS.indexOf(justDone) + 1), t(TITLE[justDone])])}</p>
        )}
        {current ? (
          <>
            <h3 id="step-title" tabIndex={-1} ref={panel}>{`${STEPS.indexOf(current) + 1}. ${t(TITLE[current])}`}</h3>
            <StepHelp id={current} facts={facts} />
            {state === 'done' ? <p class="ok">{t('onboarding_step_done')}</p> : forms?.[current]({ reload, accounts: facts.accountsList })}
            {state === 'todo' && <button type="button" onClick={() => void skipStep(current, true)}>{t('onboarding_skip')}</button>}
            {state === 'skipped' && <button type="button" onClick={() => void skipStep(current, false)}>{t('onboarding_unskip')}</button>}
          </>
        ) : (
          <>
            <h3 id="step-title" tabIndex={-1} ref={panel}>{t('onboarding_done_title')}</h3>
            <p>{t('onboarding_done_text')}</p>
            <button type="button" class="primary" onClick={() => void sendMessage('openDailyProgress')}>{t('popup_open_daily')}</button>
          </>
        )}
      </div>
    </section>
  );
}

const HELP: Record<StepId, MessageKey> = {
  passphrase: 'onboarding_passphrase_why',
  account: 'onboarding_account_help',
  template: 'onboarding_template_help',
  schedule: 'onboarding_schedule_help',
};

function StepHelp({ id, facts }: { id: StepId; facts: OnboardingFacts }) {
  return (
    <>
      <p>{t(HELP[id])}</p>
      {id === 'account' && facts.vaultMode === 'none' && <p class="mfa-warning">{t('onboarding_account_no_passphrase')}</p>}
    </>
  );
}

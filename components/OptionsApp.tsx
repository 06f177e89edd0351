import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n/i18n';
import { useSettings } from '@/utils/ui/use-settings';
import { ScheduleSection } from './ScheduleSection';
import { CalendarSection } from './CalendarSection';
import { BackupSection } from './BackupSection';
import { AccountsSection } from './AccountsSection';
import { TemplatesSection } from './TemplatesSection';
import { SyncSection } from './SyncSection';
import { OnboardingChecklist, type StepForms } from './OnboardingChecklist';
import { OnboardingScheduleStep } from './OnboardingScheduleStep';
import { VaultPanel } from './VaultPanel';
import { AccountAdd } from './AccountAdd';
import { readQrFile } from '@/utils/totp/qr-file';

/** The sections in the order of daily use: templates every day, then codes, then the set-once settings. */
const SECTIONS = [
  ['templates', 'options_templates_title'],
  ['mfa', 'options_mfa_title'],
  ['schedule', 'options_schedule_title'],
  ['calendar', 'options_calendar_title'],
  ['backup', 'options_backup_title'],
  ['sync', 'options_sync_title'],
] as const;

/**
 * Pengaturan: a side navigation that stays in view, and one readable column of sections. Every
 * setting saves on change; each section says "Tersimpan." (or what is refused, at its field).
 */
export function OptionsApp() {
  // Bumped after a backup import, so the settings forms reload what was imported.
  const [generation, setGeneration] = useState(0);
  const welcome = useHash() === '#welcome';
  if (welcome) return <Welcome />;
  return (
    <div class="options">
      <header class="options-header">
        <h1>{t('options_title')}</h1>
        <a href="/rekap.html">{t('options_open_rekap')}</a>
      </header>
      <nav class="options-nav" aria-label={t('options_nav')}>
        <ul>
          {SECTIONS.map(([id, title]) => (
            <li key={id}><a href={`#${id}`}>{t(title)}</a></li>
          ))}
          <li><a href="#welcome">{t('onboarding_nav')}</a></li>
        </ul>
      </nav>
      <main class="options-main">
        <OnboardingChecklist variant="summary" openWelcome={() => { location.hash = 'welcome'; }} />
        <TemplatesSection key={`templates-${generation}`} />
        <AccountsSection key={`accounts-${generation}`} />
        <SettingsSections key={generation} />
        <BackupSection onImported={() => setGeneration((g) => g + 1)} />
        <SyncSection key={`sync-${generation}`} />
      </main>
    </div>
  );
}

function SettingsSections() {
  const { settings, error, save } = useSettings();
  if (error) return <p role="alert" class="error">{t('error_background')}</p>;
  if (!settings) return null;
  return (
    <>
      <ScheduleSection settings={settings} save={save} />
      <CalendarSection settings={settings} save={save} />
    </>
  );
}

/** The location's hash, following its changes (the welcome page is options.html#welcome). */
function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    let was = location.hash;
    const follow = () => {
      // Into or out of the welcome page: start at its top (a section link scrolls as usual).
      if ((was === '#welcome') !== (location.hash === '#welcome')) requestAnimationFrame(() => scrollTo(0, 0));
      was = location.hash;
      setHash(location.hash);
    };
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return hash;
}

/** Each welcome step's form: the same components as the sections (the sections are not on this page, so ids stay unique). */
const STEP_FORMS: StepForms = {
  passphrase: ({ reload, accounts }) => <VaultPanel vault={accounts.vault} onChange={reload} setFormOpen />,
  account: ({ reload }) => <AccountAdd mode="options" readQrFile={readQrFile} onChanged={reload} />,
  template: () => <TemplatesSection />,
  schedule: ({ reload }) => <OnboardingScheduleStep onDone={reload} />,
};

/** options.html#welcome, opened on install: the first-run checklist alone, and the way to every setting. */
function Welcome() {
  return (
    <div class="options welcome">
      <header class="options-header">
        <h1>{t('onboarding_welcome')}</h1>
        <a href="#templates">{t('onboarding_all_settings')}</a>
      </header>
      <main class="options-main">
        <OnboardingChecklist variant="page" forms={STEP_FORMS} />
      </main>
    </div>
  );
}

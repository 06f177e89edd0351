import { useEffect, useRef, useState } from 'preact/hooks';
import { t, uiLocale } from '@/utils/i18n/i18n';
import type { TemplateRecord } from '@/utils/db/schema';
import { sendMessage } from '@/utils/messaging/protocol';
import { localDate } from '@/utils/calendar/dates';
import type { Settings } from '@/utils/settings/settings';
import { Region } from './Region';
import { TemplateList, type TemplateAction } from './TemplateList';
import { TemplateEditor } from './TemplateEditor';
import { TemplateCsv } from './TemplateCsv';
import './templates.css';

export interface Props {
  now?: () => Date;
}

/** Weekdays a new template applies to: the working week of the settings. */
export function workWeekDays(workWeek: Settings['workWeek']): number[] {
  return workWeek === 6 ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5];
}

type Editing = null | { kind: 'new' } | { kind: 'edit'; id: string };

/**
 * "Template Progres Harian": the list of templates with their actions, the editor (new or
 * existing template) with its live preview, and CSV import/export. Every change goes through
 * the background, which answers with the new list.
 */
export function TemplatesSection({ now = () => new Date() }: Props) {
  const locale = uiLocale();
  const [templates, setTemplates] = useState<TemplateRecord[] | null>(null);
  const [settings, setSettings] = useState<Pick<Settings, 'zone' | 'workWeek'>>({ zone: 'browser', workWeek: 5 });
  const [editing, setEditing] = useState<Editing>(null);
  const [confirmingDelete, setConfirmingDelete] = useState<string | null>(null);
  const [focus, setFocus] = useState<[string, TemplateAction] | null>(null);
  const [status, setStatus] = useState('');
  const [failed, setFailed] = useState(false);
  const [site, setSite] = useState<{ at: string; options: string[] } | null | undefined>(undefined);
  const newButtonRef = useRef<HTMLButtonElement>(null);

  const load = async () => {
    try {
      setTemplates(await sendMessage('listTemplates'));
    } catch {
      setFailed(true);
    }
  };

  useEffect(() => {
    void load();
    // The Rencana Aksi options last seen on e-Kinerja: the editor offers them (no answer: not offered).
    sendMessage('siteRencanaAksi').then(setSite, () => setSite(undefined));
    sendMessage('getSettings').then((s) => setSettings({ zone: s.zone, workWeek: s.workWeek }), () => setFailed(true));
  }, []);

  /** Runs a change in the background; the answer is the new list. */
  const change = async (run: () => Promise<TemplateRecord[]>, after: (list: TemplateRecord[]) => void) => {
    try {
      const list = await run();
      setFailed(false);
      setTemplates(list);
      after(list);
    } catch {
      setFailed(true);
    }
  };

  const nameOf = (id: string) => templates?.find((x) => x.id === id)?.name ?? '';

  const onAction = (id: string, action: TemplateAction) => {
    setStatus('');
    const name = nameOf(id);
    switch (action) {
      case 'edit':
        setConfirmingDelete(null);
        setEditing({ kind: 'edit', id });
        return;
      case 'delete':
        setConfirmingDelete(id);
        return;
      case 'duplicate': {
        const before = new Set(templates?.map((x) => x.id));
        void change(() => sendMessage('duplicateTemplate', { id, nameSuffix: t('template_copy_suffix') }), (list) => {
          const copy = list.find((x) => !before.has(x.id));
          if (copy) {
            setStatus(t('templates_duplicated', copy.name));
            setFocus([copy.id, 'edit']);
          }
        });
        return;
      }
      case 'up':
      case 'down':
        void change(() => sendMessage('moveTemplate', { id, direction: action }), (list) => {
          const position = list.findIndex((x) => x.id === id) + 1;
          setStatus(t('templates_moved', [name, String(position)]));
          setFocus([id, action]);
        });
        return;
      case 'default':
        void change(() => sendMessage('setDefaultTemplate', id), () => {
          setStatus(t('templates_default_set', name));
          setFocus([id, 'edit']);
        });
    }
  };

  const confirmDelete = (id: string) => {
    const name = nameOf(id);
    void change(() => sendMessage('deleteTemplate', id), () => {
      setConfirmingDelete(null);
      if (editing?.kind === 'edit' && editing.id === id) setEditing(null);
      setStatus(t('templates_deleted', name));
      newButtonRef.current?.focus();
    });
  };

  const cancelDelete = () => {
    const id = confirmingDelete;
    setConfirmingDelete(null);
    if (id) setFocus([id, 'delete']);
  };

  const closeEditor = (focusId?: string) => {
    setEditing(null);
    if (focusId) setFocus([focusId, 'edit']);
    else newButtonRef.current?.focus();
  };

  const edited = editing?.kind === 'edit' ? templates?.find((x) => x.id === editing.id) : undefined;
  const suggestions = [...new Set((templates ?? []).map((x) => x.rencanaAksi))];

  return (
    <Region id="templates" title={t('options_templates_title')}>
      <p class="muted">{t('templates_intro')}</p>
      {failed && <p role="alert" class="error">{t('error_background')}</p>}
      {templates !== null && (
        <>
          <h3 id="tpl-list-title">{t('templates_list_title')}</h3>
          {templates.length === 0 ? (
            <p class="tpl-empty">{t('templates_empty')}</p>
          ) : (
            <TemplateList
              templates={templates}
              locale={locale}
              confirmingDelete={confirmingDelete}
              focus={focus}
              onAction={onAction}
              onConfirmDelete={confirmDelete}
              onCancelDelete={cancelDelete}
            />
          )}
          <button
            type="button"
            class="primary"
            ref={newButtonRef}
            onClick={() => { setStatus(''); setConfirmingDelete(null); setEditing({ kind: 'new' }); }}
          >
            {t('templates_new')}
          </button>
          <p role="status" class="ok">{status}</p>
          {editing && (editing.kind === 'new' || edited) && (
            <TemplateEditor
              key={editing.kind === 'new' ? 'new' : editing.id}
              template={edited}
              defaultWeekdays={workWeekDays(settings.workWeek)}
              today={localDate(now(), settings.zone)}
              locale={locale}
              suggestions={suggestions}
              siteOptions={site && { options: site.options, seenOn: localDate(new Date(site.at), settings.zone) }}
              onSave={(draft) => sendMessage('saveTemplate', draft)}
              onSaved={(saved) => {
                setStatus(t('templates_saved', saved.name));
                void load().then(() => closeEditor(saved.id));
              }}
              onCancel={() => closeEditor(edited?.id)}
            />
          )}
          <TemplateCsv
            exportCsv={() => sendMessage('exportTemplatesCsv')}
            importCsv={(text) => sendMessage('importTemplatesCsv', text)}
            onImported={() => void load()}
          />
        </>
      )}
    </Region>
  );
}

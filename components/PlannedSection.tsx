import { t, type MessageKey } from '@/utils/i18n/i18n';
import { Region } from './Region';

export interface Props {
  id: string;
  title: MessageKey;
  body: MessageKey;
}

/** A section whose feature arrives in a later version: says what will come, shows no dead controls. */
export function PlannedSection({ id, title, body }: Props) {
  return (
    <Region id={id} title={t(title)}>
      <p class="muted">{t(body)}</p>
    </Region>
  );
}

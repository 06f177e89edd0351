import { render } from 'preact';
import { RekapApp } from '@/components/RekapApp';
import { localizeDocument } from '@/utils/i18n/i18n';
import { sendMessage } from '@/utils/messaging/protocol';

localizeDocument(document, 'rekap_title');
render(
  <RekapApp
    load={() => sendMessage('getRekapData', undefined)}
    initial={location.hash.slice(1)}
    onPeriod={(key) => history.replaceState(null, '', `#${key}`)}
  />,
  document.getElementById('app')!,
);

import { render } from 'preact';
import { PopupApp } from '@/components/PopupApp';
import { localizeDocument } from '@/utils/i18n/i18n';

localizeDocument(document);
render(<PopupApp />, document.getElementById('app')!);

import { render } from 'preact';
import { OptionsApp } from '@/components/OptionsApp';
import { localizeDocument } from '@/utils/i18n/i18n';

localizeDocument(document, 'options_title');
render(<OptionsApp />, document.getElementById('app')!);

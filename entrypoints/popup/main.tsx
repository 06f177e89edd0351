import { render } from 'preact';
import { PopupApp } from '@/components/PopupApp';
import { localizeDocument } from '@/utils/i18n/i18n';
import { POPUP_FIRST_RENDER_MARK } from '@/utils/ui/marks';

localizeDocument(document);
render(<PopupApp />, document.getElementById('app')!);
performance.mark(POPUP_FIRST_RENDER_MARK);

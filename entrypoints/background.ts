import { defineBackground } from 'wxt/utils/define-background';
import { registerHandlers } from '@/utils/background/service';

export default defineBackground(() => {
  registerHandlers();
});

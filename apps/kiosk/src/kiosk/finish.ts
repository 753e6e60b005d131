import { setLanguage } from '../i18n';
import { kioskStore } from './kiosk-store';

/** The next customer starts afresh: the start screen, in Chinese, in normal text. */
export function finishCustomer(): void {
  kioskStore.getState().reset();
  setLanguage('zh');
}

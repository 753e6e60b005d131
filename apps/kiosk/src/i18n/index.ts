import i18next from 'i18next';
import { startLanguage, type Language } from '@onestop/ui';
import { en } from './en';
import { zh } from './zh';

// zh-CN by default, English on request; the choice is kept per device.

export type { Language };
export const { setLanguage, toggleLanguage } = startLanguage('onestop.lang', zh, en);

export const strings = { zh, en };
export default i18next;

import i18next from 'i18next';
import { startLanguage, type Language } from '@onestop/ui';
import { en } from './en';
import { zh } from './zh';

// zh-CN by default, English on request; the choice is kept per device. The work post's words
// are here from the start; the console and the reports add theirs when their chunk loads
// (addStrings), so a workstation or a pad never loads them.

export type { Language };
export const { setLanguage, toggleLanguage, addStrings } = startLanguage(
  'onestop.counter.lang',
  zh,
  en,
);

// The screen's language as the shared UI reads i18next's (the reports' and the console's
// formatters take it), under the names the reports use.
export { langOf as languageOf, useLang as useLanguage } from '@onestop/ui';

export default i18next;

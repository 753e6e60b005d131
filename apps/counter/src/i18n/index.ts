import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { langOf, uiStrings } from '@onestop/ui';
import { en } from './en';
import { zh } from './zh';

// zh-CN by default, English on request; the choice is kept per device. The work post's words
// are here from the start; the console and the reports add theirs when their chunk loads
// (addStrings), so a workstation or a pad never loads them.

const LANG_KEY = 'onestop.counter.lang';
export type Language = 'zh' | 'en';

const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANG_KEY);

void i18next.use(initReactI18next).init({
  resources: {
    zh: { translation: zh, ui: uiStrings.zh },
    en: { translation: en, ui: uiStrings.en },
  },
  lng: saved === 'en' ? 'en' : 'zh',
  fallbackLng: 'zh',
  interpolation: { escapeValue: false },
});
setDocumentLanguage(langOf(i18next.language));

// The screen's language as the shared UI reads i18next's (the reports' and the console's
// formatters take it), under the names the reports use.
export { langOf as languageOf, useLang as useLanguage } from '@onestop/ui';

function setDocumentLanguage(lang: Language): void {
  if (typeof document !== 'undefined')
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

export function setLanguage(lang: Language): void {
  localStorage.setItem(LANG_KEY, lang);
  void i18next.changeLanguage(lang);
  setDocumentLanguage(lang);
}

export function toggleLanguage(): void {
  setLanguage(i18next.language === 'zh' ? 'en' : 'zh');
}

/** Adds a screen's own words (top-level keys of their own) in both languages. */
export function addStrings(zhStrings: object, enStrings: object): void {
  i18next.addResourceBundle('zh', 'translation', zhStrings, true, false);
  i18next.addResourceBundle('en', 'translation', enStrings, true, false);
}

export default i18next;

import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { uiStrings } from '@onestop/ui';
import { en } from './en';
import { zh } from './zh';

// zh-CN by default, English on request; the choice is kept per device.

const LANG_KEY = 'onestop.lang';
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
setDocumentLanguage(i18next.language === 'en' ? 'en' : 'zh');

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

export const strings = { zh, en };
export default i18next;

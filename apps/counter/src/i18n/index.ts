import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enAll, zhAll } from './resources';

// zh-CN by default, English on request; the choice is kept per device.

const LANG_KEY = 'onestop.counter.lang';
export type Language = 'zh' | 'en';

const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANG_KEY);

void i18next.use(initReactI18next).init({
  resources: { zh: { translation: zhAll }, en: { translation: enAll } },
  lng: saved === 'en' ? 'en' : 'zh',
  fallbackLng: 'zh',
  interpolation: { escapeValue: false },
});
setDocumentLanguage(i18next.language as Language);

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

export default i18next;

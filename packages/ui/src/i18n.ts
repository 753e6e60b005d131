import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from './format';
import { uiStrings } from './strings';

// One way a screen's words start: zh-CN by default, English on request, the choice kept per
// device under the app's own storage key; the shared UI's words under the `ui` namespace.

export type Language = Lang;

export interface ScreenLanguage {
  setLanguage(lang: Language): void;
  toggleLanguage(): void;
  /** Adds a screen's own words (top-level keys of their own) in both languages. */
  addStrings(zhStrings: object, enStrings: object): void;
}

function setDocumentLanguage(lang: Language): void {
  if (typeof document !== 'undefined')
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

/** Starts i18next with an app's words; the language is the one kept under `storageKey`. */
export function startLanguage(storageKey: string, zh: object, en: object): ScreenLanguage {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(storageKey);
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

  const setLanguage = (lang: Language) => {
    localStorage.setItem(storageKey, lang);
    void i18next.changeLanguage(lang);
    setDocumentLanguage(lang);
  };
  return {
    setLanguage,
    toggleLanguage: () => setLanguage(i18next.language === 'zh' ? 'en' : 'zh'),
    addStrings(zhStrings, enStrings) {
      i18next.addResourceBundle('zh', 'translation', zhStrings, true, false);
      i18next.addResourceBundle('en', 'translation', enStrings, true, false);
    },
  };
}

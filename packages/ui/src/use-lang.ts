import { useTranslation } from 'react-i18next';
import { langOf, type Lang } from './format';

/** The screen's language, following i18next's (a language switch renders again). */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return langOf(i18n.language);
}

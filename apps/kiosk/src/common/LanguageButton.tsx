import { useTranslation } from 'react-i18next';
import { toggleLanguage } from '../i18n';
import { useLang } from './use-lang';

/** Names the other language in that language (English / 中文), marked as such for readers. */
export function LanguageButton() {
  const { t } = useTranslation();
  const { zh } = useLang();
  return (
    <button type="button" lang={zh ? 'en' : 'zh-CN'} onClick={toggleLanguage}>
      {t('language')}
    </button>
  );
}

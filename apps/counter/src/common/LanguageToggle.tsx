import { useTranslation } from 'react-i18next';
import { toggleLanguage } from '../i18n';

export function LanguageToggle() {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="lang-toggle"
      onClick={toggleLanguage}
      data-testid="lang-toggle"
    >
      {t('common.otherLanguage')}
    </button>
  );
}

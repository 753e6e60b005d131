import { useTranslation } from 'react-i18next';

/** The screen's language and a picker for the contract's paired zh/en fields. */
export function useLang() {
  const { i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  return {
    zh,
    locale: zh ? 'zh-CN' : 'en-GB',
    pick: (zhText: string, enText: string) => (zh ? zhText : enText),
  };
}

import { useTranslation } from 'react-i18next';
import { Clock } from './Clock';
import { usePending, useStaffView } from './desk';
import { LanguageToggle } from './LanguageToggle';
import { useSignOut } from './use-sign-out';

/** The top line of a staff desk without a counter: hall, screen, who, clock, sign out. */
export function DeskHeader({ title, onRefused }: { title: string; onRefused?: () => void }) {
  const { t, i18n } = useTranslation();
  const { hall, me } = useStaffView();
  const signOut = useSignOut(onRefused);
  const busy = usePending('signOut');
  return (
    <header className="top-bar">
      <div className="hall-name">
        {i18n.language === 'zh' ? hall.config.nameZh : hall.config.nameEn}
      </div>
      <strong className="screen-title">{title}</strong>
      <div className="spacer" />
      <span data-testid="clerk">
        {me.name} <small>{me.staffNo}</small>
      </span>
      <Clock timeZone={hall.config.timeZone} />
      <LanguageToggle />
      <button type="button" data-testid="sign-out" disabled={busy} onClick={() => void signOut()}>
        {busy ? t('common.sending') : t('signIn.signOut')}
      </button>
    </header>
  );
}

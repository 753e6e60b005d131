import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../common/Avatar';
import { Clock } from '../../../common/Clock';
import { useDesk, useOnline, usePending } from '../../../common/desk';
import { langOf } from '@onestop/ui';
import { LanguageToggle } from '../../../common/LanguageToggle';
import { useSignOut } from '../../../common/use-sign-out';
import { ActionButton } from './ActionButton';
import { QuizzesButton } from '../quiz/QuizzesButton';
import type { useWorkActions } from './use-work-actions';
import { useWork, useWorkstationStore } from './work-context';

/** The hall, the counter and its state, the clerk, and the counter's own controls. */
export function TopBar({ actions }: { actions: ReturnType<typeof useWorkActions> }) {
  const { t, i18n } = useTranslation();
  const { runner } = useDesk();
  const { hall, me, counter, current } = useWork();
  const store = useWorkstationStore();
  const signOut = useSignOut(() => store.setState({ tab: 'handover' }));
  const signingOut = usePending('signOut');
  const leaving = usePending('leaveCounter');
  const online = useOnline();
  const lang = langOf(i18n.language);
  const state = counter?.state ?? 'closed';
  return (
    <header className="top-bar">
      <div className="hall-name">{lang === 'zh' ? hall.config.nameZh : hall.config.nameEn}</div>
      {counter && (
        <div className={`counter-state ${state}`} data-testid="counter-state" data-state={state}>
          <strong>{t('counter.number', { number: counter.number })}</strong>
          <span>
            {state === 'paused' && counter.pauseReason
              ? t('counter.pausedFor', { reason: t(`pause.${counter.pauseReason}`) })
              : t(`counter.${state}`)}
          </span>
        </div>
      )}
      <div className="counter-controls">
        <ActionButton action="openCounter" actions={actions} />
        <ActionButton action="pauseCounter" actions={actions} />
        <ActionButton action="closeCounter" actions={actions} />
        <QuizzesButton canTake={state !== 'open' && current === null} />
      </div>
      <div className="spacer" />
      <div className="clerk" data-testid="clerk">
        <Avatar staff={me} size={32} />
        <span>
          {me.name} <small>{me.staffNo}</small>
        </span>
      </div>
      <Clock timeZone={hall.config.timeZone} />
      <LanguageToggle />
      <button
        type="button"
        disabled={!online || leaving || current !== null}
        onClick={() => void runner.run('leaveCounter', 'counter:sign-out', {})}
      >
        {t('counter.leave')}
      </button>
      <button
        type="button"
        data-testid="sign-out"
        disabled={!online || signingOut}
        onClick={() => void signOut()}
      >
        {signingOut ? t('common.sending') : t('signIn.signOut')}
      </button>
    </header>
  );
}

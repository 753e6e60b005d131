import { useTranslation } from 'react-i18next';
import { useDesk, useOnline, usePending, useStaffView, useSignedIn } from '../../../common/desk';
import { langOf } from '@onestop/ui';
import { named, serviceById, staffById } from '../../../common/hall-selectors';
import { LanguageToggle } from '../../../common/LanguageToggle';
import { LinkBanner } from '../../../common/LinkBanner';
import { RefusalBanner } from '../../../common/RefusalBanner';
import { useSignOut } from '../../../common/use-sign-out';
import { HandoverPanel } from '../../../common/handover/HandoverPanel';
import { QuizzesCard } from '../quiz/QuizzesCard';
import { useMyQuizzes } from '../quiz/use-my-quizzes';
import '../quiz/quiz.css';

/** After sign-in: take a counter; the one this desk stands at comes first. */
export function CounterChooser() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const { runner } = useDesk();
  const { hall, me } = useStaffView();
  const signedIn = useSignedIn()!;
  const online = useOnline();
  const busy = usePending('counterSignIn');
  const signOut = useSignOut();
  const signingOut = usePending('signOut');
  const deskCounterId = hall.devices.find((d) => d.id === signedIn.session.deviceId)?.counterId;
  // 再培训: the services this clerk may not work until they pass (the hall refuses them too).
  const quizzes = useMyQuizzes();
  const blocked = quizzes.state.data?.blocksService
    ? new Set(quizzes.state.data.retraining.map((r) => r.serviceId))
    : new Set<string>();
  const counters = [...hall.counters].sort(
    (a, b) =>
      Number(b.id === deskCounterId) - Number(a.id === deskCounterId) || a.number - b.number,
  );
  return (
    <main className="chooser" data-testid="counter-chooser">
      <header className="top-bar">
        <div className="hall-name">{lang === 'zh' ? hall.config.nameZh : hall.config.nameEn}</div>
        <div className="spacer" />
        <span>
          {me.name} <small>{me.staffNo}</small>
        </span>
        <LanguageToggle />
        <button type="button" disabled={signingOut} onClick={() => void signOut()}>
          {t('signIn.signOut')}
        </button>
      </header>
      <LinkBanner />
      <RefusalBanner />
      <div className="chooser-body">
        <section>
          <h1>{t('counter.choose')}</h1>
          <ul className="counter-list">
            {counters.map((c) => {
              const holder = staffById(hall, c.staffId);
              const taken = holder !== undefined && holder.id !== me.id;
              const held = c.serviceIds.find((id) => blocked.has(id));
              return (
                <li key={c.id} className={c.id === deskCounterId ? 'this-desk' : ''}>
                  <div>
                    <strong>{t('counter.number', { number: c.number })}</strong>
                    {c.id === deskCounterId && (
                      <span className="badge">{t('counter.thisDesk')}</span>
                    )}
                    <div className="muted">
                      {c.serviceIds.map((id) => named(serviceById(hall, id), lang)).join(' · ')}
                    </div>
                    <div className="muted">
                      {t(`counter.${c.state}`)}
                      {holder && ` · ${holder.name}`}
                    </div>
                    {held && (
                      <div className="counter-blocked" data-testid="counter-blocked">
                        {t('quiz.blockedCounter', {
                          service: named(serviceById(hall, held), lang),
                        })}
                      </div>
                    )}
                  </div>
                  <button
                    type="button"
                    className={c.id === deskCounterId ? 'primary' : ''}
                    data-counter={c.number}
                    disabled={!online || busy || taken}
                    onClick={() =>
                      void runner.run('counterSignIn', 'counter:sign-in', { counterId: c.id })
                    }
                  >
                    {taken ? t('counter.taken') : t('counter.workHere')}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
        <section className="card">
          <QuizzesCard quizzes={quizzes} />
          <HandoverPanel />
        </section>
      </div>
    </main>
  );
}

import { useTranslation } from 'react-i18next';
import type { RecentCall } from './display-model';

/** The latest call, the largest thing on the board in every layout; before any call, a line. */
export function CurrentCall({ call, fresh }: { call: RecentCall | null; fresh: boolean }) {
  const { t } = useTranslation();
  return (
    <section
      className={`current-call zone-hero ${fresh ? 'fresh' : ''}`}
      data-zone="hero"
      data-testid="current-call"
      aria-labelledby="current-call-title"
    >
      <h2 id="current-call-title">{t('nowServing')}</h2>
      {call ? (
        <>
          <div className="current-number" data-ticket={call.number}>
            {call.number}
          </div>
          <div className="current-counter">
            {t('goToCounter', { counter: t('counter', { number: call.counterNumber }) })}
          </div>
        </>
      ) : (
        <div className="current-none">{t('waitForCall')}</div>
      )}
    </section>
  );
}

import type { TicketStatus } from '@onestop/shared';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageButton } from '../common/LanguageButton';
import { useLang } from '../common/use-lang';
import { waitShort } from '../common/wait';
import { StatusCases } from './StatusCases';
import { createStatusStore, useStatusView } from './status-store';

// The customer's phone page (/status?ticket=…&token=…, from the QR code on the ticket): their
// own ticket only, updated every few seconds and whenever the page comes back into view.

export const POLL_MS = 4000;

export function StatusApp() {
  const { t } = useTranslation();
  const store = useMemo(() => {
    const params = new URLSearchParams(window.location.search);
    return createStatusStore(params.get('ticket') ?? '', params.get('token') ?? '');
  }, []);
  const view = useStatusView(store);
  useBuzzWhenCalled(view.kind === 'ready' ? view.status.state : null);

  useEffect(() => {
    const refresh = () => void store.getState().refresh();
    refresh();
    const timer = setInterval(refresh, POLL_MS);
    const onVisible = () => document.visibilityState === 'visible' && refresh();
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('online', refresh);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('online', refresh);
    };
  }, [store]);

  return (
    <main className="status-page">
      <header>
        <h1>{t('statusTitle')}</h1>
        <LanguageButton />
      </header>
      {view.kind === 'invalid-link' && <p role="alert">{t('statusInvalidLink')}</p>}
      {view.kind === 'loading' && <p aria-busy="true">{t('statusLoading')}</p>}
      {view.kind === 'not-found' && <p role="alert">{t('statusNotFound')}</p>}
      {view.kind === 'error' && <p role="alert">{t('statusError')}</p>}
      {view.kind === 'ready' && <TicketCard status={view.status} at={view.at} stale={view.stale} />}
      {view.kind === 'ready' && (
        <StatusCases cases={view.status.cases ?? []} timeZone={view.status.timeZone} />
      )}
    </main>
  );
}

/** A short vibration when the ticket turns to "called" (phones that can). */
function useBuzzWhenCalled(state: TicketStatus['state'] | null): void {
  const previous = useRef(state);
  useEffect(() => {
    if (state === 'called' && previous.current !== null && previous.current !== 'called')
      navigator.vibrate?.([300, 120, 300]);
    previous.current = state;
  }, [state]);
}

function TicketCard({ status, at, stale }: { status: TicketStatus; at: number; stale: boolean }) {
  const { t } = useTranslation();
  const { pick, locale } = useLang();
  return (
    <section className="status-card" data-state={status.state}>
      <p className="muted">{pick(status.hallNameZh, status.hallNameEn)}</p>
      <p className="status-number">{status.number}</p>
      <p className="status-service">{pick(status.serviceNameZh, status.serviceNameEn)}</p>
      <p className="status-state" role="status" data-testid="status-state">
        {describe(status, t)}
      </p>
      {status.state === 'waiting' && (
        <dl className="status-facts">
          <div>
            <dt>{t('aheadLabel')}</dt>
            <dd data-testid="people-ahead">{t('aheadCount', { count: status.peopleAhead })}</dd>
          </div>
          <div>
            <dt>{t('estimate')}</dt>
            <dd data-testid="status-wait">{waitShort(t, status)}</dd>
          </div>
        </dl>
      )}
      {(status.state === 'waiting' || status.state === 'called') && (
        <p className="status-hint">{t('statusHint')}</p>
      )}
      {stale && <p className="hint-error">{t('statusOffline')}</p>}
      <p className="muted status-updated">
        {t('statusUpdated', {
          // The hall's clock, as the promises below (a visitor's phone may be set elsewhere).
          time: new Date(at).toLocaleTimeString(locale, {
            ...(status.timeZone ? { timeZone: status.timeZone } : {}),
          }),
        })}
      </p>
    </section>
  );
}

function describe(s: TicketStatus, t: TFunction): string {
  const counter = s.counter ? t('counter', { number: s.counter.number }) : '';
  switch (s.state) {
    case 'waiting':
      return t('statusWaiting');
    case 'called':
      return t('statusCalled', { counter });
    case 'serving':
      return t('statusServing', { counter });
    case 'parked':
      return t('statusParked');
    case 'done':
      return t('statusDone');
    case 'no_show':
      return t('statusNoShow');
    case 'cancelled':
      return t('statusCancelled');
  }
}

import type { TicketStatus } from '@onestop/shared';
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { toggleLanguage } from '../i18n';

// The customer's phone page (/status?ticket=…&token=…, from the QR code on the ticket): their
// own ticket only, updated every few seconds and whenever the page comes back into view.

const POLL_MS = 4000;

type View =
  | { kind: 'loading' }
  | { kind: 'not-found' }
  | { kind: 'ready'; status: TicketStatus; at: number; stale: boolean };

export function StatusApp() {
  const { t, i18n } = useTranslation();
  const params = new URLSearchParams(window.location.search);
  const ticketId = params.get('ticket') ?? '';
  const token = params.get('token') ?? '';
  const [view, setView] = useState<View>({ kind: 'loading' });

  useEffect(() => {
    let stopped = false;
    async function poll() {
      try {
        const res = await fetch(
          `/api/v1/ticket/status?ticketId=${encodeURIComponent(ticketId)}&token=${encodeURIComponent(token)}`,
        );
        const ack = (await res.json()) as { ok: boolean; data?: TicketStatus };
        if (stopped) return;
        if (ack.ok && ack.data)
          setView({ kind: 'ready', status: ack.data, at: Date.now(), stale: false });
        else setView({ kind: 'not-found' });
      } catch {
        if (!stopped) setView((v) => (v.kind === 'ready' ? { ...v, stale: true } : v));
      }
    }
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    const onVisible = () => document.visibilityState === 'visible' && void poll();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [ticketId, token]);

  const zh = i18n.language === 'zh';
  return (
    <main className="status-page">
      <header>
        <h1>{t('statusTitle')}</h1>
        <button type="button" onClick={toggleLanguage}>
          {t('language')}
        </button>
      </header>
      {view.kind === 'loading' && <p>{t('statusLoading')}</p>}
      {view.kind === 'not-found' && <p role="alert">{t('statusNotFound')}</p>}
      {view.kind === 'ready' && (
        <section data-state={view.status.state}>
          <p className="muted">{zh ? view.status.hallNameZh : view.status.hallNameEn}</p>
          <p className="status-number">{view.status.number}</p>
          <p>{zh ? view.status.serviceNameZh : view.status.serviceNameEn}</p>
          <p className="status-state" role="status" data-testid="status-state">
            {describe(view.status, t)}
          </p>
          {view.status.state === 'waiting' && (
            <>
              <p>{t('peopleAhead', { count: view.status.peopleAhead })}</p>
              <p>
                {t('estimatedWait', {
                  minutes: Math.max(1, Math.round(view.status.estimatedWaitSec / 60)),
                })}
              </p>
            </>
          )}
          {view.stale && <p className="hint-error">{t('statusOffline')}</p>}
          <p className="muted">
            {t('statusUpdated', {
              time: new Date(view.at).toLocaleTimeString(zh ? 'zh-CN' : 'en-GB'),
            })}
          </p>
        </section>
      )}
    </main>
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

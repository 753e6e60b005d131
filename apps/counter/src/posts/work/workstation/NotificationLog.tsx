import type { CommandPayload, Notification } from '@onestop/shared';
import { formatClock, formatDateTime, langOf } from '@onestop/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useOnline, usePending } from '../../../common/desk';
import { useQuery } from '../../../common/use-query';
import { useWork } from './work-context';

// The customer's text messages (issue 18 item 3) in the workstation's customer panel: what the
// hall sent them (turn near, called, promise changed, follow-up), when, and how it went, with
// "send again" for a failed one; and their consent, recorded or withdrawn here at the counter.
// The phone is masked: the whole number stays in the hall.

type Who = CommandPayload<'notification:list'>;

/** Asked again every 10 s while shown: a text goes out after the command that queued it. */
const REFRESH_MS = 10_000;

export function NotificationLog({ who, hasPhone }: { who: Who; hasPhone: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const { runner } = useDesk();
  const tz = useWork().hall.config.timeZone;
  const online = useOnline();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  const key = online ? `${JSON.stringify(who)}:${tick}` : null;
  const log = useQuery('notification:list', who, key);
  const consentKey = `notify-consent:${JSON.stringify(who)}`;
  const consentBusy = usePending(consentKey);

  async function consent(given: boolean) {
    const ack = await runner.run(consentKey, 'notification:consent', {
      ...consentTarget(who),
      given,
    });
    if (ack?.ok) setTick((n) => n + 1);
  }
  async function retry(n: Notification) {
    const ack = await runner.run(`notify-retry:${n.id}`, 'notification:retry', {
      notificationId: n.id,
    });
    if (ack?.ok) setTick((x) => x + 1);
  }

  const data = log.data;
  const c = data?.consent ?? null;
  return (
    <section className="notification-log" data-testid="notification-log">
      <h5>{t('notify.title')}</h5>
      {!online && <p className="muted">{t('notify.offline')}</p>}
      {data === null ? (
        online && (
          <p className="muted">
            {log.error
              ? t('notify.error', { error: t(`errors.${log.error}`) })
              : t('notify.loading')}
          </p>
        )
      ) : (
        <>
          <p data-testid="notify-consent" className={c?.given ? 'ok' : 'muted'}>
            {c === null
              ? t('notify.consentNone')
              : t(c.given ? 'notify.consentGiven' : 'notify.consentWithdrawn', {
                  source: t(`notify.source.${c.source}`),
                  time: formatDateTime(c.at, tz, lang),
                })}
            {c?.given && c.source === 'kiosk' && ` · ${t('notify.kioskOnly')}`}
          </p>
          {!hasPhone ? (
            <p className="muted">{t('notify.noPhone')}</p>
          ) : (
            <div className="row">
              <button
                type="button"
                disabled={!online || consentBusy}
                data-testid="notify-record"
                onClick={() => void consent(true)}
              >
                {t('notify.record')}
              </button>
              <button
                type="button"
                disabled={!online || consentBusy || c?.given === false}
                data-testid="notify-withdraw"
                onClick={() => void consent(false)}
              >
                {t('notify.withdraw')}
              </button>
            </div>
          )}
          {data.notifications.length === 0 ? (
            <p className="muted empty">{t('notify.empty')}</p>
          ) : (
            <ul className="compact" data-testid="notifications">
              {data.notifications.map((n) => (
                <li key={n.id} data-state={n.state} data-purpose={n.purpose}>
                  <time>{formatClock(n.createdAt, tz)}</time>{' '}
                  <strong>{t(`notify.purpose.${n.purpose}`)}</strong> · {n.phone} ·{' '}
                  <span className={`badge ${n.state === 'failed' ? 'warn' : ''}`}>
                    {t(`notify.state.${n.state}`)}
                  </span>
                  {n.attempts > 1 && ` · ${t('notify.attempts', { count: n.attempts })}`}
                  {n.lastError && (
                    <span className="muted">
                      {' '}
                      · {t(`notify.why.${n.lastError}`, { defaultValue: n.lastError })}
                    </span>
                  )}
                  {n.state === 'failed' && (
                    <button
                      type="button"
                      className="link"
                      disabled={!online}
                      onClick={() => void retry(n)}
                    >
                      {t('notify.retry')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

/** Consent is for the visit's phone, or the number the clerk typed. */
function consentTarget(who: Who): { ticketId: string } | { phone: string } {
  if ('ticketId' in who && who.ticketId) return { ticketId: who.ticketId };
  return { phone: 'phone' in who && who.phone ? who.phone : '' };
}

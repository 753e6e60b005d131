import type { Counter } from '@onestop/shared';
import { useTranslation } from 'react-i18next';
import { useStaffView } from '../../common/desk';
import { formatDuration, useLang } from '@onestop/ui';
import { currentTicket, named, staffById, staffLabel } from '../../common/hall-selectors';
import { levelOf, secondsSince, servedToday } from './timing';

// A counter on the live hall: its state, its clerk, the ticket at it against its target, the
// tickets it calls next, what it has done today; and the duty leader's overrides on it.

export function CounterCard(props: {
  counter: Counter;
  now: number;
  /** The tickets it calls next, from the hall's calling order (open counters). */
  next: string[] | undefined;
  canOverride: boolean;
  onState: () => void;
  onServices: () => void;
  onSignOut: (staffId: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { hall } = useStaffView();
  const { counter, now } = props;
  const clerk = staffById(hall, counter.staffId);
  const ticket = currentTicket(hall, counter.id);
  const service = ticket ? hall.services.find((s) => s.id === ticket.serviceId) : undefined;
  const serving = ticket?.state === 'serving' && ticket.startedAt !== null;
  const elapsed = ticket
    ? secondsSince((serving ? ticket.startedAt : ticket.calledAt) ?? now, now)
    : 0;
  const level = serving && service ? levelOf(elapsed, service.targetHandleSec) : 'ok';
  const stateLabel =
    counter.state === 'paused' && counter.pauseReason
      ? t('counter.pausedFor', { reason: t(`pause.${counter.pauseReason}`) })
      : t(`counter.${counter.state}`);
  return (
    <article
      className={`counter-card ${counter.state} level-${level}`}
      data-testid="counter-card"
      data-counter={counter.number}
      data-state={counter.state}
    >
      <header>
        <strong>{t('counter.number', { number: counter.number })}</strong>
        <span className={`state-pill ${counter.state}`} data-testid="counter-card-state">
          {stateLabel}
        </span>
      </header>
      <div className="clerk-line">
        {clerk ? staffLabel(clerk) : <span className="muted">{t('console.hall.noClerk')}</span>}
      </div>
      <div className={`current-line level-${level}`} data-level={level}>
        {ticket ? (
          <>
            <span className="ticket-no">{ticket.number}</span>
            <span>{t(`ticketState.${ticket.state}`)}</span>
            <span className="num elapsed">
              {formatDuration(elapsed, lang)}
              {serving && service && (
                <small> / {formatDuration(service.targetHandleSec, lang)}</small>
              )}
            </span>
          </>
        ) : (
          <span className="muted">{t('console.hall.idle')}</span>
        )}
      </div>
      {counter.state === 'open' && props.next && (
        <div className="next-line" data-testid="counter-next">
          {t('console.order.next')}:{' '}
          {props.next.length === 0
            ? '—'
            : props.next
                .map((id) => hall.tickets.find((x) => x.id === id)?.number)
                .filter(Boolean)
                .join(' · ')}
        </div>
      )}
      <div className="served-line muted">
        {t('console.hall.served', { count: servedToday(hall, counter.id) })}
      </div>
      <div className="services-line muted" data-testid="counter-services">
        {counter.serviceIds
          .map((id) =>
            named(
              hall.services.find((s) => s.id === id),
              lang,
            ),
          )
          .join(lang === 'zh' ? '、' : ', ')}
      </div>
      {props.canOverride && (
        <footer>
          <button type="button" onClick={props.onState}>
            {t('console.override.counterState')}
          </button>
          <button type="button" onClick={props.onServices}>
            {t('console.override.counterServices')}
          </button>
          {counter.staffId && (
            <button type="button" onClick={() => props.onSignOut(counter.staffId!)}>
              {t('console.override.signOut')}
            </button>
          )}
        </footer>
      )}
    </article>
  );
}

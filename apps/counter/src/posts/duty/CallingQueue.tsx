import type { CallPlace, Service, Ticket } from '@onestop/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStaffView } from '../../common/desk';
import { formatClock, formatDuration, useLang } from '@onestop/ui';
import { named } from '../../common/hall-selectors';
import { levelOf, secondsSince } from './timing';
import { callWhy, useCallOrder } from './use-call-order';

// The waiting tickets per service in the order the counters will call them (issue 15 item 11a),
// each with why it stands there. The order is the hall server's (`console:call-order`); a
// ticket issued since its last answer goes at the end until the next one.

interface Row {
  ticket: Ticket;
  place: CallPlace | null;
}

/** A service's waiting tickets in the hall's calling order; those issued since, after them. */
export function rowsOf(
  service: Service,
  waiting: Ticket[],
  places: CallPlace[] | undefined,
): Row[] {
  const mine = waiting.filter((x) => x.serviceId === service.id);
  if (!places)
    return mine.sort((a, b) => a.queuedAt - b.queuedAt).map((ticket) => ({ ticket, place: null }));
  const byId = new Map(mine.map((x) => [x.id, x]));
  const ordered = places.flatMap((place) => {
    const ticket = byId.get(place.ticketId);
    return ticket ? [{ ticket, place }] : [];
  });
  const listed = new Set(places.map((p) => p.ticketId));
  const newer = mine
    .filter((x) => !listed.has(x.id))
    .sort((a, b) => a.queuedAt - b.queuedAt)
    .map((ticket) => ({ ticket, place: null }));
  return [...ordered, ...newer];
}

export function CallingQueue(props: {
  query: string;
  now: number;
  actions: (ticket: Ticket) => ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { hall } = useStaffView();
  const order = useCallOrder();
  const waiting = hall.tickets.filter((x) => x.state === 'waiting');
  const services = hall.services
    .filter((s) => waiting.some((x) => x.serviceId === s.id))
    .sort((a, b) => a.sortOrder - b.sortOrder);
  const state = order.data ? 'ready' : order.error ? 'error' : 'loading';
  return (
    <div className="calling-queue" data-testid="calling-queue" data-state={state}>
      <p className={`order-state ${state}`} data-testid="call-order-state">
        {state === 'ready' && t('console.order.explain')}
        {state === 'loading' && t('console.order.loading')}
        {state === 'error' && t('console.order.failed', { reason: t(`errors.${order.error}`) })}
      </p>
      {services.length === 0 ? (
        <p className="muted empty">{t('console.order.nobodyWaiting')}</p>
      ) : (
        services.map((service) => {
          const places = order.data?.queues.find((q) => q.serviceId === service.id)?.tickets;
          const rows = rowsOf(service, waiting, places).filter(
            (r) => props.query === '' || r.ticket.number.includes(props.query),
          );
          if (rows.length === 0) return null;
          return (
            <section
              key={service.id}
              className="call-queue"
              data-testid="call-queue"
              data-service={service.id}
            >
              <h4>
                <b>{service.prefix}</b> {named(service, lang)}{' '}
                <small className="muted">
                  {t('console.order.waiting', { count: rows.length })}
                </small>
              </h4>
              <table className="grid-table tickets">
                <thead>
                  <tr>
                    <th className="num">{t('console.order.position')}</th>
                    <th>{t('console.tickets.number')}</th>
                    <th>{t('console.order.why')}</th>
                    <th>{t('console.tickets.issued')}</th>
                    <th>{t('console.tickets.waited')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, i) => (
                    <QueueRow
                      key={row.ticket.id}
                      row={row}
                      position={i + 1}
                      service={service}
                      now={props.now}
                      actions={props.actions(row.ticket)}
                    />
                  ))}
                </tbody>
              </table>
            </section>
          );
        })
      )}
    </div>
  );
}

function QueueRow(props: {
  row: Row;
  position: number;
  service: Service;
  now: number;
  actions: ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { hall } = useStaffView();
  const { ticket, place } = props.row;
  const waited = secondsSince(ticket.queuedAt, props.now);
  const level = levelOf(waited, props.service.targetWaitSec);
  const why = place ? callWhy(place, hall, t, lang) : null;
  return (
    <tr data-ticket={ticket.number} data-testid="queue-row" className={`level-${level}`}>
      <td className="num position">{props.position}</td>
      <td>
        <b>{ticket.number}</b>
      </td>
      <td className="why" data-testid="why">
        {why ? (
          <>
            {why.badge && <span className="badge warn">{why.badge}</span>} {why.wait}
          </>
        ) : (
          <span className="muted">{t('console.order.notYet')}</span>
        )}
      </td>
      <td className="num">{formatClock(ticket.issuedAt, hall.config.timeZone)}</td>
      <td className={`num level-text ${level}`}>{formatDuration(waited, lang)}</td>
      <td className="actions">{props.actions}</td>
    </tr>
  );
}

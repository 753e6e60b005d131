import type { Ticket, TicketState } from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow, useOnline, useStaffView } from '../../common/desk';
import { formatClock, formatDuration, useLang } from '@onestop/ui';
import { counterById, staffById, staffLabel } from '../../common/hall-selectors';
import { CallingQueue } from './CallingQueue';
import { ActionDialog, hasReason, ReasonField, useDialog } from './ConsoleDialog';
import { useServiceName } from './use-service-name';
import { FilterTabs, PanelHead } from './Panel';
import { levelOf, secondsSince } from './timing';

// Today's tickets with the duty leader's overrides on them: raise or move to the front, hold
// for a counter, cancel, reinstate, reassign the first handler. Each needs a reason. Waiting
// tickets are listed per service in calling order (CallingQueue).

const FILTER_NAMES = ['waiting', 'active', 'missed', 'done'] as const;
type Filter = (typeof FILTER_NAMES)[number];
export const FILTERS: Record<Filter, readonly TicketState[]> = {
  waiting: ['waiting'],
  active: ['called', 'serving', 'parked'],
  missed: ['no_show', 'cancelled'],
  done: ['done'],
};

export type Action = 'priority' | 'front' | 'counter' | 'cancel' | 'reinstate' | 'owner';

/** The overrides a ticket allows in its state. */
export function actionsFor(ticket: Ticket): Action[] {
  switch (ticket.state) {
    case 'waiting':
      return ['front', 'priority', 'counter', 'cancel'];
    case 'called':
      return ['cancel'];
    case 'no_show':
    case 'cancelled':
      return ['reinstate'];
    case 'serving':
    case 'parked':
    case 'done':
      return ticket.ownerStaffId ? ['owner'] : [];
  }
}

export function TicketsPanel() {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const online = useOnline();
  const now = useNow(5_000); // one clock for every row
  const [filter, setFilter] = useState<Filter>('waiting');
  const [query, setQuery] = useState('');
  const dialog = useDialog<{ action: Action; ticket: Ticket }>();
  const q = query.trim().toUpperCase();
  const tickets = hall.tickets
    .filter((x) => FILTERS[filter].includes(x.state) && (q === '' || x.number.includes(q)))
    .sort((a, b) => b.updatedAt - a.updatedAt);
  return (
    <section className="card tickets-panel" data-testid="tickets-panel">
      <PanelHead title={t('console.tickets.title')} stale={!online}>
        <FilterTabs
          filters={FILTER_NAMES}
          current={filter}
          onPick={setFilter}
          label={(f) => t(`console.tickets.filter.${f}`)}
          count={(f) => hall.tickets.filter((x) => FILTERS[f].includes(x.state)).length}
        />
        <input
          value={query}
          placeholder={t('console.tickets.search')}
          aria-label={t('console.tickets.search')}
          onChange={(e) => setQuery(e.target.value)}
        />
      </PanelHead>
      {filter === 'waiting' ? (
        <CallingQueue
          query={q}
          now={now}
          actions={(ticket) =>
            actionsFor(ticket).map((a) => (
              <button
                key={a}
                type="button"
                data-action={a}
                onClick={() => dialog.show({ action: a, ticket })}
              >
                {t(`console.tickets.action.${a}`)}
              </button>
            ))
          }
        />
      ) : tickets.length === 0 ? (
        <p className="muted empty">{t('console.tickets.none')}</p>
      ) : (
        <table className="grid-table tickets">
          <thead>
            <tr>
              <th>{t('console.tickets.number')}</th>
              <th>{t('queue.service')}</th>
              <th>{t('console.tickets.state')}</th>
              <th>{t('console.tickets.issued')}</th>
              <th>{t('console.tickets.waited')}</th>
              <th>{t('console.tickets.counter')}</th>
              <th>{t('work.owner')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tickets.map((ticket) => (
              <TicketRow
                key={ticket.id}
                ticket={ticket}
                now={now}
                onAction={(action) => dialog.show({ action, ticket })}
              />
            ))}
          </tbody>
        </table>
      )}
      {dialog.open && (
        <TicketDialog
          action={dialog.open.action}
          ticket={dialog.open.ticket}
          onClose={dialog.close}
        />
      )}
    </section>
  );
}

function TicketRow({
  ticket,
  now,
  onAction,
}: {
  ticket: Ticket;
  now: number;
  onAction: (a: Action) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { hall } = useStaffView();
  const serviceName = useServiceName();
  const service = hall.services.find((s) => s.id === ticket.serviceId);
  const waited = secondsSince(ticket.queuedAt, ticket.firstCalledAt ?? now);
  const level =
    ticket.state === 'waiting' && service ? levelOf(waited, service.targetWaitSec) : 'ok';
  const counter = counterById(hall, ticket.counterId ?? ticket.targetCounterId);
  return (
    <tr data-ticket={ticket.number} className={`level-${level}`}>
      <td>
        <b>{ticket.number}</b>
        {ticket.priority !== 'normal' && (
          <span className="badge warn">{t(`priority.${ticket.priority}`)}</span>
        )}
        {ticket.returning && <span className="badge">{t('priority.returning')}</span>}
      </td>
      <td>{serviceName(ticket.serviceId)}</td>
      <td>{t(`ticketState.${ticket.state}`)}</td>
      <td className="num">{formatClock(ticket.issuedAt, hall.config.timeZone)}</td>
      <td className={`num level-text ${level}`}>{formatDuration(waited, lang)}</td>
      <td>
        {counter ? t('counter.number', { number: counter.number }) : '—'}
        {ticket.targetCounterId && ticket.state === 'waiting' && (
          <span className="badge">{t('console.tickets.held')}</span>
        )}
      </td>
      <td>{staffById(hall, ticket.ownerStaffId)?.name ?? '—'}</td>
      <td className="actions">
        {actionsFor(ticket).map((a) => (
          <button key={a} type="button" data-action={a} onClick={() => onAction(a)}>
            {t(`console.tickets.action.${a}`)}
          </button>
        ))}
      </td>
    </tr>
  );
}

function TicketDialog({
  action,
  ticket,
  onClose,
}: {
  action: Action;
  ticket: Ticket;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const [reason, setReason] = useState('');
  const [counterId, setCounterId] = useState('');
  const [staffId, setStaffId] = useState('');
  const why = reason.trim();
  const title = t(`console.tickets.title_${action}`, { number: ticket.number });
  const common = { title, onClose, testId: 'ticket-dialog' } as const;
  const key = `${action}:${ticket.id}`;
  const reasonField = <ReasonField value={reason} onChange={setReason} />;
  switch (action) {
    case 'priority':
    case 'front':
      return (
        <ActionDialog
          {...common}
          actionKey={key}
          command="override:ticket-priority"
          payload={hasReason(why) ? { ticketId: ticket.id, to: action, reason: why } : null}
        >
          <p className="muted">{t(`console.tickets.explain_${action}`)}</p>
          {reasonField}
        </ActionDialog>
      );
    case 'counter': {
      const counters = hall.counters
        .filter((c) => c.serviceIds.includes(ticket.serviceId) || c.state === 'open')
        .sort((a, b) => a.number - b.number);
      return (
        <ActionDialog
          {...common}
          actionKey={key}
          command="override:ticket-counter"
          payload={
            hasReason(why) && counterId ? { ticketId: ticket.id, counterId, reason: why } : null
          }
        >
          <label>
            {t('console.tickets.toCounter')}
            <select
              value={counterId}
              onChange={(e) => setCounterId(e.target.value)}
              aria-label={t('console.tickets.toCounter')}
            >
              <option value="">{t('common.choose')}</option>
              {counters.map((c) => (
                <option key={c.id} value={c.id}>
                  {t('counter.number', { number: c.number })} · {t(`counter.${c.state}`)} ·{' '}
                  {staffById(hall, c.staffId)?.name ?? '—'}
                </option>
              ))}
            </select>
          </label>
          {reasonField}
        </ActionDialog>
      );
    }
    case 'cancel':
    case 'reinstate':
      return (
        <ActionDialog
          {...common}
          actionKey={key}
          command={action === 'cancel' ? 'ticket:cancel' : 'ticket:reinstate'}
          payload={hasReason(why) ? { ticketId: ticket.id, reason: why } : null}
        >
          {reasonField}
        </ActionDialog>
      );
    case 'owner': {
      const people = hall.staff.filter(
        (s) =>
          s.active &&
          s.id !== ticket.ownerStaffId &&
          s.roles.some((r) => r === 'clerk' || r === 'duty_leader'),
      );
      return (
        <ActionDialog
          {...common}
          actionKey={key}
          command="ticket:reassign-owner"
          payload={hasReason(why) && staffId ? { ticketId: ticket.id, staffId, reason: why } : null}
        >
          <p className="muted">
            {t('console.tickets.currentOwner', {
              name: staffLabel(staffById(hall, ticket.ownerStaffId)),
            })}
          </p>
          <label>
            {t('console.tickets.newOwner')}
            <select
              value={staffId}
              onChange={(e) => setStaffId(e.target.value)}
              aria-label={t('console.tickets.newOwner')}
            >
              <option value="">{t('common.choose')}</option>
              {people.map((s) => (
                <option key={s.id} value={s.id}>
                  {staffLabel(s)}
                </option>
              ))}
            </select>
          </label>
          {reasonField}
        </ActionDialog>
      );
    }
  }
}

import type { Ticket } from '@onestop/shared';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../../common/desk';
import { formatClock, formatDuration, langOf } from '@onestop/ui';
import {
  callableAt,
  named,
  serviceById,
  staffById,
  staffLabel,
} from '../../../common/hall-selectors';
import { RemedyButton } from '../remedy/RemedyDialog';
import { ActionButton } from './ActionButton';
import type { useWorkActions } from './use-work-actions';
import { useWork, useWorkstationStore } from './work-context';

/** The customer in front of the clerk, or what to do when nobody is. */
export function CurrentTicket({ actions }: { actions: ReturnType<typeof useWorkActions> }) {
  const { t } = useTranslation();
  const { hall, counter, current, me } = useWork();
  const store = useWorkstationStore();
  const waiting = counter ? callableAt(hall, counter).length : 0;
  return (
    <section className="current card" data-testid="current-ticket">
      {current ? (
        <TicketDetails ticket={current} />
      ) : (
        <div className="idle" data-testid="no-ticket">
          <p className="big">{t('work.nobody')}</p>
          <p className="muted">
            {counter?.state === 'open'
              ? t('work.waitingForYou', { count: waiting })
              : t('work.openFirst')}
          </p>
        </div>
      )}
      <div className="action-bar">
        <ActionButton action="callNext" actions={actions} primary />
        <ActionButton action="recall" actions={actions} />
        <ActionButton action="start" actions={actions} primary />
        <ActionButton action="finish" actions={actions} primary />
        <ActionButton action="noShow" actions={actions} />
        <ActionButton action="returnToQueue" actions={actions} />
        <ActionButton action="transfer" actions={actions} />
        <ActionButton action="park" actions={actions} />
        <ActionButton action="openCase" actions={actions} />
        <ActionButton action="callTicket" actions={actions} />
        <ActionButton action="walkIn" actions={actions} />
        <ActionButton action="createTask" actions={actions} />
        <RemedyButton
          ticketId={current?.id ?? null}
          caseId={null}
          enabled={
            current?.state === 'serving' &&
            (current.ownerStaffId === me.id || me.roles.includes('duty_leader'))
          }
          open={(dialog) => store.setState({ dialog })}
        />
      </div>
    </section>
  );
}

function TicketDetails({ ticket }: { ticket: Ticket }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const { hall, me } = useWork();
  const now = useNow(5000);
  const tz = hall.config.timeZone;
  const service = serviceById(hall, ticket.serviceId);
  const owner = staffById(hall, ticket.ownerStaffId);
  const { customer } = ticket;
  return (
    <div className="ticket-details" data-state={ticket.state}>
      <div className="ticket-head">
        <span className="ticket-number" data-testid="current-number">
          {ticket.number}
        </span>
        <span className="ticket-service">{named(service, lang)}</span>
        <span className={`state-badge ${ticket.state}`} data-testid="current-state">
          {t(`ticketState.${ticket.state}`)}
        </span>
        {ticket.priority !== 'normal' && (
          <span className="badge priority">{t(`priority.${ticket.priority}`)}</span>
        )}
        {ticket.returning && <span className="badge">{t('priority.returning')}</span>}
      </div>
      <dl className="facts">
        {ticket.state === 'called' && ticket.calledAt !== null && (
          <>
            <dt>{t('work.calledAt')}</dt>
            <dd>
              {formatClock(ticket.calledAt, tz)} ·{' '}
              <span data-testid="recall-count">
                {t('work.recalls', {
                  count: ticket.recallCount,
                  max: hall.config.recallsBeforeNoShow,
                })}
              </span>
            </dd>
          </>
        )}
        {ticket.state === 'serving' && ticket.startedAt !== null && (
          <>
            <dt>{t('work.serving')}</dt>
            <dd>
              {formatDuration((now - ticket.startedAt) / 1000, lang)} /{' '}
              {t('work.target', {
                time: formatDuration(service?.targetHandleSec ?? 0, lang),
              })}
            </dd>
          </>
        )}
        <dt>{t('work.waited')}</dt>
        <dd>{formatDuration(((ticket.firstCalledAt ?? now) - ticket.issuedAt) / 1000, lang)}</dd>
        <dt>{t('customer.title')}</dt>
        <dd data-testid="current-customer">
          {[customer.name, customer.phone, customer.accountNo].filter(Boolean).join(' · ') ||
            t('customer.anonymous')}
        </dd>
        <dt>{t('work.owner')}</dt>
        <dd data-testid="current-owner">
          {owner ? staffLabel(owner) : t('work.ownerOnStart')}
          {owner && owner.id !== me.id && <span className="badge">{t('work.ownerElsewhere')}</span>}
        </dd>
        {ticket.transferCount > 0 && (
          <>
            <dt>{t('work.transfers')}</dt>
            <dd>{ticket.transferCount}</dd>
          </>
        )}
      </dl>
      {ticket.note && (
        <p className="guide-note" data-testid="guide-note">
          <strong>{t('work.guideNote')}</strong> {ticket.note}
        </p>
      )}
    </div>
  );
}

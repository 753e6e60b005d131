import type { Alert, FollowUp } from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeskGate } from '../common/DeskGate';
import { DeskHeader } from '../common/DeskHeader';
import { useDesk, useNow, useOnline, usePending, useStaffView } from '../common/desk';
import { DueBadge } from '../common/DueBadge';
import { formatDateTime, type Lang } from '../common/format';
import { counterById, staffById, staffLabel } from '../common/hall-selectors';
import { LinkBanner } from '../common/LinkBanner';
import { RefusalBanner } from '../common/RefusalBanner';
import { StaffGate } from '../common/StaffGate';
import { HandoverPanel } from '../handover/HandoverPanel';

// The duty leader's desk (/console), as far as the work post needs it: 不满意 alerts, the
// follow-ups they open (assign or close with what was done), and handovers to acknowledge.
// Overrides, opinions and reports are served by the hall server's API.

export function ConsoleApp() {
  const { t } = useTranslation();
  return (
    <DeskGate>
      <StaffGate title={t('screens.console')} roles={['duty_leader']}>
        <Console />
      </StaffGate>
    </DeskGate>
  );
}

function Console() {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const online = useOnline();
  const alerts = [...hall.alerts].sort(
    (a, b) =>
      Number(a.acknowledgedAt !== null) - Number(b.acknowledgedAt !== null) ||
      b.createdAt - a.createdAt,
  );
  const followUps = hall.followUps.filter((f) => f.state === 'open');
  return (
    <div className={`console${online ? '' : ' stale'}`} data-testid="console">
      <DeskHeader title={t('screens.console')} />
      <LinkBanner />
      <RefusalBanner />
      <div className="work-grid">
        <section className="work-main">
          <section className="card" data-testid="alerts">
            <h3>
              {t('console.alerts', { count: alerts.filter((a) => !a.acknowledgedAt).length })}
            </h3>
            {alerts.length === 0 ? (
              <p className="muted empty">{t('console.noAlerts')}</p>
            ) : (
              <ul className="items">
                {alerts.map((a) => (
                  <AlertRow key={a.id} alert={a} />
                ))}
              </ul>
            )}
          </section>
          <section className="card" data-testid="follow-ups">
            <h3>{t('console.followUps', { count: followUps.length })}</h3>
            {followUps.length === 0 ? (
              <p className="muted empty">{t('mine.noFollowUps')}</p>
            ) : (
              <ul className="items">
                {followUps.map((f) => (
                  <FollowUpRow key={f.id} followUp={f} />
                ))}
              </ul>
            )}
          </section>
        </section>
        <aside className="side card">
          <HandoverPanel />
        </aside>
      </div>
    </div>
  );
}

function AlertRow({ alert }: { alert: Alert }) {
  const { t, i18n } = useTranslation();
  const { runner } = useDesk();
  const { hall } = useStaffView();
  const online = useOnline();
  const busy = usePending(`alert:${alert.id}`);
  const ticket = hall.tickets.find((x) => x.id === alert.ticketId);
  const evaluation = hall.evaluations.find((e) => e.id === alert.subjectId);
  const counter = counterById(hall, alert.counterId);
  return (
    <li className={`alert ${alert.acknowledgedAt ? 'done' : 'open'}`} data-testid="alert">
      <div>
        <span className="badge bad">{t(`alertKind.${alert.kind}`)}</span>{' '}
        {formatDateTime(alert.createdAt, hall.config.timeZone, i18n.language as Lang)} ·{' '}
        {counter && t('counter.number', { number: counter.number })} ·{' '}
        {staffLabel(staffById(hall, alert.staffId))}
        {ticket && ` · ${ticket.number}`}
        {evaluation &&
          evaluation.reasons.length > 0 &&
          ` · ${evaluation.reasons.map((r) => t(`reason.${r}`)).join('、')}`}
      </div>
      {alert.acknowledgedAt ? (
        <span className="muted">{t('console.acknowledged')}</span>
      ) : (
        <button
          type="button"
          disabled={!online || busy}
          onClick={() =>
            void runner.run(`alert:${alert.id}`, 'alert:acknowledge', { alertId: alert.id })
          }
        >
          {t('console.acknowledge')}
        </button>
      )}
    </li>
  );
}

function FollowUpRow({ followUp }: { followUp: FollowUp }) {
  const { t } = useTranslation();
  const { runner } = useDesk();
  const { hall } = useStaffView();
  const online = useOnline();
  const now = useNow();
  const [assignee, setAssignee] = useState('');
  const busy = usePending(`assign:${followUp.id}`);
  const ticket = hall.tickets.find((x) => x.id === followUp.ticketId);
  const clerks = hall.staff.filter((s) => s.active && s.roles.includes('clerk'));
  return (
    <li className="follow-up" data-testid="follow-up">
      <div>
        <span className="badge">{t(`followUpSource.${followUp.source}`)}</span>{' '}
        {ticket && <strong>{ticket.number} </strong>}
        {followUp.note} ·{' '}
        {followUp.assigneeStaffId
          ? staffLabel(staffById(hall, followUp.assigneeStaffId))
          : t('console.unassigned')}
      </div>
      <DueBadge dueAt={followUp.dueAt} now={now} timeZone={hall.config.timeZone} />
      <span className="assign">
        <select
          value={assignee}
          onChange={(e) => setAssignee(e.target.value)}
          aria-label={t('console.assignTo')}
        >
          <option value="">{t('console.assignTo')}</option>
          {clerks.map((s) => (
            <option key={s.id} value={s.id}>
              {staffLabel(s)}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!online || busy || assignee === ''}
          onClick={() =>
            void runner.run(`assign:${followUp.id}`, 'follow-up:assign', {
              followUpId: followUp.id,
              assigneeStaffId: assignee,
            })
          }
        >
          {t('console.assign')}
        </button>
      </span>
    </li>
  );
}

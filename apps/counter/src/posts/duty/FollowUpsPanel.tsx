import type { FollowUp } from '@onestop/shared';
import { useTranslation } from 'react-i18next';
import { DueBadge } from '../../common/DueBadge';
import { useDesk, useNow, useStaffView } from '../../common/desk';
import { followUpNote } from '../../common/follow-up-note';
import { staffById, staffLabel } from '../../common/hall-selectors';
import { AssignAndClose } from './AssignAndClose';

// Every 不满意 rating opens a follow-up: the duty leader gives it to a clerk, or closes it
// with what was done. Nothing closes without a result.

export function FollowUpsPanel() {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const open = hall.followUps.filter((f) => f.state === 'open').sort((a, b) => a.dueAt - b.dueAt);
  const closed = hall.followUps.filter((f) => f.state === 'closed');
  return (
    <section className="card follow-ups-panel" data-testid="follow-ups">
      <h3>{t('console.followUps', { count: open.length })}</h3>
      {open.length === 0 ? (
        <p className="muted empty">{t('mine.noFollowUps')}</p>
      ) : (
        <ul className="items">
          {open.map((f) => (
            <FollowUpRow key={f.id} followUp={f} />
          ))}
        </ul>
      )}
      {closed.length > 0 && (
        <>
          <h4>{t('console.followUpsClosed', { count: closed.length })}</h4>
          <ul className="compact" data-testid="closed-follow-ups">
            {closed.map((f) => (
              <li key={f.id}>
                {hall.tickets.find((x) => x.id === f.ticketId)?.number ?? ''}{' '}
                {followUpNote(hall, f, t)} → <span className="answer">{f.result}</span>{' '}
                <span className="muted">{staffById(hall, f.closedBy)?.name}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function FollowUpRow({ followUp }: { followUp: FollowUp }) {
  const { t } = useTranslation();
  const { runner } = useDesk();
  const { hall } = useStaffView();
  const now = useNow();
  const ticket = hall.tickets.find((x) => x.id === followUp.ticketId);
  const clerks = hall.staff.filter((s) => s.active && s.roles.includes('clerk'));
  return (
    <li className="follow-up" data-testid="follow-up">
      <div>
        <span className="badge">{t(`followUpSource.${followUp.source}`)}</span>
        {ticket && <strong>{ticket.number}</strong>}
        <span>{followUpNote(hall, followUp, t)}</span>
        <span className="muted">
          ·{' '}
          {followUp.assigneeStaffId
            ? staffLabel(staffById(hall, followUp.assigneeStaffId))
            : t('console.unassigned')}
        </span>
        <DueBadge dueAt={followUp.dueAt} now={now} timeZone={hall.config.timeZone} />
      </div>
      <AssignAndClose
        staff={clerks}
        assignLabel={t('console.assignTo')}
        assignKey={`assign:${followUp.id}`}
        onAssign={(staffId) =>
          void runner.run(`assign:${followUp.id}`, 'follow-up:assign', {
            followUpId: followUp.id,
            assigneeStaffId: staffId,
          })
        }
        closeLabel={t('followUp.close')}
        closeKey={`close-follow-up:${followUp.id}`}
        resultLabel={t('followUp.result')}
        resultPlaceholder={t('followUp.result')}
        minResult={2}
        onClose={(result) =>
          void runner.run(`close-follow-up:${followUp.id}`, 'follow-up:close', {
            followUpId: followUp.id,
            result,
          })
        }
      />
    </li>
  );
}

import type { Case, FollowUp, SupportTask } from '@onestop/shared';
import { useTranslation } from 'react-i18next';
import { useNow, useOnline } from '../../../common/desk';
import { DueBadge } from '../../../common/DueBadge';
import { RevealContact } from '../../../common/RevealContact';
import { followUpNote } from '../../../common/follow-up-note';
import { byUrgency, dueCounts, dueStatus } from '../../../common/due-status';
import { formatDateTime, langOf } from '@onestop/ui';
import { tasksAsked } from '../../../common/task-lists';
import {
  caseTypeById,
  named,
  openCasesOwnedBy,
  openFollowUpsOf,
  staffById,
} from '../../../common/hall-selectors';
import { useWork, useWorkstationStore } from '../workstation/work-context';
import { shortcutLabel } from '../workstation/shortcuts';
import type { WorkDialog } from '../workstation/workstation-store';
import { MyRemedies } from '../remedy/MyRemedies';
import { RemedyButton } from '../remedy/RemedyDialog';
import { PromiseList } from './PromiseList';
import { MySpotChecks } from './MySpotChecks';

// First-handler responsibilities: the cases the clerk owns, the support tasks they sent to the
// back office (with the answers), the follow-ups assigned to them. Overdue and due-today items
// stand out; open items stay here across days until closed.

export function useMineCounts() {
  const { hall, me } = useWork();
  const now = useNow();
  const tz = hall.config.timeZone;
  const { waiting } = tasksAsked(hall.tasks, me.id, now, tz);
  const items = [...openCasesOwnedBy(hall, me.id), ...waiting, ...openFollowUpsOf(hall, me.id)];
  return dueCounts(
    items.map((i) => i.dueAt),
    now,
    tz,
  );
}

export function MinePanel() {
  const { t } = useTranslation();
  const { hall, me } = useWork();
  const store = useWorkstationStore();
  const online = useOnline();
  const now = useNow();
  const tz = hall.config.timeZone;
  const cases = byUrgency(openCasesOwnedBy(hall, me.id), now, tz);
  const { waiting: openTasks, answered } = tasksAsked(hall.tasks, me.id, now, tz);
  const followUps = byUrgency(openFollowUpsOf(hall, me.id), now, tz);
  const counts = useMineCounts();
  return (
    <div className="mine" data-testid="mine">
      <div className="mine-summary">
        <span className="due overdue">{t('mine.overdue', { count: counts.overdue })}</span>
        <span className="due due_today">{t('mine.dueToday', { count: counts.dueToday })}</span>
        <span className="spacer" />
        <button
          type="button"
          disabled={!online}
          onClick={() =>
            store.setState({ dialog: { kind: 'createTask', caseId: null, ticketId: null } })
          }
        >
          {t('action.createTask')} <kbd>{shortcutLabel('createTask')}</kbd>
        </button>
      </div>
      <PromiseList />
      <MyRemedies />
      <h3>{t('mine.cases', { count: cases.length })}</h3>
      {cases.length === 0 ? (
        <p className="muted empty">{t('mine.noCases')}</p>
      ) : (
        cases.map((c) => <CaseCard key={c.id} item={c} now={now} />)
      )}
      <h3>{t('mine.tasks', { count: openTasks.length })}</h3>
      {openTasks.length === 0 && answered.length === 0 ? (
        <p className="muted empty">{t('mine.noTasks')}</p>
      ) : (
        <ul className="items">
          {openTasks.map((x) => (
            <TaskRow key={x.id} task={x} now={now} />
          ))}
          {answered.map((x) => (
            <TaskRow key={x.id} task={x} now={now} />
          ))}
        </ul>
      )}
      <h3>{t('mine.followUps', { count: followUps.length })}</h3>
      {followUps.length === 0 ? (
        <p className="muted empty">{t('mine.noFollowUps')}</p>
      ) : (
        <ul className="items">
          {followUps.map((f) => (
            <FollowUpRow key={f.id} followUp={f} now={now} />
          ))}
        </ul>
      )}
      <MySpotChecks />
    </div>
  );
}

/** What each of the clerk's items reads: words, language, the hall, and a dialog to open. */
function useItemView() {
  const { t, i18n } = useTranslation();
  const { hall } = useWork();
  const store = useWorkstationStore();
  const online = useOnline();
  const open = (dialog: WorkDialog) => store.setState({ dialog });
  return { t, lang: langOf(i18n.language), hall, tz: hall.config.timeZone, online, open };
}

function CaseCard({ item, now }: { item: Case; now: number }) {
  const { t, lang, hall, tz, online, open } = useItemView();
  const type = caseTypeById(hall, item.caseTypeId);
  const next = item.steps.findIndex((s) => s.doneAt === null);
  return (
    <article
      className={`case-card ${dueStatus(item.dueAt, now, tz)}`}
      data-testid="case-card"
      data-case={item.number}
    >
      <header>
        <strong>{item.number}</strong> <span>{named(type, lang)}</span>
        <DueBadge dueAt={item.dueAt} now={now} timeZone={tz} />
      </header>
      <p>
        {item.summary}
        <span className="muted">
          {' '}
          {[item.customer.name, item.customer.phone, item.customer.accountNo]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </p>
      <ol className="steps">
        {item.steps.map((s, i) => (
          <li key={i} className={s.doneAt !== null ? 'done' : i === next ? 'current' : ''}>
            <span>{lang === 'zh' ? s.nameZh : s.nameEn}</span>{' '}
            {s.doneAt !== null ? (
              <span className="muted">
                ✓ {formatDateTime(s.doneAt, tz, lang)}
                {s.note ? ` · ${s.note}` : ''}
              </span>
            ) : (
              <DueBadge dueAt={s.dueAt} now={now} timeZone={tz} />
            )}
          </li>
        ))}
      </ol>
      <footer>
        <button
          type="button"
          disabled={!online || next < 0}
          onClick={() => open({ kind: 'advanceCase', caseId: item.id })}
        >
          {t('case.advance')}
        </button>
        <button
          type="button"
          disabled={!online}
          onClick={() => open({ kind: 'closeCase', caseId: item.id })}
        >
          {t('case.close')}
        </button>
        <button
          type="button"
          disabled={!online}
          onClick={() => open({ kind: 'createTask', caseId: item.id, ticketId: item.ticketId })}
        >
          {t('case.askBackOffice')}
        </button>
        <button
          type="button"
          data-action="caseReceipt"
          onClick={() => open({ kind: 'caseReceipt', caseId: item.id, statusToken: null })}
        >
          {t('receipt.title')}
        </button>
        <RemedyButton ticketId={null} caseId={item.id} enabled open={open} />
      </footer>
    </article>
  );
}

function TaskRow({ task, now }: { task: SupportTask; now: number }) {
  const { t, lang, hall, tz, online, open } = useItemView();
  const done = task.state === 'done';
  return (
    <li className={`task ${task.state}`} data-testid="my-task" data-state={task.state}>
      <div>
        <span className={`state-badge ${task.state}`}>{t(`taskState.${task.state}`)}</span>{' '}
        {task.text}
        {task.assigneeStaffId && (
          <span className="muted"> · {staffById(hall, task.assigneeStaffId)?.name}</span>
        )}
      </div>
      {done ? (
        <div className="answer" data-testid="task-result">
          <strong>{t('task.answer')}</strong> {task.result}{' '}
          <span className="muted">{task.closedAt && formatDateTime(task.closedAt, tz, lang)}</span>
        </div>
      ) : (
        <div>
          <DueBadge dueAt={task.dueAt} now={now} timeZone={tz} />
          {task.state === 'open' && (
            <button
              type="button"
              className="link"
              disabled={!online}
              onClick={() => open({ kind: 'cancelTask', taskId: task.id })}
            >
              {t('task.withdraw')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

function FollowUpRow({ followUp, now }: { followUp: FollowUp; now: number }) {
  const { t, hall, online, open } = useItemView();
  const ticket = hall.tickets.find((x) => x.id === followUp.ticketId);
  return (
    <li className="follow-up" data-testid="my-follow-up">
      <div>
        <span className="badge">{t(`followUpSource.${followUp.source}`)}</span>{' '}
        {ticket && <strong>{ticket.number} </strong>}
        {followUpNote(hall, followUp, t)}
      </div>
      {followUp.callbackPhone && (
        <div>
          <RevealContact subject="follow_up" id={followUp.id} masked={followUp.callbackPhone} />
        </div>
      )}
      <div>
        <DueBadge dueAt={followUp.dueAt} now={now} timeZone={hall.config.timeZone} />
        <button
          type="button"
          disabled={!online}
          onClick={() => open({ kind: 'closeFollowUp', followUpId: followUp.id })}
        >
          {t('followUp.close')}
        </button>
      </div>
    </li>
  );
}

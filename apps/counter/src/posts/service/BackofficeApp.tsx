import type { SupportTask } from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeskGate } from '../../common/DeskGate';
import { DeskHeader } from '../../common/DeskHeader';
import { useDesk, useNow, useOnline, usePending, useStaffView } from '../../common/desk';
import { DueBadge } from '../../common/DueBadge';
import { formatDateTime, langOf } from '@onestop/ui';
import { counterOfStaff, staffById, staffLabel } from '../../common/hall-selectors';
import { LinkBanner } from '../../common/LinkBanner';
import { RefusalBanner } from '../../common/RefusalBanner';
import { StaffGate } from '../../common/StaffGate';
import { tasksForBackOffice } from '../../common/task-lists';
import { HandoverPanel } from '../../common/handover/HandoverPanel';

// The service post (/backoffice): support tasks from the first handlers come in; accept one,
// answer it with a result, and the owner sees the answer on their workstation at once.

export function BackofficeApp() {
  const { t } = useTranslation();
  return (
    <DeskGate>
      <StaffGate title={t('screens.backoffice')} roles={['backoffice', 'duty_leader']}>
        <BackOffice />
      </StaffGate>
    </DeskGate>
  );
}

function BackOffice() {
  const { t } = useTranslation();
  const { hall, me } = useStaffView();
  const online = useOnline();
  const now = useNow();
  const tz = hall.config.timeZone;
  const { incoming, accepted, answered } = tasksForBackOffice(hall.tasks, me.id, now, tz);
  return (
    <div className={`backoffice${online ? '' : ' stale'}`} data-testid="backoffice">
      <DeskHeader title={t('screens.backoffice')} />
      <LinkBanner />
      <RefusalBanner />
      <div className="work-grid">
        <section className="work-main">
          <TaskList
            title={t('backoffice.incoming', { count: incoming.length })}
            tasks={incoming}
            empty={t('backoffice.noIncoming')}
            testId="incoming-tasks"
          />
          <TaskList
            title={t('backoffice.accepted', { count: accepted.length })}
            tasks={accepted}
            empty={t('backoffice.noAccepted')}
            testId="accepted-tasks"
          />
          <TaskList
            title={t('backoffice.answered', { count: answered.length })}
            tasks={answered}
            empty={t('backoffice.noAnswered')}
            testId="answered-tasks"
          />
        </section>
        <aside className="side card">
          <HandoverPanel />
        </aside>
      </div>
    </div>
  );
}

function TaskList(props: { title: string; tasks: SupportTask[]; empty: string; testId: string }) {
  return (
    <section className="card" data-testid={props.testId}>
      <h3>{props.title}</h3>
      {props.tasks.length === 0 ? (
        <p className="muted empty">{props.empty}</p>
      ) : (
        <ul className="items">
          {props.tasks.map((x) => (
            <TaskRow key={x.id} task={x} />
          ))}
        </ul>
      )}
    </section>
  );
}

function TaskRow({ task }: { task: SupportTask }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const { runner } = useDesk();
  const { hall } = useStaffView();
  const online = useOnline();
  const now = useNow();
  const tz = hall.config.timeZone;
  const [result, setResult] = useState('');
  const accepting = usePending(`accept:${task.id}`);
  const completing = usePending(`complete:${task.id}`);
  const owner = staffById(hall, task.ownerStaffId);
  const ownerCounter = owner && counterOfStaff(hall, owner.id);
  const linkedCase = task.caseId ? hall.cases.find((c) => c.id === task.caseId) : undefined;
  const ticket = task.ticketId ? hall.tickets.find((x) => x.id === task.ticketId) : undefined;
  return (
    <li className={`task ${task.state}`} data-testid="task" data-state={task.state}>
      <div className="task-head">
        <span className={`state-badge ${task.state}`}>{t(`taskState.${task.state}`)}</span>{' '}
        <strong>{task.text}</strong>
      </div>
      <div className="muted">
        {t('backoffice.from', { name: staffLabel(owner) })}
        {ownerCounter && ` · ${t('counter.number', { number: ownerCounter.number })}`}
        {linkedCase && ` · ${linkedCase.number}`}
        {ticket && ` · ${ticket.number}`} · {formatDateTime(task.createdAt, tz, lang)}
        {task.assigneeStaffId && ` · ${staffById(hall, task.assigneeStaffId)?.name ?? ''}`}
      </div>
      {task.state === 'done' ? (
        <div className="answer">
          <strong>{t('task.answer')}</strong> {task.result}
        </div>
      ) : (
        <DueBadge dueAt={task.dueAt} now={now} timeZone={tz} />
      )}
      {task.state === 'open' && (
        <button
          type="button"
          className="primary"
          disabled={!online || accepting}
          onClick={() => void runner.run(`accept:${task.id}`, 'task:accept', { taskId: task.id })}
        >
          {accepting ? t('common.sending') : t('backoffice.accept')}
        </button>
      )}
      {task.state === 'accepted' && (
        <form
          className="complete"
          onSubmit={(e) => {
            e.preventDefault();
            if (result.trim().length >= 2)
              void runner.run(`complete:${task.id}`, 'task:complete', {
                taskId: task.id,
                result: result.trim(),
              });
          }}
        >
          <input
            value={result}
            maxLength={500}
            placeholder={t('backoffice.result')}
            aria-label={t('backoffice.result')}
            onChange={(e) => setResult(e.target.value)}
          />
          <button
            type="submit"
            className="primary"
            disabled={!online || completing || result.trim().length < 2}
          >
            {completing ? t('common.sending') : t('backoffice.complete')}
          </button>
        </form>
      )}
    </li>
  );
}

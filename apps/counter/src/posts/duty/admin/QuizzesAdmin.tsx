import type { Quiz, QuizInput } from '@onestop/shared';
import { fromDateTimeInput, useLang } from '@onestop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnline, useStaffView } from '../../../common/desk';
import { named, serviceById } from '../../../common/hall-selectors';
import { useQuery } from '../../../common/use-query';
import { ActionDialog, useDialog } from '../ConsoleDialog';
import { AdminList, EditButton } from './AdminList';
import { CheckField, NumberField, ServiceField, TextField } from './fields';

// 测验 (issue 19): a quiz is a fixed set of the bank's questions or a random draw from a
// service (and topic), with its pass mark, an optional time limit, monthly or not; the admin
// assigns it to staff with a due date.

export function QuizzesAdmin({ round }: { round: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { hall } = useStaffView();
  const online = useOnline();
  const [mine, setMine] = useState(0);
  const list = useQuery('admin:list-quizzes', {}, online ? `${round}:${mine}` : null);
  const edit = useDialog<{ quiz: Quiz | null }>();
  const assign = useDialog<{ quiz: Quiz }>();
  const open = list.data?.open ?? [];
  const done = () => setMine((n) => n + 1);
  return (
    <AdminList
      testId="admin-quizzes"
      title={t('quiz.admin.quizzes')}
      explain={list.error ? t(`errors.${list.error}`) : t('quiz.admin.quizzesExplain')}
      newLabel={t('quiz.admin.newQuiz')}
      onNew={() => edit.show({ quiz: null })}
      empty={list.data ? t('quiz.admin.noQuizzes') : t('common.loading')}
      rows={list.data?.quizzes ?? []}
      rowData={(q) => ({ 'data-quiz': q.id })}
      inactive={(q) => !q.active}
      columns={[
        { cell: (q) => <b>{q.name}</b> },
        {
          cell: (q) =>
            named(serviceById(hall, q.serviceId), lang) + (q.topic ? ` · ${q.topic}` : ''),
        },
        {
          className: 'muted',
          cell: (q) =>
            [
              q.drawCount === null
                ? t('quiz.admin.fixed', { count: q.questionIds.length })
                : t('quiz.admin.draw', { count: q.drawCount }),
              t('quiz.admin.passMark', { pct: q.passPct }),
              q.timeLimitMin !== null && t('quiz.admin.limit', { minutes: q.timeLimitMin }),
              q.monthly && t('quiz.admin.monthly'),
            ]
              .filter(Boolean)
              .join(' · '),
        },
        {
          className: 'muted',
          cell: (q) =>
            t('quiz.admin.openAssignments', {
              count: open.filter((a) => a.quizId === q.id).length,
            }),
        },
        {
          className: 'actions',
          cell: (q) => (
            <>
              <EditButton onClick={() => edit.show({ quiz: q })} />
              <button type="button" disabled={!q.active} onClick={() => assign.show({ quiz: q })}>
                {t('quiz.admin.assign')}
              </button>
            </>
          ),
        },
      ]}
    >
      {edit.open && <QuizDialog quiz={edit.open.quiz} onClose={edit.close} onDone={done} />}
      {assign.open && <AssignDialog quiz={assign.open.quiz} onClose={assign.close} onDone={done} />}
    </AdminList>
  );
}

function QuizDialog(props: { quiz: Quiz | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const q = props.quiz;
  const [name, setName] = useState(q?.name ?? '');
  const [serviceId, setServiceId] = useState(q?.serviceId ?? hall.services[0]?.id ?? '');
  const [topic, setTopic] = useState(q?.topic ?? '');
  const [fixed, setFixed] = useState(q ? q.drawCount === null : false);
  const [ids, setIds] = useState(q?.questionIds.join(', ') ?? '');
  const [drawCount, setDrawCount] = useState<number | null>(q?.drawCount ?? 5);
  const [passPct, setPassPct] = useState<number | null>(q?.passPct ?? 80);
  const [timeLimit, setTimeLimit] = useState<number | null>(q?.timeLimitMin ?? null);
  const [monthly, setMonthly] = useState(q?.monthly ?? false);
  const [active, setActive] = useState(q?.active ?? true);
  const questionIds = ids
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const ready =
    name.trim() && passPct !== null && (fixed ? questionIds.length > 0 : drawCount !== null);
  const quiz: QuizInput = {
    ...(q ? { id: q.id } : {}),
    name: name.trim(),
    serviceId,
    topic: topic.trim() || null,
    questionIds: fixed ? questionIds : [],
    drawCount: fixed ? null : drawCount,
    passPct: passPct ?? 80,
    timeLimitMin: timeLimit,
    monthly,
    active,
  };
  return (
    <ActionDialog
      title={q ? t('quiz.admin.editQuiz') : t('quiz.admin.newQuiz')}
      actionKey="admin-quiz"
      command="admin:save-quiz"
      testId="quiz-dialog"
      confirmLabel={t('console.admin.save')}
      payload={ready ? { quiz } : null}
      onClose={props.onClose}
      onDone={props.onDone}
    >
      <div className="form-grid">
        <TextField label={t('quiz.admin.name')} value={name} onChange={setName} maxLength={60} />
        <ServiceField label={t('quiz.admin.service')} value={serviceId} onChange={setServiceId} />
        <TextField
          label={t('quiz.admin.topicAny')}
          value={topic}
          onChange={setTopic}
          maxLength={40}
        />
        <NumberField
          label={t('quiz.admin.passPct')}
          value={passPct}
          onChange={setPassPct}
          step={1}
        />
        <NumberField
          label={t('quiz.admin.timeLimit')}
          value={timeLimit}
          onChange={setTimeLimit}
          step={1}
        />
        <CheckField label={t('quiz.admin.fixedSet')} checked={fixed} onChange={setFixed} />
        {fixed ? (
          <TextField label={t('quiz.admin.questionIds')} value={ids} onChange={setIds} />
        ) : (
          <NumberField
            label={t('quiz.admin.drawCount')}
            value={drawCount}
            onChange={setDrawCount}
            step={1}
          />
        )}
        <CheckField label={t('quiz.admin.monthlyDue')} checked={monthly} onChange={setMonthly} />
        <CheckField label={t('quiz.admin.active')} checked={active} onChange={setActive} />
      </div>
    </ActionDialog>
  );
}

function AssignDialog(props: { quiz: Quiz; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const [picked, setPicked] = useState<string[]>([]);
  const [due, setDue] = useState('');
  const staff = hall.staff.filter((s) => s.active && s.roles.includes('clerk'));
  const dueAt = due ? fromDateTimeInput(due, hall.config.timeZone) : null;
  return (
    <ActionDialog
      title={t('quiz.admin.assignTitle', { name: props.quiz.name })}
      actionKey="admin-assign-quiz"
      command="admin:assign-quiz"
      testId="assign-quiz-dialog"
      confirmLabel={t('quiz.admin.assign')}
      payload={picked.length > 0 ? { quizId: props.quiz.id, staffIds: picked, dueAt } : null}
      onClose={props.onClose}
      onDone={props.onDone}
    >
      <div className="assign-staff">
        {staff.map((s) => (
          <CheckField
            key={s.id}
            label={`${s.name} ${s.staffNo}`}
            checked={picked.includes(s.id)}
            onChange={(on) =>
              setPicked(on ? [...picked, s.id] : picked.filter((id) => id !== s.id))
            }
          />
        ))}
      </div>
      <TextField
        label={t('quiz.admin.dueAt')}
        type="datetime-local"
        value={due}
        onChange={setDue}
      />
    </ActionDialog>
  );
}

import type { AttemptResult, QuizAnswer, StartedAttempt } from '@onestop/shared';
import { Dialog, formatClock, langOf } from '@onestop/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useOnline, useStaffView } from '../../../common/desk';
import { named, serviceById } from '../../../common/hall-selectors';
import { QuizResult } from './QuizResult';

// One quiz at the desk: its questions (never their answers: the hall marks them), then the
// marking with each question's right answer and explanation.

type Answers = Record<string, { choices?: number[]; text?: string }>;

type Phase =
  | { kind: 'starting' }
  | { kind: 'refused'; message: string }
  | { kind: 'taking'; attempt: StartedAttempt }
  | { kind: 'marked'; result: AttemptResult };

function answersOf(attempt: StartedAttempt, answers: Answers): QuizAnswer[] {
  return attempt.questions.flatMap((q): QuizAnswer[] => {
    const a = answers[q.id];
    if (!a) return [];
    if (q.kind === 'short')
      return a.text?.trim() ? [{ questionId: q.id, text: a.text.trim() }] : [];
    return a.choices?.length ? [{ questionId: q.id, choices: a.choices }] : [];
  });
}

export function QuizTaker({ quizId, onClose }: { quizId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const { connection } = useDesk();
  const { hall } = useStaffView();
  const online = useOnline();
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });
  const [answers, setAnswers] = useState<Answers>({});
  const [sending, setSending] = useState(false);

  useEffect(() => {
    let live = true;
    void connection.send('knowledge:start-attempt', { quizId }).then((ack) => {
      if (!live) return;
      setPhase(
        ack.ok
          ? { kind: 'taking', attempt: ack.data.attempt }
          : { kind: 'refused', message: t(`errors.${ack.code}`) },
      );
    });
    return () => {
      live = false;
    };
  }, [connection, quizId, t]);

  if (phase.kind === 'marked') {
    const service = named(serviceById(hall, phase.result.serviceId), lang);
    return <QuizResult result={phase.result} service={service} onClose={onClose} />;
  }

  const submit = async (attempt: StartedAttempt) => {
    setSending(true);
    const ack = await connection.send('knowledge:submit-attempt', {
      attemptId: attempt.attemptId,
      answers: answersOf(attempt, answers),
    });
    setSending(false);
    if (ack.ok) setPhase({ kind: 'marked', result: ack.data.result });
    else setPhase({ kind: 'refused', message: t(`errors.${ack.code}`) });
  };

  if (phase.kind !== 'taking') {
    return (
      <Dialog
        title={t('quiz.title')}
        testId="quiz"
        noCancel
        confirmLabel={t('quiz.close')}
        onCancel={onClose}
        onConfirm={onClose}
      >
        <p className={phase.kind === 'refused' ? 'error' : 'muted'} role="status">
          {phase.kind === 'refused' ? phase.message : t('quiz.loading')}
        </p>
      </Dialog>
    );
  }

  const { attempt } = phase;
  const done = answersOf(attempt, answers).length;
  const set = (id: string, a: { choices?: number[]; text?: string }) =>
    setAnswers((all) => ({ ...all, [id]: a }));
  return (
    <Dialog
      title={`${t('quiz.title')} · ${attempt.name}`}
      testId="quiz"
      confirmLabel={t('quiz.submit')}
      confirmDisabled={!online}
      pending={sending}
      onCancel={onClose}
      onConfirm={() => void submit(attempt)}
    >
      <div className="quiz" data-testid="quiz-questions">
        <p className="muted">
          {t('quiz.answered', { n: done, total: attempt.questions.length })}
          {attempt.deadlineAt !== null &&
            ` · ${t('quiz.deadline', { time: formatClock(attempt.deadlineAt, hall.config.timeZone) })}`}
          {!online && ` · ${t('quiz.offline')}`}
        </p>
        <ol className="quiz-questions">
          {attempt.questions.map((q) => {
            const picked = answers[q.id]?.choices ?? [];
            return (
              <li key={q.id} data-question={q.id}>
                <div className="quiz-prompt">
                  <span className="badge">{t(`quiz.kind.${q.kind}`)}</span> {q.prompt}
                </div>
                {q.kind === 'short' ? (
                  <input
                    type="text"
                    maxLength={200}
                    placeholder={t('quiz.shortPlaceholder')}
                    value={answers[q.id]?.text ?? ''}
                    onChange={(e) => set(q.id, { text: e.target.value })}
                  />
                ) : (
                  <div className="quiz-options" role={q.kind === 'single' ? 'radiogroup' : 'group'}>
                    {q.options.map((option, i) => (
                      <label key={i}>
                        <input
                          type={q.kind === 'single' ? 'radio' : 'checkbox'}
                          name={q.id}
                          checked={picked.includes(i)}
                          onChange={(e) =>
                            set(q.id, {
                              choices:
                                q.kind === 'single'
                                  ? [i]
                                  : e.target.checked
                                    ? [...picked, i]
                                    : picked.filter((c) => c !== i),
                            })
                          }
                        />
                        {String.fromCharCode(65 + i)}. {option}
                      </label>
                    ))}
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      </div>
    </Dialog>
  );
}

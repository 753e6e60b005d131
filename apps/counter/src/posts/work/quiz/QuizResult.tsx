import type { AttemptResult, MarkedQuestion } from '@onestop/shared';
import { Dialog } from '@onestop/ui';
import { useTranslation } from 'react-i18next';

// A submitted quiz as the hall marked it: the score, the retraining list's hold, and each
// question with the clerk's answer, the right one and its explanation. A question answered
// wrong in an attempt that did not pass comes without its right answer and explanation (the
// hall withholds them until a pass): it says so.

const letters = (choices: readonly number[]) =>
  choices.map((i) => String.fromCharCode(65 + i)).join('、');

function yours(q: MarkedQuestion): string {
  return q.kind === 'short' ? (q.text ?? '') : letters(q.choices);
}

/** The right answer, or null when the hall withheld it. */
function rightAnswer(q: MarkedQuestion): string | null {
  if (q.kind === 'short') return q.accepted && q.accepted.join(' / ');
  return q.correct && letters(q.correct);
}

export function QuizResult(props: { result: AttemptResult; service: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { result, service } = props;
  const figures = { score: result.scorePct, pass: result.passPct };
  return (
    <Dialog
      title={t('quiz.title')}
      testId="quiz-result"
      noCancel
      confirmLabel={t('quiz.close')}
      onCancel={props.onClose}
      onConfirm={props.onClose}
    >
      <div className="quiz" data-passed={result.passed}>
        <p className={`quiz-score ${result.passed ? 'ok' : 'bad'}`} role="status">
          {t(result.passed ? 'quiz.result.passed' : 'quiz.result.failed', figures)}
        </p>
        {result.late && <p className="error">{t('quiz.result.late')}</p>}
        {result.retraining && (
          <p className="quiz-retraining" data-testid="quiz-retraining">
            {t('quiz.result.retraining', { service })}
          </p>
        )}
        {result.questions.some((q) => q.explanation === null) && (
          <p className="muted" data-testid="quiz-withheld">
            {t('quiz.result.withheld')}
          </p>
        )}
        <ol className="quiz-questions">
          {result.questions.map((q) => {
            const answer = yours(q);
            const right = rightAnswer(q);
            return (
              <li key={q.id} className={q.right ? 'right' : 'wrong'} data-right={q.right}>
                <div className="quiz-prompt">
                  <span className={`badge ${q.right ? 'ok' : 'bad'}`}>
                    {t(q.right ? 'quiz.result.right' : 'quiz.result.wrong')}
                  </span>{' '}
                  {q.prompt}
                </div>
                {q.options.length > 0 && (
                  <ul className="quiz-marked-options">
                    {q.options.map((o, i) => (
                      <li key={i} className={q.correct?.includes(i) ? 'correct' : ''}>
                        {String.fromCharCode(65 + i)}. {o}
                      </li>
                    ))}
                  </ul>
                )}
                <div className="muted">
                  {t('quiz.result.yourAnswer', { answer: answer || t('quiz.result.noAnswer') })}
                  {!q.right &&
                    right !== null &&
                    ` · ${t('quiz.result.correct', { answer: right })}`}
                </div>
                {q.explanation !== null && (
                  <div className="quiz-why">{t('quiz.result.why', { text: q.explanation })}</div>
                )}
              </li>
            );
          })}
        </ol>
      </div>
    </Dialog>
  );
}

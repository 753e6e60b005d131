import { formatDateTime, langOf } from '@onestop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnline, useStaffView } from '../../../common/desk';
import { named, serviceById } from '../../../common/hall-selectors';
import { QuizTaker } from './QuizTaker';
import type { MyQuizzes } from './use-my-quizzes';

// The clerk's quizzes due (at sign-in, before taking a counter; or while paused), with the
// services they are on the retraining list for. Taking one opens it over the screen.

export function QuizzesCard({ quizzes }: { quizzes: MyQuizzes }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const { hall } = useStaffView();
  const online = useOnline();
  const [taking, setTaking] = useState<string | null>(null);
  const { data, loading, error } = quizzes.state;
  const listed = (data?.retraining ?? []).map((r) => named(serviceById(hall, r.serviceId), lang));
  return (
    <div className="quizzes-card" data-testid="quizzes">
      <h2>{t('quiz.due')}</h2>
      {!online && <p className="muted">{t('quiz.offline')}</p>}
      {error && <p className="error">{t('quiz.failedToLoad', { error: t(`errors.${error}`) })}</p>}
      {!data && loading && <p className="muted">{t('quiz.loading')}</p>}
      {data && listed.length > 0 && (
        <p className="quiz-retraining" data-testid="retraining-note">
          {data.blocksService
            ? t('quiz.retrainingNote', { services: [...new Set(listed)].join('、') })
            : t('quiz.listedNotBlocked', { services: [...new Set(listed)].join('、') })}
        </p>
      )}
      {data && data.due.length === 0 && <p className="muted">{t('quiz.none')}</p>}
      <ul className="quiz-due">
        {data?.due.map((d) => (
          <li key={d.quizId} data-quiz={d.quizId} data-reason={d.reason}>
            <div>
              <strong>{d.name}</strong>{' '}
              <span className="muted">{named(serviceById(hall, d.serviceId), lang)}</span>
              <div className={d.reason === 'retraining' ? 'quiz-reason bad' : 'quiz-reason muted'}>
                {t(`quiz.reason.${d.reason}`)}
                {d.dueAt !== null &&
                  ` · ${t('quiz.dueAt', { time: formatDateTime(d.dueAt, hall.config.timeZone, lang) })}`}
              </div>
              <div className="muted">
                {t('quiz.facts', { count: d.questionCount, pass: d.passPct })}
                {d.timeLimitMin !== null && t('quiz.timeLimit', { minutes: d.timeLimitMin })}
              </div>
            </div>
            <button
              type="button"
              className={d.reason === 'retraining' ? 'primary' : ''}
              disabled={!online}
              onClick={() => setTaking(d.quizId)}
            >
              {d.reason === 'retraining'
                ? t('quiz.retake')
                : d.reason === 'started'
                  ? t('quiz.resume')
                  : t('quiz.start')}
            </button>
          </li>
        ))}
      </ul>
      {taking && (
        <QuizTaker
          quizId={taking}
          onClose={() => {
            setTaking(null);
            quizzes.refresh();
          }}
        />
      )}
    </div>
  );
}

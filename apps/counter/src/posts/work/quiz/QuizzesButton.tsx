import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QuizzesCard } from './QuizzesCard';
import { useMyQuizzes } from './use-my-quizzes';
import './quiz.css';

// The workstation's way to the quizzes due: while the counter is paused (or closed) and nobody
// is in front of the clerk, never while it calls.

export function QuizzesButton({ canTake }: { canTake: boolean }) {
  const { t } = useTranslation();
  const quizzes = useMyQuizzes();
  const [open, setOpen] = useState(false);
  const due = quizzes.state.data?.due.length ?? 0;
  return (
    <>
      <button
        type="button"
        data-action="quizzes"
        disabled={!canTake}
        title={canTake ? undefined : t('quiz.pausedOnly')}
        onClick={() => setOpen(true)}
      >
        {t('quiz.open')}
        {due > 0 && <span className="badge bad">{due}</span>}
      </button>
      {open && (
        <div className="dialog-backdrop">
          <div className="dialog" role="dialog" aria-label={t('quiz.title')}>
            <QuizzesCard quizzes={quizzes} />
            <div className="dialog-actions">
              <button type="button" className="primary" onClick={() => setOpen(false)}>
                {t('quiz.close')}
              </button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}

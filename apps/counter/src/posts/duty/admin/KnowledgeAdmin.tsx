import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useOnline, usePending, useStaffView } from '../../../common/desk';
import { RefusalFor } from '../../../common/RefusalFor';
import '../../work/quiz/quiz.css';
import { QuestionBankAdmin } from './QuestionBankAdmin';
import { QuizzesAdmin } from './QuizzesAdmin';

// 业务知识考核 (issue 19): whether the retraining list keeps clerks off counters (the hall's
// setting), the question bank, then the quizzes drawn from it. A change to the bank asks the
// quizzes again (a draw's pool may have grown or shrunk).

export function KnowledgeAdmin() {
  const { t } = useTranslation();
  const { runner } = useDesk();
  const { hall } = useStaffView();
  const online = useOnline();
  const busy = usePending('admin-knowledge-blocks');
  const [round, setRound] = useState(0);
  const blocks = hall.config.knowledgeBlocksService ?? false;
  return (
    <div className="knowledge-admin">
      <section className="card" data-testid="knowledge-blocks">
        <label className="choice">
          <input
            type="checkbox"
            checked={blocks}
            disabled={!online || busy}
            onChange={(e) =>
              void runner.run('admin-knowledge-blocks', 'admin:configure', {
                settings: { knowledgeBlocksService: e.target.checked },
              })
            }
          />
          {t('quiz.admin.blocks')}
        </label>
        <p className="muted">{t('quiz.admin.blocksHint')}</p>
        <RefusalFor actionKey="admin-knowledge-blocks" />
      </section>
      <QuestionBankAdmin onChanged={() => setRound((n) => n + 1)} />
      <QuizzesAdmin round={round} />
    </div>
  );
}

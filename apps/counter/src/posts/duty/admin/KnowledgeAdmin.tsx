import { useState } from 'react';
import '../../work/quiz/quiz.css';
import { QuestionBankAdmin } from './QuestionBankAdmin';
import { QuizzesAdmin } from './QuizzesAdmin';

// 业务知识考核 (issue 19): the question bank, then the quizzes drawn from it. A change to the
// bank asks the quizzes again (a draw's pool may have grown or shrunk).

export function KnowledgeAdmin() {
  const [round, setRound] = useState(0);
  return (
    <div className="knowledge-admin">
      <QuestionBankAdmin onChanged={() => setRound((n) => n + 1)} />
      <QuizzesAdmin round={round} />
    </div>
  );
}

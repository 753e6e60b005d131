import type { Question, QuestionInput, Quiz, QuizAttempt, Retraining } from '@onestop/shared';
import { checkQuestion } from './knowledge';

// Builders for the knowledge checks' domain tests: a valid record with the fields a test cares
// about overridden.

export const NOW = 1_800_000_000_000;

export const input = (over: Partial<QuestionInput>): QuestionInput => ({
  serviceId: 'svc-bill',
  topic: 'billing',
  kind: 'single',
  prompt: 'Which number is the hotline?',
  options: ['95598', '12345'],
  correct: [0],
  accepted: [],
  explanation: '95598 is the utility hotline.',
  active: true,
  ...over,
});

export const question = (id: string, over: Partial<QuestionInput> = {}): Question => {
  const r = checkQuestion(input(over), id, NOW);
  if (!r.ok) throw new Error(r.detail);
  return r.value;
};

export const quiz = (over: Partial<Quiz> = {}): Quiz => ({
  id: 'quiz-1',
  name: 'Billing basics',
  serviceId: 'svc-bill',
  topic: null,
  questionIds: ['q1', 'q2'],
  drawCount: null,
  passPct: 80,
  timeLimitMin: null,
  monthly: false,
  active: true,
  updatedAt: NOW,
  ...over,
});

export const attempt = (over: Partial<QuizAttempt> = {}): QuizAttempt => ({
  id: 'att-1',
  quizId: 'quiz-1',
  staffId: 'clerk-1',
  startedAt: NOW,
  deadlineAt: null,
  finishedAt: null,
  scorePct: null,
  passed: null,
  late: false,
  questionIds: ['q1', 'q2'],
  answers: null,
  ...over,
});

export const row = (over: Partial<Retraining> = {}): Retraining => ({
  id: 'r1',
  staffId: 'clerk-1',
  serviceId: 'svc-bill',
  quizId: 'quiz-1',
  attemptId: 'att-0',
  since: NOW - 1000,
  clearedAt: null,
  clearedBy: null,
  clearedHow: null,
  overrideReason: null,
  ...over,
});

import { z } from 'zod';
import { Text } from '../text';
import { EpochMs, Id } from './common';

// Knowledge checks (业务知识考核, issue 19 item 1): the admin's question bank per service and
// topic, quizzes drawn from it, the clerk's attempts scored on the hall server, and the
// retraining list (再培训名单) a clerk below the pass mark is put on. The rules are in
// apps/hall-server/src/domain/knowledge.ts; docs/knowledge-checks.md tells the hall how.

/** Single choice (one right option), multiple choice (all the right ones), short answer. */
export const QuestionKind = z.enum(['single', 'multiple', 'short']);
export type QuestionKind = z.infer<typeof QuestionKind>;

export const MAX_OPTIONS = 8;
export const Topic = Text({ min: 1, max: 40 });
const Prompt = Text({ min: 2, max: 500, multiline: true });
const Option = Text({ min: 1, max: 200 });
const Accepted = Text({ min: 1, max: 100 });
const Explanation = Text({ min: 2, max: 1000, multiline: true });

/** A question as the admin keeps it: with its right answers. Never sent to a quiz taker. */
export const Question = z.object({
  id: Id,
  serviceId: Id,
  topic: Topic,
  kind: QuestionKind,
  prompt: Prompt,
  /** Choice questions: 2 to 8 options; short answer: none. */
  options: z.array(Option).max(MAX_OPTIONS),
  /** Choice questions: the right options' indices (0-based); short answer: none. */
  correct: z
    .array(
      z
        .number()
        .int()
        .min(0)
        .max(MAX_OPTIONS - 1),
    )
    .max(MAX_OPTIONS),
  /** Short answer: the answers accepted (compared ignoring case, width and spaces). */
  accepted: z.array(Accepted).max(20),
  /** Shown to the clerk after they submit. */
  explanation: Explanation,
  /** Retired questions stay for past attempts but are no longer drawn. */
  active: z.boolean(),
  updatedAt: EpochMs,
});
export type Question = z.infer<typeof Question>;

/** A question as a quiz taker sees it before submitting: no right answers. */
export const QuizQuestion = z.object({
  id: Id,
  kind: QuestionKind,
  prompt: z.string(),
  options: z.array(z.string()),
});
export type QuizQuestion = z.infer<typeof QuizQuestion>;

export const PassPct = z.number().int().min(1).max(100);

/**
 * A quiz for one service (and optionally one topic): a fixed set of questions, or a random
 * draw of `drawCount` from the service's (topic's) active questions at each attempt.
 */
export const Quiz = z.object({
  id: Id,
  name: Text({ min: 1, max: 60 }),
  serviceId: Id,
  topic: Topic.nullable(),
  questionIds: z.array(Id).max(100),
  drawCount: z.number().int().min(1).max(100).nullable(),
  passPct: PassPct,
  timeLimitMin: z.number().int().min(1).max(180).nullable(),
  /** Due for every clerk once each calendar month (hall's zone) besides any assignment. */
  monthly: z.boolean(),
  active: z.boolean(),
  updatedAt: EpochMs,
});
export type Quiz = z.infer<typeof Quiz>;

export const QuizAssignment = z.object({
  id: Id,
  quizId: Id,
  staffId: Id,
  assignedBy: Id,
  assignedAt: EpochMs,
  dueAt: EpochMs.nullable(),
  /** The attempt that answered it; null while it is still due. */
  attemptId: Id.nullable(),
});
export type QuizAssignment = z.infer<typeof QuizAssignment>;

/** One answer: the options picked (choice questions) or the text typed (short answer). */
export const QuizAnswer = z.strictObject({
  questionId: Id,
  choices: z
    .array(
      z
        .number()
        .int()
        .min(0)
        .max(MAX_OPTIONS - 1),
    )
    .max(MAX_OPTIONS)
    .optional(),
  text: Text({ max: 200 }).optional(),
});
export type QuizAnswer = z.infer<typeof QuizAnswer>;

export const QuizAttempt = z.object({
  id: Id,
  quizId: Id,
  staffId: Id,
  startedAt: EpochMs,
  /** Past it (with a short grace) the attempt is still scored but cannot pass. */
  deadlineAt: EpochMs.nullable(),
  finishedAt: EpochMs.nullable(),
  scorePct: z.number().int().min(0).max(100).nullable(),
  passed: z.boolean().nullable(),
  late: z.boolean(),
  questionIds: z.array(Id),
  answers: z.array(QuizAnswer).nullable(),
});
export type QuizAttempt = z.infer<typeof QuizAttempt>;

/**
 * After submitting: each question with the clerk's answer, whether right, and why. `correct`,
 * `accepted` and `explanation` are null (withheld) for a question answered wrong in an attempt
 * that did not pass: the clerk retakes the quiz knowing what they got wrong, not the answers.
 */
export const MarkedQuestion = QuizQuestion.extend({
  choices: z.array(z.number().int()),
  text: z.string().nullable(),
  right: z.boolean(),
  correct: z.array(z.number().int()).nullable(),
  accepted: z.array(z.string()).nullable(),
  explanation: z.string().nullable(),
});
export type MarkedQuestion = z.infer<typeof MarkedQuestion>;

export const RetrainingCleared = z.enum(['passed', 'override']);
export type RetrainingCleared = z.infer<typeof RetrainingCleared>;

/** 再培训名单: a clerk below a quiz's pass mark, for that quiz's service, until cleared. */
export const Retraining = z.object({
  id: Id,
  staffId: Id,
  serviceId: Id,
  quizId: Id,
  attemptId: Id,
  since: EpochMs,
  clearedAt: EpochMs.nullable(),
  clearedBy: Id.nullable(),
  clearedHow: RetrainingCleared.nullable(),
  /** The duty leader's reason when they let the clerk work before a pass. */
  overrideReason: z.string().nullable(),
});
export type Retraining = z.infer<typeof Retraining>;

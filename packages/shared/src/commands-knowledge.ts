import { z } from 'zod';
import { Reason, STAFF_DESK, command, def, query } from './command-kit';
import {
  EpochMs,
  Id,
  MarkedQuestion,
  PassPct,
  Question,
  QuestionKind,
  Quiz,
  QuizAnswer,
  QuizQuestion,
  Retraining,
  Topic,
} from './model';

// Knowledge checks (业务知识考核, issue 19 item 1): the admin's question bank and quizzes, the
// clerk taking a quiz at the desk, and the duty leader's retraining list (再培训名单) with
// its override. Answers are checked on the hall server: nothing a quiz taker is sent before
// submitting holds a right answer. Rules: apps/hall-server/src/domain/knowledge.ts.

const ADMIN = ['admin'] as const;
const LEADER = ['duty_leader'] as const;
/** Whoever may work at a counter takes quizzes (the desk's people). */
const TAKERS = ['clerk', 'guide', 'backoffice', 'duty_leader'] as const;

/** Lower-case letters, digits and -: ids the admin picks (and writes in the XLSX). */
const AdminId = Id.regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and -');

export const QuestionInput = z.strictObject({
  /** Absent: a new question. */
  id: AdminId.optional(),
  serviceId: Id,
  topic: Topic,
  kind: QuestionKind,
  prompt: Question.shape.prompt,
  options: Question.shape.options.default([]),
  correct: Question.shape.correct.default([]),
  accepted: Question.shape.accepted.default([]),
  explanation: Question.shape.explanation,
  active: z.boolean().default(true),
});
export type QuestionInput = z.infer<typeof QuestionInput>;

export const QuizInput = z.strictObject({
  id: AdminId.optional(),
  name: Quiz.shape.name,
  serviceId: Id,
  topic: Topic.nullable().default(null),
  questionIds: z.array(Id).max(100).default([]),
  drawCount: z.number().int().min(1).max(100).nullable().default(null),
  passPct: PassPct,
  timeLimitMin: Quiz.shape.timeLimitMin.default(null),
  monthly: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type QuizInput = z.infer<typeof QuizInput>;

/** Why a quiz is due for the clerk now. */
/** `started`: an attempt the clerk began and has not submitted (one is open at a time). */
export const DueReason = z.enum(['started', 'retraining', 'assigned', 'monthly']);
export type DueReason = z.infer<typeof DueReason>;

export const DueQuiz = z.object({
  quizId: Id,
  name: z.string(),
  serviceId: Id,
  passPct: PassPct,
  timeLimitMin: z.number().int().nullable(),
  questionCount: z.number().int().nonnegative(),
  reason: DueReason,
  dueAt: EpochMs.nullable(),
});
export type DueQuiz = z.infer<typeof DueQuiz>;

export const StartedAttempt = z.object({
  attemptId: Id,
  quizId: Id,
  name: z.string(),
  passPct: PassPct,
  startedAt: EpochMs,
  deadlineAt: EpochMs.nullable(),
  questions: z.array(QuizQuestion),
});
export type StartedAttempt = z.infer<typeof StartedAttempt>;

export const AttemptResult = z.object({
  attemptId: Id,
  scorePct: z.number().int().min(0).max(100),
  passed: z.boolean(),
  passPct: PassPct,
  late: z.boolean(),
  serviceId: Id,
  questions: z.array(MarkedQuestion),
  /** Put on the retraining list for the quiz's service by this attempt (or still on it). */
  retraining: z.boolean(),
});
export type AttemptResult = z.infer<typeof AttemptResult>;

export const RetrainingRow = Retraining.extend({
  staffName: z.string(),
  staffNo: z.string(),
  serviceNameZh: z.string(),
  serviceNameEn: z.string(),
  quizName: z.string(),
  scorePct: z.number().int().nullable(),
});
export type RetrainingRow = z.infer<typeof RetrainingRow>;

/** A query's flag: a boolean on the socket, `true`/`false` in an HTTP query string. */
const Flag = z
  .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
  .default(false);

/** The XLSX as sent: base64 of at most 46 KB of file (the socket's 64 KB payload). */
const XlsxBase64 = z
  .string()
  .min(4)
  .max(62_000)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64');

export const knowledgeCommands = {
  'knowledge:my-quizzes': def({
    kind: 'query',
    input: query({}),
    output: z.object({
      due: z.array(DueQuiz),
      /** The services the clerk is on the retraining list for (open rows). */
      retraining: z.array(Retraining),
      /** The hall keeps a clerk on the list off counters that serve the service. */
      blocksService: z.boolean(),
    }),
    roles: TAKERS,
    devices: STAFF_DESK,
    summary:
      "The signed-in clerk's quizzes due now (assigned, monthly, or to leave the retraining list) and the services they are on the retraining list for.",
  }),

  'knowledge:start-attempt': def({
    kind: 'command',
    input: command({ quizId: Id }),
    output: z.object({ attempt: StartedAttempt }),
    roles: TAKERS,
    devices: STAFF_DESK,
    summary:
      "Start a quiz (or resume one's open attempt of it): its questions without their answers, and the time limit's deadline.",
  }),

  'knowledge:submit-attempt': def({
    kind: 'command',
    input: command({ attemptId: Id, answers: z.array(QuizAnswer).max(100) }),
    output: z.object({ result: AttemptResult }),
    roles: TAKERS,
    devices: STAFF_DESK,
    summary:
      "Submit one's own open attempt once: scored at once, with each question's right answer and explanation. Below the pass mark the clerk goes on the retraining list for the quiz's service; a pass takes them off it.",
  }),

  'admin:list-questions': def({
    kind: 'query',
    input: query({ serviceId: Id.optional(), retired: Flag }),
    output: z.object({ questions: z.array(Question) }),
    roles: ADMIN,
    summary: 'The question bank (with right answers), of one service or all; retired ones on ask.',
  }),

  'admin:save-question': def({
    kind: 'command',
    input: command({ question: QuestionInput }),
    output: z.object({ question: Question }),
    roles: ADMIN,
    summary:
      'Add or change a question of the bank (single or multiple choice, or short answer with its accepted answers), or retire it (`active: false`).',
  }),

  'admin:import-questions': def({
    kind: 'command',
    input: command({ fileBase64: XlsxBase64 }),
    output: z.object({ created: z.number().int(), updated: z.number().int() }),
    roles: ADMIN,
    summary:
      "Import questions from an XLSX (the export's columns, docs/knowledge-checks.md): all rows or none; a refusal names each bad row.",
  }),

  'admin:export-questions': def({
    kind: 'query',
    input: query({ serviceId: Id.optional() }),
    output: z.object({ fileName: z.string(), fileBase64: z.string() }),
    roles: ADMIN,
    summary: 'The question bank (retired ones too) as an XLSX, in the columns the import reads.',
  }),

  'admin:list-quizzes': def({
    kind: 'query',
    input: query({}),
    output: z.object({
      quizzes: z.array(Quiz),
      /** Assignments still due. */
      open: z.array(z.object({ quizId: Id, staffId: Id, dueAt: EpochMs.nullable() })),
    }),
    roles: ADMIN,
    summary: 'The quizzes and the assignments still due.',
  }),

  'admin:save-quiz': def({
    kind: 'command',
    input: command({ quiz: QuizInput }),
    output: z.object({ quiz: Quiz }),
    roles: ADMIN,
    summary:
      'Add or change a quiz: a fixed set of questions or a random draw from a service (topic), its pass mark, an optional time limit, monthly or not.',
  }),

  'admin:assign-quiz': def({
    kind: 'command',
    input: command({
      quizId: Id,
      staffIds: z.array(Id).min(1).max(200),
      dueAt: EpochMs.nullable().default(null),
    }),
    output: z.object({ assigned: z.number().int() }),
    roles: ADMIN,
    summary: 'Assign a quiz to staff members (one still due for someone is not assigned twice).',
  }),

  'console:retraining-list': def({
    kind: 'query',
    input: query({ cleared: Flag }),
    output: z.object({ rows: z.array(RetrainingRow) }),
    roles: ['duty_leader', 'admin'],
    summary:
      'The retraining list (再培训名单): who is on it for which service since when; cleared rows of the last 30 days on ask.',
  }),

  'console:retraining-override': def({
    kind: 'command',
    input: command({ retrainingId: Id, reason: Reason }),
    output: z.object({ retraining: Retraining }),
    roles: LEADER,
    summary:
      'The duty leader takes a clerk off the retraining list before they pass, with a reason (audited): they may take counters for the service again.',
  }),
} as const;

/** What one clerk did in quizzes in a report's range (the appraisal). */
export const ClerkQuizzes = {
  quizAttempts: z.number().int().nonnegative().optional(),
  /** Mean score of the finished attempts, 0–100; null when none. */
  quizAvgPct: z.number().min(0).max(100).nullable().optional(),
  quizPassed: z.number().int().nonnegative().optional(),
};

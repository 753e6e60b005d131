import type {
  Question,
  Quiz,
  QuizAnswer,
  QuizAssignment,
  QuizAttempt,
  Retraining,
  RetrainingCleared,
} from '@onestop/shared';
import type { Db } from './db';

// Knowledge checks (migration 019): the question bank, quizzes, assignments, attempts and the
// retraining list. Hall-local tables read by queries only, never sent as hall changes: a
// question's right answers leave the hall server only in the admin's queries and in a
// submitted attempt's marking.

interface QuestionRow {
  id: string;
  service_id: string;
  topic: string;
  kind: Question['kind'];
  prompt: string;
  options: string;
  correct: string;
  accepted: string;
  explanation: string;
  active: number;
  updated_at: number;
}

interface QuizRow {
  id: string;
  name: string;
  service_id: string;
  topic: string | null;
  question_ids: string;
  draw_count: number | null;
  pass_pct: number;
  time_limit_min: number | null;
  monthly: number;
  active: number;
  updated_at: number;
}

interface AttemptRow {
  id: string;
  quiz_id: string;
  staff_id: string;
  started_at: number;
  deadline_at: number | null;
  finished_at: number | null;
  score_pct: number | null;
  passed: number | null;
  late: number;
  question_ids: string;
  answers: string | null;
}

interface AssignmentRow {
  id: string;
  quiz_id: string;
  staff_id: string;
  assigned_by: string;
  assigned_at: number;
  due_at: number | null;
  attempt_id: string | null;
}

interface RetrainingRowDb {
  id: string;
  staff_id: string;
  service_id: string;
  quiz_id: string;
  attempt_id: string;
  since: number;
  cleared_at: number | null;
  cleared_by: string | null;
  cleared_how: RetrainingCleared | null;
  override_reason: string | null;
}

const json = <T>(text: string): T => JSON.parse(text) as T;

const questionOf = (r: QuestionRow): Question => ({
  id: r.id,
  serviceId: r.service_id,
  topic: r.topic,
  kind: r.kind,
  prompt: r.prompt,
  options: json<string[]>(r.options),
  correct: json<number[]>(r.correct),
  accepted: json<string[]>(r.accepted),
  explanation: r.explanation,
  active: r.active === 1,
  updatedAt: r.updated_at,
});

const quizOf = (r: QuizRow): Quiz => ({
  id: r.id,
  name: r.name,
  serviceId: r.service_id,
  topic: r.topic,
  questionIds: json<string[]>(r.question_ids),
  drawCount: r.draw_count,
  passPct: r.pass_pct,
  timeLimitMin: r.time_limit_min,
  monthly: r.monthly === 1,
  active: r.active === 1,
  updatedAt: r.updated_at,
});

const attemptOf = (r: AttemptRow): QuizAttempt => ({
  id: r.id,
  quizId: r.quiz_id,
  staffId: r.staff_id,
  startedAt: r.started_at,
  deadlineAt: r.deadline_at,
  finishedAt: r.finished_at,
  scorePct: r.score_pct,
  passed: r.passed === null ? null : r.passed === 1,
  late: r.late === 1,
  questionIds: json<string[]>(r.question_ids),
  answers: r.answers === null ? null : json<QuizAnswer[]>(r.answers),
});

const assignmentOf = (r: AssignmentRow): QuizAssignment => ({
  id: r.id,
  quizId: r.quiz_id,
  staffId: r.staff_id,
  assignedBy: r.assigned_by,
  assignedAt: r.assigned_at,
  dueAt: r.due_at,
  attemptId: r.attempt_id,
});

const retrainingOf = (r: RetrainingRowDb): Retraining => ({
  id: r.id,
  staffId: r.staff_id,
  serviceId: r.service_id,
  quizId: r.quiz_id,
  attemptId: r.attempt_id,
  since: r.since,
  clearedAt: r.cleared_at,
  clearedBy: r.cleared_by,
  clearedHow: r.cleared_how,
  overrideReason: r.override_reason,
});

const bit = (b: boolean) => (b ? 1 : 0);

export function createKnowledgeRepo(db: Db) {
  const questionById = db.prepare<[string], QuestionRow>('SELECT * FROM questions WHERE id = ?');
  const allQuestions = db.prepare<[], QuestionRow>(
    'SELECT * FROM questions ORDER BY service_id, topic, id',
  );
  const saveQuestion = db.prepare(
    `INSERT INTO questions (id, service_id, topic, kind, prompt, options, correct, accepted,
       explanation, active, updated_at)
     VALUES (@id, @serviceId, @topic, @kind, @prompt, @options, @correct, @accepted,
       @explanation, @active, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET service_id = excluded.service_id, topic = excluded.topic,
       kind = excluded.kind, prompt = excluded.prompt, options = excluded.options,
       correct = excluded.correct, accepted = excluded.accepted,
       explanation = excluded.explanation, active = excluded.active,
       updated_at = excluded.updated_at`,
  );
  const quizById = db.prepare<[string], QuizRow>('SELECT * FROM quizzes WHERE id = ?');
  const allQuizzes = db.prepare<[], QuizRow>('SELECT * FROM quizzes ORDER BY name, id');
  const saveQuiz = db.prepare(
    `INSERT INTO quizzes (id, name, service_id, topic, question_ids, draw_count, pass_pct,
       time_limit_min, monthly, active, updated_at)
     VALUES (@id, @name, @serviceId, @topic, @questionIds, @drawCount, @passPct,
       @timeLimitMin, @monthly, @active, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, service_id = excluded.service_id,
       topic = excluded.topic, question_ids = excluded.question_ids,
       draw_count = excluded.draw_count, pass_pct = excluded.pass_pct,
       time_limit_min = excluded.time_limit_min, monthly = excluded.monthly,
       active = excluded.active, updated_at = excluded.updated_at`,
  );
  const attemptById = db.prepare<[string], AttemptRow>('SELECT * FROM quiz_attempts WHERE id = ?');
  const openAttempt = db.prepare<[string, string], AttemptRow>(
    `SELECT * FROM quiz_attempts WHERE staff_id = ? AND quiz_id = ? AND finished_at IS NULL
      ORDER BY started_at DESC LIMIT 1`,
  );
  const openAttempts = db.prepare<[], AttemptRow>(
    'SELECT * FROM quiz_attempts WHERE finished_at IS NULL ORDER BY started_at',
  );
  const openAttemptsOf = db.prepare<[string], AttemptRow>(
    'SELECT * FROM quiz_attempts WHERE staff_id = ? AND finished_at IS NULL ORDER BY started_at',
  );
  const insertAttempt = db.prepare(
    `INSERT INTO quiz_attempts (id, quiz_id, staff_id, started_at, deadline_at, finished_at,
       score_pct, passed, late, question_ids, answers)
     VALUES (@id, @quizId, @staffId, @startedAt, @deadlineAt, NULL, NULL, NULL, 0,
       @questionIds, NULL)`,
  );
  const finishAttempt = db.prepare(
    `UPDATE quiz_attempts SET finished_at = @finishedAt, score_pct = @scorePct,
       passed = @passed, late = @late, answers = @answers
     WHERE id = @id AND finished_at IS NULL`,
  );
  const finishedSince = db.prepare<[string, number], { quiz_id: string }>(
    'SELECT DISTINCT quiz_id FROM quiz_attempts WHERE staff_id = ? AND finished_at >= ?',
  );
  const openAssignments = db.prepare<[string], AssignmentRow>(
    'SELECT * FROM quiz_assignments WHERE staff_id = ? AND attempt_id IS NULL ORDER BY assigned_at',
  );
  const allOpenAssignments = db.prepare<[], AssignmentRow>(
    'SELECT * FROM quiz_assignments WHERE attempt_id IS NULL ORDER BY assigned_at',
  );
  const insertAssignment = db.prepare(
    `INSERT INTO quiz_assignments (id, quiz_id, staff_id, assigned_by, assigned_at, due_at,
       attempt_id) VALUES (@id, @quizId, @staffId, @assignedBy, @assignedAt, @dueAt, NULL)`,
  );
  const answerAssignments = db.prepare<[string, string, string]>(
    'UPDATE quiz_assignments SET attempt_id = ? WHERE staff_id = ? AND quiz_id = ? AND attempt_id IS NULL',
  );
  const retrainingById = db.prepare<[string], RetrainingRowDb>(
    'SELECT * FROM retraining WHERE id = ?',
  );
  const openRetrainingOf = db.prepare<[string], RetrainingRowDb>(
    'SELECT * FROM retraining WHERE staff_id = ? AND cleared_at IS NULL ORDER BY since',
  );
  const retrainingList = db.prepare<[number], RetrainingRowDb>(
    `SELECT * FROM retraining WHERE cleared_at IS NULL OR cleared_at >= ?
      ORDER BY cleared_at IS NOT NULL, since DESC LIMIT 500`,
  );
  const saveRetraining = db.prepare(
    `INSERT INTO retraining (id, staff_id, service_id, quiz_id, attempt_id, since, cleared_at,
       cleared_by, cleared_how, override_reason)
     VALUES (@id, @staffId, @serviceId, @quizId, @attemptId, @since, @clearedAt, @clearedBy,
       @clearedHow, @overrideReason)
     ON CONFLICT (id) DO UPDATE SET cleared_at = excluded.cleared_at,
       cleared_by = excluded.cleared_by, cleared_how = excluded.cleared_how,
       override_reason = excluded.override_reason`,
  );
  const clerkFigures = db.prepare<
    [number, number],
    { staff_id: string; attempts: number; avg_pct: number | null; passed: number }
  >(
    `SELECT staff_id, COUNT(*) AS attempts, AVG(score_pct) AS avg_pct,
       COALESCE(SUM(passed), 0) AS passed
     FROM quiz_attempts WHERE finished_at >= ? AND finished_at < ? GROUP BY staff_id`,
  );

  return {
    questionById: (id: string) => {
      const r = questionById.get(id);
      return r ? questionOf(r) : undefined;
    },
    questions: () => allQuestions.all().map(questionOf),
    saveQuestion(q: Question): Question {
      saveQuestion.run({
        ...q,
        options: JSON.stringify(q.options),
        correct: JSON.stringify(q.correct),
        accepted: JSON.stringify(q.accepted),
        active: bit(q.active),
      });
      return q;
    },

    quizById: (id: string) => {
      const r = quizById.get(id);
      return r ? quizOf(r) : undefined;
    },
    quizzes: () => allQuizzes.all().map(quizOf),
    saveQuiz(q: Quiz): Quiz {
      saveQuiz.run({
        ...q,
        questionIds: JSON.stringify(q.questionIds),
        monthly: bit(q.monthly),
        active: bit(q.active),
      });
      return q;
    },

    attemptById: (id: string) => {
      const r = attemptById.get(id);
      return r ? attemptOf(r) : undefined;
    },
    openAttempt: (staffId: string, quizId: string) => {
      const r = openAttempt.get(staffId, quizId);
      return r ? attemptOf(r) : undefined;
    },
    /** Every attempt not yet submitted (the quiz sweep's). */
    openAttempts: () => openAttempts.all().map(attemptOf),
    /** A staff member's attempts not yet submitted. */
    openAttemptsOf: (staffId: string) => openAttemptsOf.all(staffId).map(attemptOf),
    insertAttempt(a: QuizAttempt): QuizAttempt {
      insertAttempt.run({ ...a, questionIds: JSON.stringify(a.questionIds) });
      return a;
    },
    /** True when it was still open (a second submit in a race finds it finished). */
    finishAttempt(a: QuizAttempt): boolean {
      const changed = finishAttempt.run({
        id: a.id,
        finishedAt: a.finishedAt,
        scorePct: a.scorePct,
        passed: a.passed === null ? null : bit(a.passed),
        late: bit(a.late),
        answers: JSON.stringify(a.answers ?? []),
      }).changes;
      if (changed === 1) answerAssignments.run(a.id, a.staffId, a.quizId);
      return changed === 1;
    },
    /** The quizzes a staff member finished an attempt of since `from`. */
    finishedSince: (staffId: string, from: number) =>
      new Set(finishedSince.all(staffId, from).map((r) => r.quiz_id)),

    openAssignmentsOf: (staffId: string) => openAssignments.all(staffId).map(assignmentOf),
    openAssignments: () => allOpenAssignments.all().map(assignmentOf),
    insertAssignment(a: QuizAssignment): QuizAssignment {
      insertAssignment.run(a);
      return a;
    },

    retrainingById: (id: string) => {
      const r = retrainingById.get(id);
      return r ? retrainingOf(r) : undefined;
    },
    openRetrainingOf: (staffId: string) => openRetrainingOf.all(staffId).map(retrainingOf),
    /** Open rows, and rows cleared since `clearedSince`. */
    retrainingList: (clearedSince: number) => retrainingList.all(clearedSince).map(retrainingOf),
    saveRetraining(r: Retraining): Retraining {
      saveRetraining.run(r);
      return r;
    },

    /** Per clerk, the attempts finished in [from, to): count, mean score, passes. */
    clerkFigures: (from: number, to: number) => clerkFigures.all(from, to),
  };
}

export type KnowledgeRepo = ReturnType<typeof createKnowledgeRepo>;

import type {
  DueQuiz,
  MarkedQuestion,
  Question,
  QuestionInput,
  Quiz,
  QuizAnswer,
  QuizAssignment,
  QuizAttempt,
  QuizInput,
  QuizQuestion,
  Retraining,
} from '@onestop/shared';
import { accept, reject, type Result } from './result';

// Knowledge checks (业务知识考核): what a question must hold, which questions an attempt gets,
// how it is scored, who goes on and off the retraining list (再培训名单), and which counters
// the list keeps a clerk from. Pure: the handlers (app/handlers/knowledge-handlers.ts) read
// and write; `now`, ids and the random draw come in as arguments.

/** A submission this long after the time limit is still scored, but cannot pass. */
export const DEADLINE_GRACE_MS = 60_000;

/** Why a question as typed cannot be kept, or the question to keep. */
export function checkQuestion(input: QuestionInput, id: string, now: number): Result<Question> {
  const q: Question = {
    id,
    serviceId: input.serviceId,
    topic: input.topic,
    kind: input.kind,
    prompt: input.prompt,
    options: input.kind === 'short' ? [] : input.options,
    correct: input.kind === 'short' ? [] : [...new Set(input.correct)].sort((a, b) => a - b),
    accepted: input.kind === 'short' ? input.accepted : [],
    explanation: input.explanation,
    active: input.active,
    updatedAt: now,
  };
  if (q.kind === 'short') {
    if (q.accepted.length === 0) return reject('invalid_payload', 'accepted: at least one answer');
    if (q.accepted.some((a) => normalAnswer(a) === ''))
      return reject('invalid_payload', 'accepted: an answer of only spaces or punctuation');
    return accept(q);
  }
  if (q.options.length < 2) return reject('invalid_payload', 'options: at least two');
  if (q.correct.length === 0) return reject('invalid_payload', 'correct: at least one option');
  if (q.correct.some((i) => i >= q.options.length))
    return reject('invalid_payload', `correct: options are numbered 1 to ${q.options.length}`);
  if (q.kind === 'single' && q.correct.length !== 1)
    return reject('invalid_payload', 'correct: a single-choice question has exactly one');
  if (new Set(q.options.map(normalAnswer)).size !== q.options.length)
    return reject('invalid_payload', 'options: two options read the same');
  return accept(q);
}

/** A quiz as typed, checked against the bank: a fixed set of the service's questions, or a draw. */
export function checkQuiz(
  input: QuizInput,
  id: string,
  bank: readonly Question[],
  now: number,
): Result<Quiz> {
  const fixed = input.drawCount === null;
  if (fixed && input.questionIds.length === 0)
    return reject('invalid_payload', 'questionIds or drawCount: which questions it asks');
  if (!fixed && input.questionIds.length > 0)
    return reject('invalid_payload', 'questionIds and drawCount: one or the other');
  const byId = new Map(bank.map((q) => [q.id, q]));
  if (new Set(input.questionIds).size !== input.questionIds.length)
    return reject('invalid_payload', 'questionIds: a question twice');
  for (const qid of input.questionIds) {
    const q = byId.get(qid);
    if (!q) return reject('not_found', `Question ${qid}.`);
    if (q.serviceId !== input.serviceId)
      return reject('invalid_payload', `questionIds: ${qid} is another service's`);
  }
  if (!fixed && input.active) {
    const pool = drawPool(bank, input.serviceId, input.topic);
    if (pool.length < input.drawCount!)
      return reject(
        'invalid_payload',
        `drawCount: the bank has ${pool.length} active questions for this service${input.topic ? ' and topic' : ''}`,
      );
  }
  return accept({
    id,
    name: input.name,
    serviceId: input.serviceId,
    topic: input.topic,
    questionIds: input.questionIds,
    drawCount: input.drawCount,
    passPct: input.passPct,
    timeLimitMin: input.timeLimitMin,
    monthly: input.monthly,
    active: input.active,
    updatedAt: now,
  });
}

function drawPool(bank: readonly Question[], serviceId: string, topic: string | null): Question[] {
  return bank.filter(
    (q) => q.active && q.serviceId === serviceId && (topic === null || q.topic === topic),
  );
}

/**
 * The questions of a new attempt: the quiz's fixed set (retired ones left out), or
 * `drawCount` picked by `random` (0 ≤ r < 1) from the active questions of its service/topic.
 */
export function questionsFor(
  quiz: Quiz,
  bank: readonly Question[],
  random: () => number,
): Result<string[]> {
  if (!quiz.active) return reject('not_found', `Quiz ${quiz.id} is retired.`);
  let ids: string[];
  if (quiz.drawCount === null) {
    const active = new Set(bank.filter((q) => q.active).map((q) => q.id));
    ids = quiz.questionIds.filter((id) => active.has(id));
  } else {
    const pool = drawPool(bank, quiz.serviceId, quiz.topic).map((q) => q.id);
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    ids = pool.slice(0, quiz.drawCount);
  }
  return ids.length > 0 ? accept(ids) : reject('not_found', `Quiz ${quiz.id} has no questions.`);
}

/** A question as the quiz taker sees it: no right answer, no explanation. */
export function askedQuestion(q: Question): QuizQuestion {
  return { id: q.id, kind: q.kind, prompt: q.prompt, options: q.options };
}

/**
 * A short answer as compared: NFKC (full-width → half-width), lower case, without spaces and
 * the punctuation around words (。,、. , ; etc.), so "95598。" reads as "95598".
 */
export function normalAnswer(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, '');
}

export function isRight(q: Question, answer: QuizAnswer | undefined): boolean {
  if (!answer) return false;
  if (q.kind === 'short') {
    const given = normalAnswer(answer.text ?? '');
    return given !== '' && q.accepted.some((a) => normalAnswer(a) === given);
  }
  const picked = [...new Set(answer.choices ?? [])].sort((a, b) => a - b);
  return picked.length === q.correct.length && picked.every((c, i) => c === q.correct[i]);
}

/** The answers as sent fit the attempt: each for one of its questions, at most once, in range. */
export function checkAnswers(
  questions: readonly Question[],
  answers: readonly QuizAnswer[],
): Result<Map<string, QuizAnswer>> {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const out = new Map<string, QuizAnswer>();
  for (const a of answers) {
    const q = byId.get(a.questionId);
    if (!q) return reject('invalid_payload', `answers: ${a.questionId} is not in this attempt`);
    if (out.has(a.questionId))
      return reject('invalid_payload', `answers: ${a.questionId} answered twice`);
    if (q.kind === 'short' ? a.choices !== undefined : a.text !== undefined)
      return reject('invalid_payload', `answers: ${a.questionId} is a ${q.kind} question`);
    if ((a.choices ?? []).some((c) => c >= q.options.length))
      return reject('invalid_payload', `answers: ${a.questionId} has no such option`);
    if (q.kind === 'single' && (a.choices ?? []).length > 1)
      return reject('invalid_payload', `answers: ${a.questionId} takes one option`);
    out.set(a.questionId, a);
  }
  return accept(out);
}

export interface Scored {
  attempt: QuizAttempt;
  questions: MarkedQuestion[];
}

/**
 * The clerk's own open attempt, submitted: every question marked, the score rounded down to a
 * whole percent (an unanswered question is wrong), passed at or above the pass mark and in time.
 */
export function submitAttempt(
  attempt: QuizAttempt,
  staffId: string,
  questions: readonly Question[],
  answers: readonly QuizAnswer[],
  passPct: number,
  now: number,
): Result<Scored> {
  if (attempt.staffId !== staffId) return reject('forbidden', 'Another staff member’s attempt.');
  if (attempt.finishedAt !== null) return reject('attempt_closed');
  const checked = checkAnswers(questions, answers);
  if (!checked.ok) return checked;
  const byId = new Map(questions.map((q) => [q.id, q]));
  const marked: MarkedQuestion[] = attempt.questionIds.map((id) => {
    const q = byId.get(id)!;
    const a = checked.value.get(id);
    return {
      ...askedQuestion(q),
      choices: a?.choices ?? [],
      text: a?.text ?? null,
      right: isRight(q, a),
      correct: q.correct,
      accepted: q.accepted,
      explanation: q.explanation,
    };
  });
  const right = marked.filter((m) => m.right).length;
  const scorePct = Math.floor((right * 100) / Math.max(1, marked.length));
  const late = isOutOfTime(attempt, now);
  const passed = !late && scorePct >= passPct;
  return accept({
    attempt: {
      ...attempt,
      finishedAt: now,
      scorePct,
      passed,
      late,
      answers: [...checked.value.values()],
    },
    questions: passed ? marked : marked.map(withheldUnlessRight),
  });
}

/**
 * A failed attempt's question as the clerk is shown it: answered wrong, its right answer and
 * explanation are withheld, or a retake of the same quiz (a fixed set) would be copying them.
 */
function withheldUnlessRight(q: MarkedQuestion): MarkedQuestion {
  return q.right ? q : { ...q, correct: null, accepted: null, explanation: null };
}

export type RetrainingChange =
  { kind: 'none' } | { kind: 'open'; row: Retraining } | { kind: 'clear'; rows: Retraining[] };

/**
 * After a scored attempt: below the pass mark the clerk goes on the list for the quiz's
 * service (once: an open row stays as it is). A pass clears the rows this quiz put them on
 * (an easier quiz of the service does not), or rows whose quiz has been retired since (any
 * active quiz of the service is then the way off: `dueQuizzes` offers one).
 */
export function retrainingAfter(
  attempt: QuizAttempt,
  quiz: Quiz,
  open: readonly Retraining[],
  newId: string,
  retiredQuizIds: ReadonlySet<string> = new Set(),
): RetrainingChange {
  const mine = open.filter(
    (r) => r.staffId === attempt.staffId && r.serviceId === quiz.serviceId && r.clearedAt === null,
  );
  if (attempt.passed) {
    const cleared = mine.filter((r) => r.quizId === quiz.id || retiredQuizIds.has(r.quizId));
    if (cleared.length === 0) return { kind: 'none' };
    const clearedAt = attempt.finishedAt!;
    return {
      kind: 'clear',
      rows: cleared.map((r) => ({
        ...r,
        clearedAt,
        clearedBy: attempt.staffId,
        clearedHow: 'passed',
      })),
    };
  }
  if (mine.length > 0) return { kind: 'none' };
  return {
    kind: 'open',
    row: {
      id: newId,
      staffId: attempt.staffId,
      serviceId: quiz.serviceId,
      quizId: quiz.id,
      attemptId: attempt.id,
      since: attempt.finishedAt!,
      clearedAt: null,
      clearedBy: null,
      clearedHow: null,
      overrideReason: null,
    },
  };
}

/** The duty leader lets a clerk on the list work before a pass, with a reason. */
export function overrideRetraining(
  row: Retraining,
  leaderId: string,
  reason: string,
  now: number,
): Result<Retraining> {
  if (row.clearedAt !== null) return reject('invalid_transition', 'Already off the list.');
  if (row.staffId === leaderId)
    return reject('forbidden', 'A duty leader does not take themself off the list.');
  return accept({
    ...row,
    clearedAt: now,
    clearedBy: leaderId,
    clearedHow: 'override',
    overrideReason: reason,
  });
}

/**
 * The first of a counter's services the clerk is kept from (on the list for it, in a hall
 * that blocks), or null: they may take the counter. The clerk's open retraining rows are read
 * only in a hall that blocks (asked on every counter:open and call).
 */
export function blockedService(
  serviceIds: readonly string[],
  open: () => readonly Retraining[],
  blocks: boolean,
): string | null {
  if (!blocks) return null;
  const listed = new Set(
    open()
      .filter((r) => r.clearedAt === null)
      .map((r) => r.serviceId),
  );
  return serviceIds.find((id) => listed.has(id)) ?? null;
}

export interface DueInput {
  quizzes: readonly Quiz[];
  /** The clerk's assignments not yet answered. */
  assignments: readonly QuizAssignment[];
  /** The clerk's open retraining rows. */
  retraining: readonly Retraining[];
  /** Quizzes the clerk has an attempt of not yet submitted. */
  started?: ReadonlySet<string>;
  /** Quizzes the clerk finished an attempt of since the month began (hall's zone). */
  finishedThisMonth: ReadonlySet<string>;
  questionCount: (quiz: Quiz) => number;
}

/**
 * The quizzes due for a clerk now, each once, the most pressing reason first: one started and
 * not submitted, to leave the retraining list (the quiz that put them on it), assigned, then
 * monthly.
 */
export function dueQuizzes(input: DueInput): DueQuiz[] {
  const active = new Map(input.quizzes.filter((q) => q.active).map((q) => [q.id, q]));
  const due = new Map<string, DueQuiz>();
  const add = (quiz: Quiz | undefined, reason: DueQuiz['reason'], dueAt: number | null) => {
    if (!quiz || due.has(quiz.id)) return;
    due.set(quiz.id, {
      quizId: quiz.id,
      name: quiz.name,
      serviceId: quiz.serviceId,
      passPct: quiz.passPct,
      timeLimitMin: quiz.timeLimitMin,
      questionCount: input.questionCount(quiz),
      reason,
      dueAt,
    });
  };
  // The quiz that put them on the list, or (retired since) another of the same service.
  const ofService = (id: string) => [...active.values()].find((q) => q.serviceId === id);
  for (const id of input.started ?? []) add(active.get(id), 'started', null);
  for (const r of input.retraining)
    add(active.get(r.quizId) ?? ofService(r.serviceId), 'retraining', null);
  for (const a of input.assignments) add(active.get(a.quizId), 'assigned', a.dueAt);
  for (const quiz of active.values())
    if (quiz.monthly && !input.finishedThisMonth.has(quiz.id)) add(quiz, 'monthly', null);
  return [...due.values()];
}

/** The attempt's deadline: the time limit from its start, or none. */
export function deadlineOf(quiz: Quiz, startedAt: number): number | null {
  return quiz.timeLimitMin === null ? null : startedAt + quiz.timeLimitMin * 60_000;
}

/** A submission past its time limit and the grace: scored, but it cannot pass. */
export function isOutOfTime(attempt: QuizAttempt, now: number): boolean {
  return attempt.deadlineAt !== null && now > attempt.deadlineAt + DEADLINE_GRACE_MS;
}

/** How long an attempt is left open past its limit (or its day) before the hall closes it. */
export const ABANDONED_AFTER_MS = 30 * 60_000;

/**
 * An attempt left open so long that the hall closes it for the clerk: a timed one
 * ABANDONED_AFTER_MS past its limit (until then a late submission is still scored, late), an
 * untimed one started on an earlier business day (`dayStart`: the start of today's) and at least
 * ABANDONED_AFTER_MS ago (one begun just before midnight is not cut short). It is scored as it
 * stands (nothing submitted: wrong), so leaving a quiz open never keeps a clerk off the
 * retraining list.
 */
export function isAbandoned(attempt: QuizAttempt, now: number, dayStart: number): boolean {
  if (attempt.finishedAt !== null) return false;
  if (attempt.deadlineAt !== null) return now > attempt.deadlineAt + ABANDONED_AFTER_MS;
  return attempt.startedAt < dayStart && now - attempt.startedAt > ABANDONED_AFTER_MS;
}

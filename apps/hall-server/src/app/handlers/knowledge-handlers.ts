import { randomInt, randomUUID } from 'node:crypto';
import type { AttemptResult, Question, QuizAttempt, RetrainingRow } from '@onestop/shared';
import { startOfBusinessDay } from '../../domain/business-day';
import {
  askedQuestion,
  blockedService,
  checkQuestion,
  checkQuiz,
  deadlineOf,
  dueQuizzes,
  isAbandoned,
  isOutOfTime,
  overrideRetraining,
  questionsFor,
  retrainingAfter,
  submitAttempt,
} from '../../domain/knowledge';
import { accept, reject, type Result } from '../../domain/result';
import { writeAudit } from '../audit';
import { handler, type TxContext } from '../context';
import { questionsToXlsx, readQuestionsXlsx, someErrors } from '../knowledge-xlsx';
import { signedInStaff } from './clerk';

// Knowledge checks (业务知识考核): the clerk's quizzes, attempts and their scoring, the admin's
// bank and quizzes (XLSX in and out), the duty leader's retraining list and override. The
// rules: domain/knowledge.ts. Nothing here is a hall change: the tables are read by queries,
// so a right answer never rides a change to a desk.

const CLEARED_SHOWN_MS = 30 * 86_400_000;

const random = () => randomInt(2 ** 30) / 2 ** 30;

function questionsOf(tx: TxContext, ids: readonly string[]): Question[] {
  return ids.flatMap((id) => tx.store.knowledge.questionById(id) ?? []);
}

/**
 * Submits an attempt and keeps what follows: the attempt, the assignment it answers, and the
 * retraining list (on below the pass mark, off on a pass).
 */
function finish(
  tx: TxContext,
  attempt: QuizAttempt,
  staffId: string,
  answers: Parameters<typeof submitAttempt>[3],
): Result<AttemptResult> {
  const quiz = tx.store.knowledge.quizById(attempt.quizId);
  if (!quiz) return reject('not_found', `Quiz ${attempt.quizId}.`);
  const scored = submitAttempt(
    attempt,
    staffId,
    questionsOf(tx, attempt.questionIds),
    answers,
    quiz.passPct,
    tx.now,
  );
  if (!scored.ok) return scored;
  if (!tx.store.knowledge.finishAttempt(scored.value.attempt)) return reject('attempt_closed');
  const done = scored.value.attempt;
  const open = tx.store.knowledge.openRetrainingOf(staffId);
  const retired = new Set(
    tx.store.knowledge
      .quizzes()
      .filter((q) => !q.active)
      .map((q) => q.id),
  );
  const change = retrainingAfter(done, quiz, open, tx.newId(), retired);
  if (change.kind === 'open') tx.store.knowledge.saveRetraining(change.row);
  if (change.kind === 'clear') change.rows.forEach((r) => tx.store.knowledge.saveRetraining(r));
  const cleared = new Set(change.kind === 'clear' ? change.rows.map((r) => r.id) : []);
  const stillListed =
    change.kind === 'open' ||
    open.some((r) => r.serviceId === quiz.serviceId && !cleared.has(r.id));
  return accept({
    attemptId: done.id,
    scorePct: done.scorePct!,
    passed: done.passed!,
    passPct: quiz.passPct,
    late: done.late,
    serviceId: quiz.serviceId,
    questions: scored.value.questions,
    retraining: stillListed,
  });
}

/**
 * Scores every abandoned attempt of the hall as it stands (domain `isAbandoned`): run by the
 * quiz sweep (app/quiz-sweep.ts), so an attempt left open puts its clerk on the retraining list
 * without their starting another. Returns how many were closed.
 */
export function closeAbandonedAttempts(tx: TxContext): Result<number> {
  const dayStart = startOfBusinessDay(tx.hall.businessDay, tx.hall.config.timeZone);
  let closed = 0;
  for (const attempt of tx.store.knowledge.openAttempts()) {
    if (!isAbandoned(attempt, tx.now, dayStart)) continue;
    // A clerk no longer active is not put on a list they cannot leave.
    if (!tx.store.staff.byId(attempt.staffId)?.active) continue;
    // One that cannot be scored (its quiz gone) stays open; the others are still closed.
    if (!finish(tx, attempt, attempt.staffId, []).ok) continue;
    writeAudit(tx.store, {
      name: 'system:quiz-attempt-closed',
      actor: null,
      commandId: null,
      payload: { attemptId: attempt.id, quizId: attempt.quizId, staffId: attempt.staffId },
      result: 'ok',
      now: tx.now,
    });
    closed++;
  }
  return accept(closed);
}

/** Refuses a counter whose service the clerk is on the retraining list for (hall's choice). */
export function retrainingBlock(tx: TxContext, staffId: string, serviceIds: readonly string[]) {
  const blocked = blockedService(
    serviceIds,
    () => tx.store.knowledge.openRetrainingOf(staffId),
    tx.hall.config.knowledgeBlocksService ?? false,
  );
  if (blocked === null) return accept(null);
  const service = tx.store.services.byId(blocked);
  // The service by both its names and no label: the detail follows the message in either language.
  return reject('retraining_required', service ? `${service.nameZh} / ${service.nameEn}` : blocked);
}

export const knowledgeHandlers = {
  'knowledge:my-quizzes': handler<'knowledge:my-quizzes'>({
    run(tx) {
      const staff = signedInStaff(tx);
      if (!staff.ok) return staff;
      const k = tx.store.knowledge;
      const monthStart = startOfBusinessDay(
        `${tx.hall.businessDay.slice(0, 7)}-01`,
        tx.hall.config.timeZone,
      );
      const retraining = k.openRetrainingOf(staff.value.id);
      const due = dueQuizzes({
        quizzes: k.quizzes(),
        assignments: k.openAssignmentsOf(staff.value.id),
        retraining,
        finishedThisMonth: k.finishedSince(staff.value.id, monthStart),
        started: new Set(k.openAttemptsOf(staff.value.id).map((a) => a.quizId)),
        questionCount: (quiz) => quiz.drawCount ?? quiz.questionIds.length,
      });
      return accept({
        due,
        retraining,
        blocksService: tx.hall.config.knowledgeBlocksService ?? false,
      });
    },
  }),

  'knowledge:start-attempt': handler<'knowledge:start-attempt'>({
    run(tx, { quizId }) {
      const staff = signedInStaff(tx);
      if (!staff.ok) return staff;
      const k = tx.store.knowledge;
      const quiz = k.quizById(quizId);
      if (!quiz) return reject('not_found', `Quiz ${quizId}.`);
      const dayStart = startOfBusinessDay(tx.hall.businessDay, tx.hall.config.timeZone);
      let attempt = k.openAttempt(staff.value.id, quiz.id);
      const over = (a: QuizAttempt) => isOutOfTime(a, tx.now) || isAbandoned(a, tx.now, dayStart);
      // Over (out of time, or left open from an earlier day): scored as it stands (late), and a
      // new one begins.
      if (attempt && over(attempt)) {
        const closed = finish(tx, attempt, staff.value.id, []);
        if (!closed.ok) return closed;
        attempt = undefined;
      }
      if (!attempt) {
        // One open attempt at a time: a result (with its right answers) never tells an open one's.
        for (const other of k.openAttemptsOf(staff.value.id)) {
          if (!over(other)) {
            const name = k.quizById(other.quizId)?.name ?? other.quizId;
            return reject('invalid_transition', `Submit the quiz you started first: ${name}.`);
          }
          const closed = finish(tx, other, staff.value.id, []);
          if (!closed.ok) return closed;
        }
        const ids = questionsFor(quiz, k.questions(), random);
        if (!ids.ok) return ids;
        attempt = k.insertAttempt({
          id: tx.newId(),
          quizId: quiz.id,
          staffId: staff.value.id,
          startedAt: tx.now,
          deadlineAt: deadlineOf(quiz, tx.now),
          finishedAt: null,
          scorePct: null,
          passed: null,
          late: false,
          questionIds: ids.value,
          answers: null,
        });
      }
      return accept({
        attempt: {
          attemptId: attempt.id,
          quizId: quiz.id,
          name: quiz.name,
          passPct: quiz.passPct,
          startedAt: attempt.startedAt,
          deadlineAt: attempt.deadlineAt,
          questions: questionsOf(tx, attempt.questionIds).map(askedQuestion),
        },
      });
    },
  }),

  'knowledge:submit-attempt': handler<'knowledge:submit-attempt'>({
    run(tx, { attemptId, answers }) {
      const staff = signedInStaff(tx);
      if (!staff.ok) return staff;
      const attempt = tx.store.knowledge.attemptById(attemptId);
      if (!attempt) return reject('not_found', `Attempt ${attemptId}.`);
      const result = finish(tx, attempt, staff.value.id, answers);
      return result.ok ? accept({ result: result.value }) : result;
    },
  }),

  'admin:list-questions': handler<'admin:list-questions'>({
    run(tx, { serviceId, retired }) {
      const questions = tx.store.knowledge
        .questions()
        .filter(
          (q) => (serviceId === undefined || q.serviceId === serviceId) && (retired || q.active),
        );
      return accept({ questions });
    },
  }),

  'admin:save-question': handler<'admin:save-question'>({
    run(tx, { question }) {
      if (!tx.store.services.byId(question.serviceId))
        return reject('not_found', `Service ${question.serviceId}.`);
      const checked = checkQuestion(question, question.id ?? tx.newId(), tx.now);
      if (!checked.ok) return checked;
      return accept({ question: tx.store.knowledge.saveQuestion(checked.value) });
    },
  }),

  'admin:import-questions': handler<'admin:import-questions', Question[]>({
    // Read and checked whole before the transaction: every bad row is named, none is kept.
    async prepare(ctx, { fileBase64 }) {
      const read = await readQuestionsXlsx(Buffer.from(fileBase64, 'base64'));
      if (!read.ok) return reject('invalid_payload', read.errors.join('; '));
      const errors = read.errors.map((text) => ({
        row: Number(/^row (\d+)/.exec(text)?.[1] ?? 0),
        text,
      }));
      const seen = new Set<string>();
      const checked: Question[] = [];
      for (const { row, question } of read.rows) {
        const problem = (text: string) => errors.push({ row, text: `row ${row}: ${text}` });
        if (question.id !== undefined && seen.has(question.id)) {
          problem(`id ${question.id} is on an earlier row too`);
          continue;
        }
        if (question.id !== undefined) seen.add(question.id);
        if (!ctx.store.services.byId(question.serviceId)) {
          problem(`service_id ${question.serviceId} is no service of this hall`);
          continue;
        }
        const q = checkQuestion(question, question.id ?? `q-${randomUUID()}`, ctx.now);
        if (!q.ok) problem(q.detail ?? q.code);
        else checked.push(q.value);
      }
      if (errors.length > 0) return reject('invalid_payload', someErrors(errors));
      return accept(checked);
    },
    run(tx, _args, checked) {
      const k = tx.store.knowledge;
      const gone = checked.find((q) => !tx.store.services.byId(q.serviceId));
      if (gone) return reject('not_found', `Service ${gone.serviceId}.`);
      const updated = checked.filter((q) => k.questionById(q.id) !== undefined).length;
      for (const q of checked) k.saveQuestion({ ...q, updatedAt: tx.now });
      return accept({ created: checked.length - updated, updated });
    },
  }),

  'admin:export-questions': handler<'admin:export-questions', string>({
    async prepare(ctx, { serviceId }) {
      const all = ctx.store.knowledge.questions();
      const questions = all.filter((q) => serviceId === undefined || q.serviceId === serviceId);
      return accept((await questionsToXlsx(questions)).toString('base64'));
    },
    run(tx, { serviceId }, fileBase64) {
      const day = tx.hall.businessDay;
      return accept({ fileName: `questions-${serviceId ?? 'all'}-${day}.xlsx`, fileBase64 });
    },
  }),

  'admin:list-quizzes': handler<'admin:list-quizzes'>({
    run(tx) {
      const open = tx.store.knowledge
        .openAssignments()
        .map((a) => ({ quizId: a.quizId, staffId: a.staffId, dueAt: a.dueAt }));
      return accept({ quizzes: tx.store.knowledge.quizzes(), open });
    },
  }),

  'admin:save-quiz': handler<'admin:save-quiz'>({
    run(tx, { quiz }) {
      if (!tx.store.services.byId(quiz.serviceId))
        return reject('not_found', `Service ${quiz.serviceId}.`);
      const bank = tx.store.knowledge.questions();
      const checked = checkQuiz(quiz, quiz.id ?? tx.newId(), bank, tx.now);
      if (!checked.ok) return checked;
      return accept({ quiz: tx.store.knowledge.saveQuiz(checked.value) });
    },
  }),

  'admin:assign-quiz': handler<'admin:assign-quiz'>({
    run(tx, { quizId, staffIds, dueAt }) {
      const staff = signedInStaff(tx);
      if (!staff.ok) return staff;
      const quiz = tx.store.knowledge.quizById(quizId);
      if (!quiz || !quiz.active) return reject('not_found', `Quiz ${quizId}.`);
      for (const id of staffIds) {
        const s = tx.store.staff.byId(id);
        if (!s || !s.active) return reject('not_found', `Staff ${id}.`);
      }
      const already = new Set(
        tx.store.knowledge
          .openAssignments()
          .filter((a) => a.quizId === quizId)
          .map((a) => a.staffId),
      );
      let assigned = 0;
      for (const id of new Set(staffIds)) {
        if (already.has(id)) continue;
        tx.store.knowledge.insertAssignment({
          id: tx.newId(),
          quizId,
          staffId: id,
          assignedBy: staff.value.id,
          assignedAt: tx.now,
          dueAt,
          attemptId: null,
        });
        assigned++;
      }
      return accept({ assigned });
    },
  }),

  'console:retraining-list': handler<'console:retraining-list'>({
    run(tx, { cleared }) {
      const k = tx.store.knowledge;
      const since = cleared ? tx.now - CLEARED_SHOWN_MS : Number.MAX_SAFE_INTEGER;
      const rows: RetrainingRow[] = k.retrainingList(since).map((r) => {
        const staff = tx.store.staff.byId(r.staffId);
        const service = tx.store.services.byId(r.serviceId);
        return {
          ...r,
          staffName: staff?.name ?? r.staffId,
          staffNo: staff?.staffNo ?? '',
          serviceNameZh: service?.nameZh ?? r.serviceId,
          serviceNameEn: service?.nameEn ?? r.serviceId,
          quizName: k.quizById(r.quizId)?.name ?? r.quizId,
          scorePct: k.attemptById(r.attemptId)?.scorePct ?? null,
        };
      });
      return accept({ rows });
    },
  }),

  'console:retraining-override': handler<'console:retraining-override'>({
    run(tx, { retrainingId, reason }) {
      const staff = signedInStaff(tx);
      if (!staff.ok) return staff;
      const row = tx.store.knowledge.retrainingById(retrainingId);
      if (!row) return reject('not_found', `Retraining ${retrainingId}.`);
      const cleared = overrideRetraining(row, staff.value.id, reason, tx.now);
      if (!cleared.ok) return cleared;
      return accept({ retraining: tx.store.knowledge.saveRetraining(cleared.value) });
    },
  }),
};

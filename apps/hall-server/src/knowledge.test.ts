import { errorMessages, type Ack } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { clockedDemoHalls } from './test-support/clocked-hall';
import { ok, send } from './test-support/hall-harness';
import {
  BILLING_QUESTIONS,
  billingQuiz,
  RIGHT_ANSWERS,
  WRONG_ANSWERS,
} from './test-support/knowledge-bank';

// Knowledge checks over real sockets: a clerk takes a quiz, fails, is kept off a counter of
// that service, the duty leader sees the list; a pass (or the leader's override) lets them in.

const { clock, hallAt, staffOn } = clockedDemoHalls('2025-03-03T09:00:00+08:00');
const code = (a: Ack<unknown>) => (a.ok ? 'ok' : a.code);

async function setUp(blocks = true) {
  const hall = await hallAt();
  const url = hall.server.url;
  const admin = (await staffOn(url, 'demo-backoffice', '9000')).socket;
  await billingQuiz(admin, blocks);
  const clerk = await staffOn(url, 'demo-desk-1', '1001');
  const leader = (await staffOn(url, 'demo-console', '8001')).socket;
  return { hall, admin, clerk: clerk.socket, clerkId: clerk.staffId, leader };
}

describe('a quiz at the desk', () => {
  it('is asked without answers, scored at once, and explained after', async () => {
    const { admin, clerk, clerkId } = await setUp();
    ok(await send(admin, 'admin:assign-quiz', { quizId: 'quiz-billing', staffIds: [clerkId] }));
    const mine = ok(await send(clerk, 'knowledge:my-quizzes', {}));
    expect(mine.due).toMatchObject([{ quizId: 'quiz-billing', reason: 'assigned' }]);

    const { attempt } = ok(
      await send(clerk, 'knowledge:start-attempt', { quizId: 'quiz-billing' }),
    );
    expect(attempt.questions).toHaveLength(3);
    const sent = JSON.stringify(attempt);
    for (const secret of ['correct', 'accepted', 'explanation', '千分之一', '95598 。'])
      expect(sent).not.toContain(secret);

    const { result } = ok(
      await send(clerk, 'knowledge:submit-attempt', {
        attemptId: attempt.attemptId,
        answers: RIGHT_ANSWERS,
      }),
    );
    expect(result).toMatchObject({ scorePct: 100, passed: true, retraining: false });
    expect(result.questions[2]).toMatchObject({
      right: true,
      accepted: ['千分之一', '1‰', '0.1%'],
    });
    expect(result.questions[0]!.explanation).toContain('95598');
    // Answered: the assignment is no longer due.
    expect(ok(await send(clerk, 'knowledge:my-quizzes', {})).due).toEqual([]);
  });

  it('below the pass mark: on the retraining list, off the service’s counters until a pass', async () => {
    const { clerk, leader } = await setUp();
    const first = ok(await send(clerk, 'knowledge:start-attempt', { quizId: 'quiz-billing' }));
    const failed = ok(
      await send(clerk, 'knowledge:submit-attempt', {
        attemptId: first.attempt.attemptId,
        answers: WRONG_ANSWERS,
      }),
    );
    expect(failed.result).toMatchObject({ scorePct: 0, passed: false, retraining: true });

    const refused = await send(clerk, 'counter:sign-in', { counterId: 'ctr-1' });
    expect(refused).toMatchObject({ ok: false, code: 'retraining_required' });
    expect(!refused.ok && refused.message).toContain('Bill');
    // In the desk's language (zh): the service by both its names, no English label among them.
    expect(!refused.ok && refused.message).toBe(
      `${errorMessages.retraining_required.zh} 电费缴纳 / Bill payment`,
    );
    // A counter of other services only is open to them.
    expect(code(await send(clerk, 'counter:sign-in', { counterId: 'ctr-4' }))).toBe('ok');
    ok(await send(clerk, 'counter:sign-out', {}));

    const list = ok(await send(leader, 'console:retraining-list', {}));
    expect(list.rows).toMatchObject([
      { staffNo: '1001', serviceId: 'svc-billing', quizName: '电费业务知识', scorePct: 0 },
    ]);
    expect(ok(await send(clerk, 'knowledge:my-quizzes', {})).due).toMatchObject([
      { quizId: 'quiz-billing', reason: 'retraining' },
    ]);

    const again = ok(await send(clerk, 'knowledge:start-attempt', { quizId: 'quiz-billing' }));
    const passed = ok(
      await send(clerk, 'knowledge:submit-attempt', {
        attemptId: again.attempt.attemptId,
        answers: RIGHT_ANSWERS,
      }),
    );
    expect(passed.result).toMatchObject({ passed: true, retraining: false });
    expect(code(await send(clerk, 'counter:sign-in', { counterId: 'ctr-1' }))).toBe('ok');
    expect(ok(await send(leader, 'console:retraining-list', {})).rows).toEqual([]);
    const cleared = ok(await send(leader, 'console:retraining-list', { cleared: true })).rows;
    expect(cleared).toMatchObject([{ clearedHow: 'passed' }]);
  });

  it('the duty leader overrides with a reason, audited', async () => {
    const { hall, clerk, leader } = await setUp();
    const { attempt } = ok(
      await send(clerk, 'knowledge:start-attempt', { quizId: 'quiz-billing' }),
    );
    ok(
      await send(clerk, 'knowledge:submit-attempt', { attemptId: attempt.attemptId, answers: [] }),
    );
    const [row] = ok(await send(leader, 'console:retraining-list', {})).rows;
    ok(
      await send(leader, 'console:retraining-override', {
        retrainingId: row!.id,
        reason: '已现场培训',
      }),
    );
    expect(code(await send(clerk, 'counter:sign-in', { counterId: 'ctr-1' }))).toBe('ok');
    const audit = hall.server.hall.store.db
      .prepare<[], { reason: string }>(
        "SELECT reason FROM audit_log WHERE command = 'console:retraining-override'",
      )
      .all();
    expect(audit).toEqual([{ reason: '已现场培训' }]);
  });

  it('a hall that does not block keeps the list but lets the clerk work', async () => {
    const { clerk } = await setUp(false);
    const { attempt } = ok(
      await send(clerk, 'knowledge:start-attempt', { quizId: 'quiz-billing' }),
    );
    ok(
      await send(clerk, 'knowledge:submit-attempt', { attemptId: attempt.attemptId, answers: [] }),
    );
    expect(ok(await send(clerk, 'knowledge:my-quizzes', {}))).toMatchObject({
      blocksService: false,
      retraining: [{ serviceId: 'svc-billing' }],
    });
    expect(code(await send(clerk, 'counter:sign-in', { counterId: 'ctr-1' }))).toBe('ok');
  });
});

describe('a quiz left open', () => {
  const MIN = 60_000;

  it('timed: half an hour past its limit, the sweep scores it as it stands, lists the clerk and audits it', async () => {
    const { hall, admin, clerk, clerkId } = await setUp();
    ok(
      await send(admin, 'admin:save-quiz', {
        quiz: {
          id: 'quiz-timed',
          name: '电费限时测验',
          serviceId: 'svc-billing',
          questionIds: BILLING_QUESTIONS.map((q) => q.id),
          passPct: 80,
          timeLimitMin: 10,
        },
      }),
    );
    const { attempt } = ok(await send(clerk, 'knowledge:start-attempt', { quizId: 'quiz-timed' }));
    const server = hall.server;
    const k = server.hall.store.knowledge;
    // Past the limit and the grace: a late submission would still be scored (late); kept open.
    clock.now += 12 * MIN;
    expect(server.quizSweep.runOnce()).toBe(0);
    expect(k.openAttempts().map((a) => a.id)).toEqual([attempt.attemptId]);

    clock.now += 30 * MIN; // 32 minutes past the limit: left open, closed for the clerk
    expect(server.quizSweep.runOnce()).toBe(1);
    expect(k.openAttempts()).toEqual([]);
    expect(k.attemptById(attempt.attemptId)).toMatchObject({
      scorePct: 0,
      passed: false,
      late: true,
    });
    expect(k.openRetrainingOf(clerkId)).toMatchObject([
      { serviceId: 'svc-billing', quizId: 'quiz-timed' },
    ]);
    const audit = server.hall.store.db
      .prepare<[], { command: string; payload: string }>(
        "SELECT command, payload FROM audit_log WHERE command = 'system:quiz-attempt-closed'",
      )
      .all();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.payload).toContain(attempt.attemptId);
    // Submitting now is too late: the attempt is closed, and the refusal says how.
    const late = await send(clerk, 'knowledge:submit-attempt', {
      attemptId: attempt.attemptId,
      answers: RIGHT_ANSWERS,
    });
    expect(code(late)).toBe('attempt_closed');
    expect(!late.ok && late.message).toContain('超时未交');
    expect(server.quizSweep.runOnce()).toBe(0);
  });

  it('untimed: open until its business day ends, then scored as it stands', async () => {
    const { hall, clerk, clerkId } = await setUp();
    const { attempt } = ok(
      await send(clerk, 'knowledge:start-attempt', { quizId: 'quiz-billing' }),
    );
    const server = hall.server;
    const k = server.hall.store.knowledge;
    clock.now += 11 * 60 * MIN; // 20:00 the same day
    expect(server.quizSweep.runOnce()).toBe(0);
    clock.now += 13 * 60 * MIN; // 09:00 the next day
    expect(server.quizSweep.runOnce()).toBe(1);
    expect(k.attemptById(attempt.attemptId)).toMatchObject({ scorePct: 0, passed: false });
    expect(k.openRetrainingOf(clerkId)).toMatchObject([{ quizId: 'quiz-billing' }]);
  });
});

describe('the bank in XLSX', () => {
  it('exports and imports back the same questions', async () => {
    const { admin } = await setUp();
    const file = ok(await send(admin, 'admin:export-questions', {}));
    expect(file.fileName).toMatch(/^questions-all-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const before = ok(await send(admin, 'admin:list-questions', {})).questions;
    const imported = ok(
      await send(admin, 'admin:import-questions', { fileBase64: file.fileBase64 }),
    );
    expect(imported).toEqual({ created: 0, updated: 3 });
    const after = ok(await send(admin, 'admin:list-questions', {})).questions;
    const strip = (qs: typeof before) => qs.map(({ updatedAt: _, ...q }) => q);
    expect(strip(after)).toEqual(strip(before));
  });
});

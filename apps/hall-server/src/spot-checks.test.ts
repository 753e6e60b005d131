import { describe, expect, it } from 'vitest';
import { clockedDemoHalls } from './test-support/clocked-hall';
import { ok, send, type HallClient } from './test-support/hall-harness';

// Spot checks in the appraisal, black-box over real sockets: the report's clerk rows carry
// the checks and their mean, and a clerk's trend puts each measure in its month — the quiz
// average read from slice K's quiz_attempts (issue 19), the months without any left null.

const DAY = 86_400_000;
const { clock, hallAt, staffOn } = clockedDemoHalls('2025-03-12T09:00:00+08:00');

async function served(clerk: HallClient, guide: HallClient): Promise<string> {
  const { ticket } = ok(await send(guide, 'ticket:issue', { serviceId: 'svc-billing' }));
  ok(await send(clerk, 'ticket:call', { ticketId: ticket.id }));
  ok(await send(clerk, 'ticket:start', { ticketId: ticket.id }));
  ok(await send(clerk, 'ticket:finish', { ticketId: ticket.id, outcome: 'completed', items: [] }));
  return ticket.id;
}

const scores = (score: number) =>
  ['courtesy', 'accuracy', 'told-once', 'first-handler', 'time-limit'].map((itemId) => ({
    itemId,
    score,
  }));

describe('spot checks in the appraisal', () => {
  it('the report and the trend carry the checks, the quizzes and the visits by month', async () => {
    const hall = await hallAt();
    const url = hall.server.url;
    const clerk = (await staffOn(url, 'demo-desk-1', '1001', 'ctr-1')).socket;
    const guide = (await staffOn(url, 'demo-guide', '7001')).socket;
    const leader = (await staffOn(url, 'demo-console', '8001')).socket;
    const first = await served(clerk, guide);
    const second = await served(clerk, guide);
    ok(
      await send(leader, 'spot-check:save', {
        ticketId: first,
        scores: scores(15),
        comment: '规范',
      }),
    );
    // 15 × 5 = 75 of 100; 10 × 5 = 50.
    ok(
      await send(leader, 'spot-check:save', {
        ticketId: second,
        scores: scores(10),
        comment: '一般',
      }),
    );

    // Quizzes (slice K's tables): one finished in January, two this month, one unfinished.
    const db = hall.server.hall.store.db;
    db.prepare(
      `INSERT INTO quizzes (id, name, service_id, topic, question_ids, draw_count, pass_pct,
        time_limit_min, monthly, active, updated_at)
        VALUES ('quiz-1', '电费', 'svc-billing', NULL, '[]', 5, 80, NULL, 0, 1, ?)`,
    ).run(clock.now);
    const attempt = db.prepare(
      `INSERT INTO quiz_attempts (id, quiz_id, staff_id, started_at, finished_at, score_pct,
        passed, late, question_ids) VALUES (?, 'quiz-1', 'stf-clerk-1', ?, ?, ?, ?, 0, '[]')`,
    );
    attempt.run('att-jan', clock.now - 50 * DAY, clock.now - 50 * DAY, 60, 0);
    attempt.run('att-1', clock.now - DAY, clock.now - DAY, 90, 1);
    attempt.run('att-2', clock.now, clock.now, 70, 0);
    attempt.run('att-open', clock.now, null, null, null);

    const report = ok(await send(leader, 'report:get', { from: '2025-03-01', to: '2025-03-31' }));
    expect(report.clerks.find((c) => c.staffId === 'stf-clerk-1')).toMatchObject({
      served: 2,
      spotChecks: 2,
      spotCheckAvgPct: 62.5,
    });

    const trend = ok(
      await send(leader, 'report:clerk-trend', { staffId: 'stf-clerk-1', months: 3 }),
    );
    expect(trend).toMatchObject({ name: '李明', staffNo: '1001' });
    expect(trend.months.map((m) => m.month)).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(trend.months[0]).toEqual({
      month: '2025-01',
      served: 0,
      handledWithinTarget: null,
      rated: 0,
      satisfactionRate: null,
      quizAttempts: 1,
      quizAvgPct: 60,
      spotChecks: 0,
      spotCheckAvgPct: null,
    });
    expect(trend.months[1]).toMatchObject({ quizAttempts: 0, quizAvgPct: null, served: 0 });
    expect(trend.months[2]).toMatchObject({
      served: 2,
      handledWithinTarget: 1,
      quizAttempts: 2,
      quizAvgPct: 80,
      spotChecks: 2,
      spotCheckAvgPct: 62.5,
    });
  }, 60_000);
});

import { beforeAll, describe, expect, it } from 'vitest';
import { demoSeed } from './app/seed';
import { nextChange, ok, send, type HallClient } from './test-support/hall-harness';
import { servedVisit, suiteHall, type SignedInStaff } from './test-support/suite-hall';

// The evaluation pad over real sockets: the question after a finish, who may answer it and
// how often, 不满意 reaching the duty leader, and "not rated" after the time-out.

describe('rating a finished service on the counter’s pad', () => {
  const hall = suiteHall();
  let kiosk: HallClient;
  let clerk: SignedInStaff;
  let pad: HallClient;
  let otherPad: HallClient;
  let display: HallClient;
  let leader: HallClient;
  beforeAll(async () => {
    kiosk = await hall.device('demo-kiosk-1');
    pad = await hall.device('demo-pad-1');
    otherPad = await hall.device('demo-pad-2');
    display = await hall.device('demo-display-1');
    clerk = await hall.staffOn('demo-desk-1', '1001', 'ctr-1');
    leader = (await hall.staffOn('demo-console', '8001')).socket;
  });

  it('asks the pad after the finish, stores the answer once and broadcasts it', async () => {
    const asked = nextChange(pad, (c) => (c.records.evaluations?.length ?? 0) > 0);
    const displayed = nextChange(
      display,
      (c) => c.records.tickets?.some((t) => t.state === 'done') ?? false,
    );
    const ticket = await servedVisit(kiosk, clerk.socket, 'svc-billing');
    const question = (await asked).records.evaluations!;
    expect(question).toEqual([
      expect.objectContaining({
        ticketId: ticket.id,
        counterId: 'ctr-1',
        staffId: clerk.staffId,
        state: 'pending',
        score: null,
      }),
    ]);
    // Other customer-facing devices are not told about evaluations at all.
    expect((await displayed).records.evaluations).toBeUndefined();

    const heard = nextChange(
      leader,
      (c) =>
        c.records.evaluations?.some((e) => e.ticketId === ticket.id && e.state === 'rated') ??
        false,
    );
    const rated = ok(
      await send(pad, 'evaluation:submit', { ticketId: ticket.id, score: 'very_satisfied' }),
    );
    expect(rated.evaluation).toMatchObject({
      state: 'rated',
      score: 'very_satisfied',
      reasons: [],
    });
    expect((await heard).records.evaluations![0]).toMatchObject({ score: 'very_satisfied' });

    const again = await send(pad, 'evaluation:submit', {
      ticketId: ticket.id,
      score: 'dissatisfied',
    });
    expect(again).toMatchObject({ ok: false, code: 'evaluation_closed' });
    const snapshot = ok(await send(leader, 'hall:snapshot', {}));
    expect(snapshot.evaluations.find((e) => e.ticketId === ticket.id)).toMatchObject({
      state: 'rated',
      score: 'very_satisfied',
    });
  });

  it('takes the answer only from the pad of the counter that served, never from the clerk', async () => {
    const ticket = await servedVisit(kiosk, clerk.socket, 'svc-invoice');
    const byClerk = await send(clerk.socket, 'evaluation:submit', {
      ticketId: ticket.id,
      score: 'very_satisfied',
    });
    expect(byClerk).toMatchObject({ ok: false, code: 'forbidden' });
    const byOtherPad = await send(otherPad, 'evaluation:submit', {
      ticketId: ticket.id,
      score: 'satisfied',
    });
    expect(byOtherPad).toMatchObject({ ok: false, code: 'wrong_device' });
    // Each pad sees its own counter's questions only.
    expect(ok(await send(otherPad, 'hall:snapshot', {})).evaluations).toEqual([]);
    const mine = ok(await send(pad, 'hall:snapshot', {})).evaluations;
    expect(mine.find((e) => e.ticketId === ticket.id)).toMatchObject({ state: 'pending' });
    expect(mine.every((e) => e.counterId === 'ctr-1')).toBe(true);
    expect(ok(await send(display, 'hall:snapshot', {}))).toMatchObject({
      evaluations: [],
      alerts: [],
      cases: [],
      followUps: [],
    });
    ok(await send(pad, 'evaluation:submit', { ticketId: ticket.id, score: 'satisfied' }));
  });

  it('raises 不满意 to the duty leader: an alert and a follow-up closed with what was done', async () => {
    const ticket = await servedVisit(kiosk, clerk.socket, 'svc-billing');
    const raised = nextChange(leader, (c) => (c.records.alerts?.length ?? 0) > 0);
    const reasonsOnSatisfied = await send(pad, 'evaluation:submit', {
      ticketId: ticket.id,
      score: 'satisfied',
      reasons: ['waiting'],
    });
    expect(reasonsOnSatisfied).toMatchObject({ ok: false, code: 'invalid_payload' });
    ok(
      await send(pad, 'evaluation:submit', {
        ticketId: ticket.id,
        score: 'dissatisfied',
        reasons: ['waiting', 'attitude'],
      }),
    );
    const change = await raised;
    const alert = change.records.alerts![0]!;
    expect(alert).toMatchObject({
      kind: 'dissatisfied',
      ticketId: ticket.id,
      counterId: 'ctr-1',
      staffId: clerk.staffId,
      acknowledgedAt: null,
    });
    const opened = change.records.followUps![0]!;
    expect(opened).toMatchObject({
      source: 'dissatisfied',
      alertId: alert.id,
      assigneeStaffId: null,
    });

    const snapshot = ok(await send(leader, 'hall:snapshot', {}));
    expect(snapshot.alerts.map((a) => a.id)).toContain(alert.id);
    // The pad hears nothing of it.
    expect(ok(await send(pad, 'hall:snapshot', {})).alerts).toEqual([]);

    const acked = ok(
      await send(leader, 'alert:acknowledge', { alertId: alert.id, note: '已了解' }),
    );
    expect(acked.alert).toMatchObject({ acknowledgedBy: 'stf-leader', note: '已了解' });
    expect(await send(leader, 'alert:acknowledge', { alertId: alert.id })).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
    const told = nextChange(
      clerk.socket,
      (c) => c.records.followUps?.some((f) => f.id === opened.id) ?? false,
    );
    ok(
      await send(leader, 'follow-up:assign', {
        followUpId: opened.id,
        assigneeStaffId: clerk.staffId,
      }),
    );
    expect((await told).records.followUps![0]!.assigneeStaffId).toBe(clerk.staffId);
    const closed = ok(
      await send(clerk.socket, 'follow-up:close', {
        followUpId: opened.id,
        result: '已电话致歉并说明高峰原因',
      }),
    );
    expect(closed.followUp).toMatchObject({ state: 'closed', closedBy: clerk.staffId });
    const log = ok(await send(leader, 'console:shift-log', { since: 0 })).entries;
    expect(log.map((e) => e.command)).toEqual(
      expect.arrayContaining(['alert:acknowledge', 'follow-up:assign', 'follow-up:close']),
    );
  });
});

describe('no answer before the time-out', () => {
  let now = Date.UTC(2026, 10, 24, 2); // 10:00 in Shanghai
  const hall = suiteHall({ clock: () => now, seed: demoSeed(now) });

  it('records "not rated" on the timer and on the next command, never a default score', async () => {
    const kiosk = await hall.device('demo-kiosk-1');
    const pad = await hall.device('demo-pad-2');
    const clerk = await hall.staffOn('demo-desk-2', '1002', 'ctr-2');
    const asked = nextChange(pad, (c) => (c.records.evaluations?.length ?? 0) > 0);
    const first = await servedVisit(kiosk, clerk.socket, 'svc-fault');
    const { deadlineAt } = (await asked).records.evaluations![0]!;
    expect(deadlineAt).toBe(now + 30_000); // the demo hall's evaluationTimeoutSec

    // Nobody presses anything: the server's own timer closes the question.
    const closedByTimer = nextChange(
      pad,
      (c) =>
        c.records.evaluations?.some((e) => e.ticketId === first.id && e.state === 'not_rated') ??
        false,
    );
    now = deadlineAt + 1;
    const evaluation = (await closedByTimer).records.evaluations![0]!;
    expect(evaluation).toMatchObject({
      state: 'not_rated',
      score: null,
      answeredAt: deadlineAt + 1,
    });
    expect(
      await send(pad, 'evaluation:submit', { ticketId: first.id, score: 'satisfied' }),
    ).toMatchObject({
      ok: false,
      code: 'evaluation_closed',
    });

    // A late answer arriving before the timer ticks meets a question already closed.
    const second = await servedVisit(kiosk, clerk.socket, 'svc-fault');
    now += 31_000;
    expect(
      await send(pad, 'evaluation:submit', { ticketId: second.id, score: 'satisfied' }),
    ).toMatchObject({
      ok: false,
      code: 'evaluation_closed',
    });
    const snapshot = ok(await send(clerk.socket, 'hall:snapshot', {}));
    expect(snapshot.evaluations.map((e) => [e.ticketId, e.state, e.score])).toEqual([
      [first.id, 'not_rated', null],
      [second.id, 'not_rated', null],
    ]);
    // Audited, but routine: the duty leader's shift log leaves time-outs out.
    const audited = hall.server.hall.store.log.auditSince(0, 1000);
    expect(audited.filter((e) => e.command === 'system:evaluation-timeout')).toHaveLength(2);
    const leader = await hall.staffOn('demo-console', '8001');
    const log = ok(await send(leader.socket, 'console:shift-log', { since: 0 })).entries;
    expect(log.some((e) => e.command.includes('evaluation'))).toBe(false);
  });
});

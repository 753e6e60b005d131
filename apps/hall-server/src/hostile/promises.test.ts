import type { Case } from '@onestop/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { demoSeed } from '../app/seed';
import {
  clerkAtCounter,
  connectClient,
  ok,
  send,
  sendRaw,
  startTestHall,
  type HallClient,
  type TestHall,
} from '../test-support/hall-harness';

// Hostile: 承诺's re-set (promise:reset). Another clerk, a time in the past or earlier than the
// promise, a blank or huge reason, a closed item, 'notify' for a customer who cannot be
// notified, unknown ids and a replayed command: each refused with a clear code, nothing changed.

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 24, 1, 0); // 09:00 in Shanghai

let hall: TestHall;
let now: number;
const sockets: HallClient[] = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await hall?.close();
});

async function startHall(): Promise<void> {
  now = T0;
  hall = await startTestHall({ clock: () => now, seed: demoSeed(now) });
}

async function desk(n: number, staffNo = `100${n}`): Promise<HallClient> {
  const clerk = await clerkAtCounter(hall.server.url, {
    deviceToken: `demo-desk-${n}`,
    staffNo,
    pin: staffNo,
    counterId: `ctr-${n}`,
  });
  sockets.push(clerk.socket);
  return clerk.socket;
}

async function leader(): Promise<HallClient> {
  const socket = await connectClient(hall.server.url, { deviceToken: 'demo-console' });
  ok(await send(socket, 'staff:sign-in', { staffNo: '8001', pin: '8001' }));
  sockets.push(socket);
  return socket;
}

/** A case opened by the clerk on `clerk` from a visit with no phone (nobody to notify). */
async function openCase(clerk: HallClient, caseTypeId = 'ct-fault'): Promise<Case> {
  const kiosk = await connectClient(hall.server.url, { deviceToken: 'demo-kiosk-1' });
  sockets.push(kiosk);
  const { ticket } = ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' }));
  ok(await send(clerk, 'ticket:call', { ticketId: ticket.id }));
  ok(await send(clerk, 'ticket:start', { ticketId: ticket.id }));
  const opened = ok(
    await send(clerk, 'case:open', { ticketId: ticket.id, caseTypeId, summary: '表箱漏电' }),
  ).case;
  ok(await send(clerk, 'ticket:finish', { ticketId: ticket.id, outcome: 'completed' }));
  return opened;
}

const reset = (c: Case, over: Record<string, unknown> = {}) => ({
  subject: { kind: 'case' as const, id: c.id },
  newDueAt: c.dueAt + 24 * HOUR,
  reason: '配件缺货,改约明日',
  told: 'call_logged' as const,
  ...over,
});

async function caseNow(socket: HallClient, id: string): Promise<Case> {
  const snapshot = ok(await send(socket, 'hall:snapshot', {}));
  return snapshot.cases.find((c) => c.id === id)!;
}

describe('promise:reset, hostile', () => {
  it('refuses each bad re-set with a clear code and changes nothing', async () => {
    await startHall();
    const owner = await desk(1);
    const other = await desk(2);
    const c = await openCase(owner);
    expect(c.promisedAt).toBe(c.dueAt);

    const refusals: [HallClient, unknown, string][] = [
      [other, reset(c), 'not_yours'],
      [owner, reset(c, { newDueAt: now - HOUR }), 'invalid_payload'],
      [owner, reset(c, { newDueAt: c.dueAt - HOUR }), 'invalid_payload'],
      [owner, reset(c, { newDueAt: c.dueAt }), 'invalid_payload'],
      [owner, reset(c, { newDueAt: now + 400 * 24 * HOUR }), 'invalid_payload'],
      [owner, reset(c, { reason: '' }), 'invalid_payload'],
      [owner, reset(c, { reason: '   ' }), 'invalid_payload'],
      [owner, reset(c, { reason: '长'.repeat(5000) }), 'invalid_payload'],
      [owner, reset(c, { told: 'sms' }), 'invalid_payload'],
      [owner, reset(c, { told: 'notify' }), 'promise_not_told'],
      [owner, reset(c, { subject: { kind: 'case', id: 'no-such-case' } }), 'not_found'],
      [owner, reset(c, { subject: { kind: 'task', id: c.id } }), 'not_found'],
      [owner, reset(c, { subject: { kind: 'ticket', id: c.id } }), 'invalid_payload'],
      [owner, reset(c, { newDueAt: 'tomorrow' }), 'invalid_payload'],
    ];
    for (const [socket, payload, code] of refusals) {
      const ack = await sendRaw(socket, 'promise:reset', {
        commandId: `cmd-${Math.random().toString(36).slice(2)}`,
        ...(payload as object),
      });
      expect(ack, JSON.stringify(payload).slice(0, 120)).toMatchObject({ ok: false, code });
    }
    const after = await caseNow(owner, c.id);
    expect(after).toMatchObject({ dueAt: c.dueAt, promisedAt: c.promisedAt, promiseChanges: [] });
  }, 30_000);

  it('the owner re-sets with a logged call; a replay changes nothing more; the leader may too', async () => {
    await startHall();
    const owner = await desk(1);
    const c = await openCase(owner);
    const payload = { ...reset(c), commandId: 'promise-reset-replay-1' };
    const first = ok(await send(owner, 'promise:reset', payload));
    expect(first.case).toMatchObject({ dueAt: c.dueAt + 24 * HOUR, promisedAt: c.promisedAt });
    expect(first.change).toMatchObject({
      by: 'stf-clerk-1',
      fromDueAt: c.dueAt,
      toDueAt: c.dueAt + 24 * HOUR,
      told: 'call_logged',
      notificationId: null,
    });
    const again = ok(await send(owner, 'promise:reset', payload));
    expect(again).toEqual(first);
    expect((await caseNow(owner, c.id)).promiseChanges).toHaveLength(1);

    // The same time again is no longer later than the promise.
    expect(await send(owner, 'promise:reset', reset(c))).toMatchObject({
      ok: false,
      code: 'invalid_payload',
    });
    const duty = await leader();
    const byLeader = ok(
      await send(duty, 'promise:reset', reset(c, { newDueAt: c.dueAt + 48 * HOUR })),
    );
    expect(byLeader.case?.promiseChanges.map((x) => x.by)).toEqual(['stf-clerk-1', 'stf-leader']);
  }, 30_000);

  it('refuses a closed case', async () => {
    await startHall();
    const owner = await desk(1);
    const c = await openCase(owner);
    ok(
      await send(owner, 'case:close', {
        caseId: c.id,
        outcome: 'withdrawn',
        result: '客户撤回申请',
      }),
    );
    expect(await send(owner, 'promise:reset', reset(c))).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
  }, 30_000);

  it('a support task takes the hall’s task promise, warns at the share and is re-set by its owner only', async () => {
    await startHall();
    const owner = await desk(1);
    const other = await desk(2);
    const { task } = ok(await send(owner, 'task:create', { text: '请核实户号 3100000003 的欠费' }));
    // 1 business day; the demo hall keeps no opening hours, so: the end of the next day.
    expect(task.dueAt).toBeGreaterThan(now + 24 * HOUR);
    expect(task.promisedAt).toBe(task.dueAt);
    const subject = { kind: 'task' as const, id: task.id };
    const body = {
      subject,
      newDueAt: task.dueAt + HOUR,
      reason: '后台人手不足',
      told: 'call_logged' as const,
    };
    expect(await send(other, 'promise:reset', body)).toMatchObject({
      ok: false,
      code: 'not_yours',
    });
    const done = ok(await send(owner, 'promise:reset', body));
    expect(done.task).toMatchObject({ dueAt: task.dueAt + HOUR, promisedAt: task.dueAt });

    now = task.dueAt - 5 * 60_000;
    hall.server.alerts.runOnce();
    const duty = await leader();
    const alerts = ok(await send(duty, 'hall:snapshot', {})).alerts.filter(
      (a) => a.subjectId === task.id,
    );
    expect(alerts.map((a) => a.kind)).toEqual(['task_due_soon']);
  }, 30_000);

  it('the report and the appraisal count a change told in time as kept, a silent miss as broken', async () => {
    await startHall();
    const owner = await desk(1);
    const told = await openCase(owner);
    const silent = await openCase(owner);
    ok(await send(owner, 'promise:reset', reset(told)));
    now = told.dueAt + HOUR; // past the first promise, within the new one
    const closer = await connectClient(hall.server.url, { deviceToken: 'demo-desk-1' });
    sockets.push(closer);
    ok(await send(closer, 'staff:sign-in', { staffNo: '1001', pin: '1001' }));
    for (let i = 1; i < told.steps.length; i++) {
      ok(await send(closer, 'case:advance', { caseId: told.id }));
    }
    ok(
      await send(closer, 'case:close', { caseId: told.id, outcome: 'completed', result: '已修复' }),
    );
    const duty = await leader();
    const day = ok(await send(duty, 'hall:snapshot', {})).businessDay;
    const from = new Date(T0 + 8 * HOUR).toISOString().slice(0, 10);
    const report = ok(await send(duty, 'report:get', { from, to: day }));
    expect(silent.dueAt).toBeLessThan(now);
    expect(report.promises).toMatchObject({ kept: 0, keptAfterChange: 1, brokenUntold: 1 });
    const clerk = report.clerks.find((c) => c.staffId === 'stf-clerk-1');
    expect(clerk).toMatchObject({ promisesKeptAfterChange: 1, promisesBrokenUntold: 1 });
  }, 30_000);

  it('with the customer’s consent, notify queues a promise_changed text and records its id', async () => {
    await startHall();
    const owner = await desk(1);
    ok(await send(owner, 'notification:consent', { phone: '13900000077', given: true }));
    const kiosk = await connectClient(hall.server.url, { deviceToken: 'demo-kiosk-1' });
    sockets.push(kiosk);
    const { ticket } = ok(
      await send(kiosk, 'ticket:issue', {
        serviceId: 'svc-billing',
        customer: { phone: '13900000077', accountNo: null, name: null },
      }),
    );
    ok(await send(owner, 'ticket:call', { ticketId: ticket.id }));
    ok(await send(owner, 'ticket:start', { ticketId: ticket.id }));
    const { case: c } = ok(
      await send(owner, 'case:open', {
        ticketId: ticket.id,
        caseTypeId: 'ct-fault',
        summary: '停电',
      }),
    );
    const done = ok(await send(owner, 'promise:reset', reset(c, { told: 'notify' })));
    expect(done.change).toMatchObject({ told: 'notified', notificationId: expect.any(String) });
    const sent = hall.server.hall.store.notifications.byId(done.change.notificationId!);
    expect(sent).toMatchObject({
      purpose: 'promise_changed',
      subjectKind: 'case',
      subjectId: c.id,
    });
    expect(sent?.text).toContain(c.number);
    expect(sent?.text).toContain('配件缺货');
  }, 30_000);
});

describe('case:receipt: the slip printed again', () => {
  it('gives the owner and the duty leader the status token of the case’s visit, nobody else', async () => {
    await startHall();
    const owner = await desk(1);
    const c = await openCase(owner);
    const mine = ok(await send(owner, 'case:receipt', { caseId: c.id }));
    expect(mine.statusToken).toMatch(/\S/);
    expect(ok(await send(await leader(), 'case:receipt', { caseId: c.id })).statusToken).toBe(
      mine.statusToken,
    );
    const other = await desk(2);
    expect(await send(other, 'case:receipt', { caseId: c.id })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await send(owner, 'case:receipt', { caseId: 'no-such-case' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await sendRaw(owner, 'case:receipt', { caseId: c.id, ticketId: 'x' })).toMatchObject({
      ok: false,
      code: 'invalid_payload',
    });
    const kiosk = await connectClient(hall.server.url, { deviceToken: 'demo-kiosk-1' });
    sockets.push(kiosk);
    expect(await send(kiosk, 'case:receipt', { caseId: c.id })).toMatchObject({ ok: false });
  });
});

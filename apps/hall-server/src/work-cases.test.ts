import { beforeAll, describe, expect, it } from 'vitest';
import { demoSeed } from './app/seed';
import { clerkAtCounter, nextChange, ok, send, type HallClient } from './test-support/hall-harness';
import { suiteHall } from './test-support/suite-hall';

// First-handler responsibilities over real sockets: cases, support tasks to the back office,
// the customer's one-stop context, and a shift handover before signing off.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let now = Date.UTC(2026, 10, 24, 1); // 09:00 in Shanghai
const hall = suiteHall({ clock: () => now, seed: demoSeed(now) });
let kiosk: HallClient;
let leader: HallClient;
beforeAll(async () => {
  kiosk = await hall.device('demo-kiosk-1');
  leader = (await hall.staffOn('demo-console', '8001')).socket;
});

const clerkAt = (n: number) =>
  clerkAtCounter(hall.server.url, {
    deviceToken: `demo-desk-${n}`,
    staffNo: `100${n}`,
    pin: `100${n}`,
    counterId: `ctr-${n}`,
  });

describe('a case from a visit (业扩报装)', () => {
  it('opens with the type’s steps and due date, advances step by step, closes with a result', async () => {
    const clerk = await clerkAt(3);
    const walkIn = ok(
      await send(clerk.socket, 'ticket:walk-in', {
        serviceId: 'svc-connection',
        customer: { phone: '13900000003', accountNo: null, name: '孙女士' },
      }),
    ).ticket;
    const snapshot = ok(await send(clerk.socket, 'hall:snapshot', {}));
    const type = snapshot.caseTypes.find((t) => t.id === 'ct-connection')!;
    expect(type).toMatchObject({ nameZh: '业扩报装', limitDays: 15 });
    expect(type.steps.map((s) => s.nameZh)).toEqual([
      '受理',
      '勘查/方案答复',
      '收费',
      '施工',
      '竣工验收',
      '装表接电',
    ]);

    const seen = nextChange(leader, (c) => (c.records.cases?.length ?? 0) > 0);
    const opened = ok(
      await send(clerk.socket, 'case:open', {
        ticketId: walkIn.id,
        caseTypeId: 'ct-connection',
        summary: '居民新装 8kW',
        customer: { phone: null, accountNo: '3100000003', name: null },
      }),
    ).case;
    expect(opened).toMatchObject({
      number: '20261124-001',
      ownerStaffId: clerk.staffId,
      state: 'open',
      customer: { phone: '13900000003', accountNo: '3100000003', name: '孙女士' },
    });
    expect(opened.dueAt).toBe(Date.UTC(2026, 11, 9, 16) - 1); // 15 days on, at the local day's close
    expect(opened.steps[0]).toMatchObject({ doneAt: now, doneBy: clerk.staffId });
    expect((await seen).records.cases![0]!.id).toBe(opened.id);
    ok(
      await send(clerk.socket, 'ticket:finish', {
        ticketId: walkIn.id,
        outcome: 'case_opened',
        items: ['业扩报装受理'],
      }),
    );

    const other = await clerkAt(4);
    expect(await send(other.socket, 'case:advance', { caseId: opened.id })).toMatchObject({
      ok: false,
      code: 'not_yours',
    });
    expect(
      await send(clerk.socket, 'case:close', {
        caseId: opened.id,
        outcome: 'completed',
        result: '已送电',
      }),
    ).toMatchObject({ ok: false, code: 'case_steps_pending' });

    let c = opened;
    for (let step = 1; step < opened.steps.length; step++) {
      now += DAY; // the steps happen over days; the case stays open across the rollover
      // …and the clerk and the duty leader sign in each morning (a session lasts a shift).
      ok(await send(clerk.socket, 'staff:sign-in', { staffNo: '1003', pin: '1003' }));
      ok(await send(leader, 'staff:sign-in', { staffNo: '8001', pin: '8001' }));
      c = ok(await send(clerk.socket, 'case:advance', { caseId: c.id, note: `第${step}步` })).case;
      expect(c.steps[step]).toMatchObject({ doneAt: now, doneBy: clerk.staffId });
    }
    const afterDays = ok(await send(clerk.socket, 'hall:snapshot', {}));
    expect(afterDays.businessDay).toBe('2026-11-29');
    expect(afterDays.cases.find((x) => x.id === c.id)?.state).toBe('open');
    const closed = ok(
      await send(clerk.socket, 'case:close', {
        caseId: c.id,
        outcome: 'completed',
        result: '已装表送电,客户确认',
      }),
    ).case;
    expect(closed).toMatchObject({ state: 'closed', outcome: 'completed', closedAt: now });
    clerk.socket.disconnect();
    other.socket.disconnect();
  });
});

describe('a support task to the back office', () => {
  it('is accepted and answered there; the owner sees the answer at once', async () => {
    const clerk = await clerkAt(5);
    const back = (await hall.staffOn('demo-backoffice', '6001')).socket;
    const incoming = nextChange(back, (c) => (c.records.tasks?.length ?? 0) > 0);
    const task = ok(
      await send(clerk.socket, 'task:create', {
        text: '请核实户号3100000003欠费',
        dueAt: now + HOUR,
      }),
    ).task;
    expect(task).toMatchObject({ state: 'open', ownerStaffId: clerk.staffId });
    expect((await incoming).records.tasks![0]!.id).toBe(task.id);
    expect(await send(clerk.socket, 'task:accept', { taskId: task.id })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });

    ok(await send(back, 'task:accept', { taskId: task.id }));
    const answered = nextChange(
      clerk.socket,
      (c) => c.records.tasks?.some((t) => t.id === task.id && t.state === 'done') ?? false,
    );
    ok(await send(back, 'task:complete', { taskId: task.id, result: '已核实,无欠费' }));
    expect((await answered).records.tasks![0]).toMatchObject({
      ownerStaffId: clerk.staffId,
      assigneeStaffId: 'stf-back',
      result: '已核实,无欠费',
    });
    back.disconnect();
    clerk.socket.disconnect();
  });
});

describe('the customer’s one-stop context', () => {
  it('shows the visit’s note and path, and the same customer’s earlier visits, cases and opinions', async () => {
    const clerk = await clerkAt(6);
    const customer = { phone: '13900000002', accountNo: '3100000002', name: '钱老先生' };
    const earlier = ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-account', customer }));
    for (const step of ['ticket:call', 'ticket:start'] as const) {
      ok(await send(clerk.socket, step, { ticketId: earlier.ticket.id }));
    }
    ok(
      await send(clerk.socket, 'ticket:finish', {
        ticketId: earlier.ticket.id,
        outcome: 'completed',
        items: [],
      }),
    );
    ok(
      await send(kiosk, 'opinion:submit', {
        category: 'suggestion',
        text: '希望增加老年人座椅',
        accountNo: customer.accountNo,
      }),
    );
    const guide = (await hall.staffOn('demo-guide', '7001')).socket;
    const today = ok(
      await send(guide, 'ticket:issue', {
        serviceId: 'svc-account',
        customer: { phone: null, accountNo: customer.accountNo, name: null },
        note: '客户带了房产证复印件',
      }),
    );
    ok(await send(clerk.socket, 'ticket:call', { ticketId: today.ticket.id }));
    ok(await send(clerk.socket, 'ticket:start', { ticketId: today.ticket.id }));

    const context = ok(await send(clerk.socket, 'customer:context', { ticketId: today.ticket.id }));
    expect(context.ticket?.note).toBe('客户带了房产证复印件');
    expect(context.path.map((p) => p.toState)).toEqual(['waiting', 'called', 'serving']);
    expect(context.path[2]).toMatchObject({ counterId: 'ctr-6', staffId: clerk.staffId });
    expect(context.visits.map((v) => v.id)).toEqual([earlier.ticket.id]);
    expect(context.opinions.map((o) => o.text)).toEqual(['希望增加老年人座椅']);
    expect(context.customer.accountNo).toBe(customer.accountNo);

    // By phone alone, from any desk that serves customers.
    const byPhone = ok(await send(clerk.socket, 'customer:context', { phone: customer.phone }));
    expect(byPhone.visits.map((v) => v.id)).toEqual([earlier.ticket.id]);
    expect(ok(await send(guide, 'ticket:path', { ticketId: earlier.ticket.id })).path).toHaveLength(
      4,
    );
    expect(await send(kiosk, 'customer:context', { phone: customer.phone })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    ok(
      await send(clerk.socket, 'ticket:finish', {
        ticketId: today.ticket.id,
        outcome: 'completed',
        items: [],
      }),
    );
    guide.disconnect();
    clerk.socket.disconnect();
  });
});

describe('signing off with open items', () => {
  it('is refused until a handover to a named colleague is acknowledged; then the items are theirs', async () => {
    const giver = await clerkAt(1);
    const walkIn = ok(
      await send(giver.socket, 'ticket:walk-in', { serviceId: 'svc-billing' }),
    ).ticket;
    const c = ok(
      await send(giver.socket, 'case:open', {
        ticketId: walkIn.id,
        caseTypeId: 'ct-fault',
        summary: '楼道灯频繁跳闸',
      }),
    ).case;
    ok(
      await send(giver.socket, 'ticket:finish', {
        ticketId: walkIn.id,
        outcome: 'case_opened',
        items: [],
      }),
    );
    const parked = ok(
      await send(giver.socket, 'ticket:walk-in', { serviceId: 'svc-billing' }),
    ).ticket;
    ok(await send(giver.socket, 'ticket:park', { ticketId: parked.id, reason: '客户回家取证件' }));
    expect(await send(giver.socket, 'counter:sign-out', {})).toMatchObject({
      ok: false,
      code: 'open_items',
    });
    // The fault case is due in two days: the giver could keep it (it is not named), but hands
    // it over too.
    const refused = await send(giver.socket, 'staff:sign-out', {});
    expect(refused).toMatchObject({ ok: false, code: 'open_items' });
    expect(refused.ok ? '' : refused.message).not.toContain(c.number);

    const receiver = await clerkAt(2);
    const offered = nextChange(receiver.socket, (r) => (r.records.handovers?.length ?? 0) > 0);
    const handover = ok(
      await send(giver.socket, 'handover:create', {
        toStaffId: receiver.staffId,
        note: '跳闸工单待派单;B号客户取证件后回来',
        includeKept: true,
      }),
    ).handover;
    expect(handover.items.map((i) => [i.kind, i.id])).toEqual([
      ['ticket', parked.id],
      ['case', c.id],
    ]);
    expect((await offered).records.handovers![0]).toMatchObject({ state: 'pending' });
    // Nothing moves until the receiver acknowledges.
    expect(await send(giver.socket, 'staff:sign-out', {})).toMatchObject({
      ok: false,
      code: 'open_items',
    });
    expect(
      await send(giver.socket, 'handover:acknowledge', { handoverId: handover.id }),
    ).toMatchObject({
      ok: false,
      code: 'not_yours',
    });

    const acked = ok(
      await send(receiver.socket, 'handover:acknowledge', { handoverId: handover.id }),
    );
    expect(acked.handover).toMatchObject({ state: 'acknowledged', closedBy: receiver.staffId });
    ok(await send(giver.socket, 'staff:sign-out', {}));

    const snapshot = ok(await send(receiver.socket, 'hall:snapshot', {}));
    expect(snapshot.cases.find((x) => x.id === c.id)?.ownerStaffId).toBe(receiver.staffId);
    const moved = snapshot.tickets.find((t) => t.id === parked.id)!;
    expect(moved).toMatchObject({ servingStaffId: receiver.staffId, ownerStaffId: giver.staffId });
    ok(await send(receiver.socket, 'ticket:resume', { ticketId: parked.id }));
    ok(await send(receiver.socket, 'case:advance', { caseId: c.id }));

    const listed = ok(
      await send(leader, 'handover:list', {
        from: '2026-11-01',
        to: '2026-12-31',
        staffId: giver.staffId,
      }),
    );
    expect(listed.handovers.map((h) => h.id)).toEqual([handover.id]);
    giver.socket.disconnect();
    receiver.socket.disconnect();
  });
});

describe('leaving the counter', () => {
  it('lets a clerk who owns an open case leave the counter and take another; the case stays theirs', async () => {
    const clerk = await clerkAt(1);
    const walkIn = ok(
      await send(clerk.socket, 'ticket:walk-in', { serviceId: 'svc-billing' }),
    ).ticket;
    const c = ok(
      await send(clerk.socket, 'case:open', {
        ticketId: walkIn.id,
        caseTypeId: 'ct-fault',
        summary: '表箱锈蚀需更换',
      }),
    ).case;
    ok(
      await send(clerk.socket, 'ticket:finish', {
        ticketId: walkIn.id,
        outcome: 'case_opened',
        items: [],
      }),
    );
    ok(await send(clerk.socket, 'counter:sign-out', {}));
    ok(await send(clerk.socket, 'counter:sign-in', { counterId: 'ctr-1' }));
    const snapshot = ok(await send(clerk.socket, 'hall:snapshot', {}));
    expect(snapshot.cases.find((x) => x.id === c.id)?.ownerStaffId).toBe(clerk.staffId);
    // Due in two days, the case stays with its owner over a sign-off too (限时办结 is not at
    // risk while they are off); the duty leader sees it kept.
    ok(await send(clerk.socket, 'staff:sign-out', {}));
    const seen = ok(await send(leader, 'hall:snapshot', {}));
    expect(seen.cases.find((x) => x.id === c.id)).toMatchObject({
      ownerStaffId: clerk.staffId,
      state: 'open',
    });
    clerk.socket.disconnect();
  });
});

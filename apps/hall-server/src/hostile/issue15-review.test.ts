import type { Ack } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { callOrderBuilds } from '../app/call-order';
import { ok, send, type HallClient, type TestHall } from '../test-support/hall-harness';
import { clockedDemoHalls } from '../test-support/clocked-hall';

// Hostile, from the review of what issue 15 added (call order, step-in, the duty leader's
// sign-off and handover, contact reveal, the case warning), as a LAN attacker with a copied
// desk or kiosk token, a clerk overstepping their role, and a hall user.

const MIN = 60_000;
const { clock, hallAt, device, staffOn } = clockedDemoHalls('2025-03-03T09:00:00+08:00');

const code = (a: Ack<unknown>) => (a.ok ? 'ok' : a.code);
const PHONE = '13912345678';

/** A visit served to the end by the clerk at counter 1, with the customer's phone. */
async function servedVisit(hall: TestHall, clerk: HallClient): Promise<string> {
  const guide = await device(hall.server.url, 'demo-guide');
  ok(await send(guide, 'staff:sign-in', { staffNo: '7001', pin: '7001' }));
  const { ticket } = ok(
    await send(guide, 'ticket:issue', {
      serviceId: 'svc-billing',
      customer: { phone: PHONE, accountNo: null, name: null },
    }),
  );
  ok(await send(clerk, 'ticket:call', { ticketId: ticket.id }));
  ok(await send(clerk, 'ticket:start', { ticketId: ticket.id }));
  ok(await send(clerk, 'ticket:finish', { ticketId: ticket.id, outcome: 'completed', items: [] }));
  return ticket.id;
}

describe('the shift log cannot be buried', () => {
  it('shows a reveal made after a busy day of ordinary commands (2,000+ audit rows)', async () => {
    const hall = await hallAt();
    const url = hall.server.url;
    const clerk = await staffOn(url, 'demo-desk-1', '1001', 'ctr-1');
    const ticketId = await servedVisit(hall, clerk.socket);
    // A busy morning: every call, start and finish of the hall is audited (or a hostile paired
    // device's refusals are); none of it belongs in the shift log.
    const store = hall.server.hall.store;
    const insert = store.db.transaction(() => {
      for (let i = 0; i < 2500; i++)
        store.log.audit({
          at: clock.now,
          deviceId: 'dev-desk-2',
          staffId: null,
          command: 'ticket:call-next',
          commandId: `busy-${i}`,
          payload: '{}',
          result: i % 2 ? 'ok' : 'not_found',
          reason: null,
          seq: null,
        });
    });
    insert();
    clock.now += MIN;
    ok(
      await send(clerk.socket, 'customer:reveal-contact', {
        subject: 'ticket',
        id: ticketId,
        reason: '回访客户',
      }),
    );
    const leader = await staffOn(url, 'demo-console', '8001');
    const { entries } = ok(await send(leader.socket, 'console:shift-log', { since: 0 }));
    expect(entries.map((e) => e.command)).toContain('customer:reveal-contact');
  });
});

describe('step-in is in the shift log', () => {
  it('names who stepped in for whom, and the step out', async () => {
    const hall = await hallAt();
    const url = hall.server.url;
    const leader = await staffOn(url, 'demo-console', '8001');
    clock.now += MIN;
    const admin = await staffOn(url, 'demo-console', '9000');
    clock.now += MIN;
    ok(await send(admin.socket, 'staff:sign-out', {}));
    const { entries } = ok(await send(leader.socket, 'console:shift-log', { since: 0 }));
    const stepIn = entries.find((e) => e.command === 'staff:sign-in');
    expect(stepIn?.who?.name).toBe('系统管理员');
    expect(stepIn?.zh).toContain('王值班');
    expect(stepIn?.en).toContain('王值班');
    const stepOut = entries.find((e) => e.command === 'staff:sign-out');
    expect(stepOut?.who?.name).toBe('系统管理员');
    expect(stepOut?.zh).toContain('王值班');
    // An ordinary sign-in (a clerk at a counter) stays out of the shift log.
    await staffOn(url, 'demo-desk-2', '1002', 'ctr-2');
    const later = ok(await send(leader.socket, 'console:shift-log', { since: 0 }));
    expect(later.entries.filter((e) => e.command === 'staff:sign-in')).toHaveLength(1);
  });

  it('a second admin stepping in replaces the first, never a third session', async () => {
    const hall = await hallAt();
    const url = hall.server.url;
    await staffOn(url, 'demo-console', '8001');
    clock.now += MIN;
    await staffOn(url, 'demo-console', '9000');
    clock.now += MIN;
    ok(
      await send((await staffOn(url, 'demo-backoffice', '9000')).socket, 'admin:save-staff', {
        staff: { id: 'stf-admin-2', staffNo: '9002', name: '第二管理员', roles: ['admin'] },
        pin: '739258',
      }),
    );
    clock.now += MIN;
    const console2 = await device(url, 'demo-console');
    ok(await send(console2, 'staff:sign-in', { staffNo: '9002', pin: '739258' }));
    const onConsole = hall.server.hall.store.devices
      .openSessions()
      .filter((s) => s.deviceId === 'dev-console')
      .map((s) => s.staffId)
      .sort();
    expect(onConsole).toEqual(['stf-admin-2', 'stf-leader']);
  });
});

describe("a clerk's sign-off reason", () => {
  it('is refused from anyone but a duty leader, and writes nothing in the shift log', async () => {
    const hall = await hallAt();
    const url = hall.server.url;
    const clerk = await staffOn(url, 'demo-desk-1', '1001', 'ctr-1');
    const a = await send(clerk.socket, 'staff:sign-out', {
      reason: '值班台的回访留给下一位值班长',
    });
    expect(code(a)).toBe('invalid_payload');
    const leader = await staffOn(url, 'demo-console', '8001');
    const { entries } = ok(await send(leader.socket, 'console:shift-log', { since: 0 }));
    expect(entries.filter((e) => e.command === 'staff:sign-out')).toEqual([]);
    // Without the reason the clerk signs off as before.
    ok(await send(clerk.socket, 'staff:sign-out', {}));
  });

  it('does not let a clerk holding a case skip its handover', async () => {
    const hall = await hallAt();
    const url = hall.server.url;
    const clerk = await staffOn(url, 'demo-desk-1', '1001', 'ctr-1');
    const guide = await device(url, 'demo-guide');
    ok(await send(guide, 'staff:sign-in', { staffNo: '7001', pin: '7001' }));
    const { ticket } = ok(await send(guide, 'ticket:issue', { serviceId: 'svc-billing' }));
    ok(await send(clerk.socket, 'ticket:call', { ticketId: ticket.id }));
    ok(await send(clerk.socket, 'ticket:start', { ticketId: ticket.id }));
    ok(await send(clerk.socket, 'ticket:park', { ticketId: ticket.id, reason: '客户回去取资料' }));
    const a = await send(clerk.socket, 'staff:sign-out', { reason: '下班了' });
    expect(code(a)).not.toBe('ok');
  });
});

describe('handover of the duty desk', () => {
  it('takes no item list from the giver, and gives desk items to no clerk', async () => {
    const hall = await hallAt();
    const url = hall.server.url;
    const leader = await staffOn(url, 'demo-console', '8001');
    // Crafted items: the contract has no such field.
    const crafted = await send(leader.socket, 'handover:create', {
      toStaffId: 'stf-clerk-1',
      note: '交接',
      items: [{ kind: 'desk_follow_up', id: 'x', label: 'x', dueAt: null }],
    } as never);
    expect(code(crafted)).toBe('invalid_payload');
  });
});

describe('customer:reveal-contact', () => {
  it("is not replayed to another staff member on the same desk by the first one's command id", async () => {
    const hall = await hallAt();
    const url = hall.server.url;
    const owner = await staffOn(url, 'demo-desk-1', '1001', 'ctr-1');
    const ticketId = await servedVisit(hall, owner.socket);
    const payload = { subject: 'ticket' as const, id: ticketId, reason: '回访客户' };
    const first = ok(
      await send(owner.socket, 'customer:reveal-contact', { ...payload, commandId: 'reveal-0001' }),
    );
    expect(first.phone).toBe(PHONE);
    ok(await send(owner.socket, 'counter:sign-out', {}));
    ok(await send(owner.socket, 'staff:sign-out', {}));
    // Another clerk at the same desk sends the same command id (seen in the browser's storage,
    // the network log or over the shoulder).
    const other = await staffOn(url, 'demo-desk-1', '1002');
    const again = await send(other.socket, 'customer:reveal-contact', {
      ...payload,
      commandId: 'reveal-0001',
    });
    expect(code(again)).toBe('forbidden');
    expect(JSON.stringify(again)).not.toContain('5678');
  });

  it('is bounded per staff member: a duty leader cannot harvest every customer’s number', async () => {
    const hall = await hallAt();
    const url = hall.server.url;
    const leader = await staffOn(url, 'demo-console', '8001');
    const clerk = await staffOn(url, 'demo-desk-1', '1001', 'ctr-1');
    const ticketId = await servedVisit(hall, clerk.socket);
    const codes: string[] = [];
    for (let i = 0; i < 40; i++)
      codes.push(
        code(
          await send(leader.socket, 'customer:reveal-contact', {
            subject: 'ticket',
            id: ticketId,
            reason: '回访客户',
          }),
        ),
      );
    expect(codes.filter((c) => c === 'ok').length).toBeLessThanOrEqual(30);
    expect(codes.at(-1)).toBe('rate_limited');
    // The clerk's own budget is their own.
    ok(
      await send(clerk.socket, 'customer:reveal-contact', {
        subject: 'ticket',
        id: ticketId,
        reason: '回访客户',
      }),
    );
    // An hour later the leader may again (signed in anew: the first session went idle).
    clock.now += 61 * MIN;
    const back = await staffOn(url, 'demo-console', '8001');
    ok(
      await send(back.socket, 'customer:reveal-contact', {
        subject: 'ticket',
        id: ticketId,
        reason: '回访客户',
      }),
    );
  });
});

describe('console:call-order', () => {
  it('is refused to a clerk, a kiosk and a desk with no one signed in', async () => {
    const hall = await hallAt();
    const url = hall.server.url;
    const clerk = await staffOn(url, 'demo-desk-1', '1001', 'ctr-1');
    const kiosk = await device(url, 'demo-kiosk-1');
    const desk = await device(url, 'demo-desk-2');
    for (const s of [clerk.socket, kiosk, desk])
      expect(code(await send(s, 'console:call-order', {}))).not.toBe('ok');
  });

  it('is worked out once per change of the hall (and every few seconds), however often asked', async () => {
    const hall = await hallAt();
    const url = hall.server.url;
    const leader = await staffOn(url, 'demo-console', '8001');
    const kiosk = await device(url, 'demo-kiosk-1');
    ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' }));
    const store = hall.server.hall.store;
    const first = ok(await send(leader.socket, 'console:call-order', {}));
    const before = callOrderBuilds(store);
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => send(leader.socket, 'console:call-order', {})),
    );
    expect(callOrderBuilds(store)).toBe(before);
    for (const a of answers) expect(ok(a)).toEqual(first);
    // A change, or the clock moving on, works it out again.
    ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' }));
    const after = ok(await send(leader.socket, 'console:call-order', {}));
    expect(after.queues.find((q) => q.serviceId === 'svc-billing')!.tickets).toHaveLength(2);
    clock.now += 10_000;
    const later = ok(await send(leader.socket, 'console:call-order', {}));
    expect(later.at).toBe(clock.now);
    expect(callOrderBuilds(store)).toBe(before + 2);
  });
});

describe('the case warning setting', () => {
  it.each([
    [{ by: 'hours', hours: 0 }],
    [{ by: 'hours', hours: 721 }],
    [{ by: 'hours', hours: 1.5 }],
    [{ by: 'hours', hours: '24' }],
    [{ by: 'hours', hours: 1e308 }],
    [{ by: 'share', percent: 0 }],
    [{ by: 'share', percent: 91 }],
    [{ by: 'share', percent: 50, hours: 3 }],
    [{ by: 'days', days: 2 }],
    [null],
    ['24h'],
  ])('refuses %j', async (caseWarning) => {
    const hall = await hallAt();
    const admin = await staffOn(hall.server.url, 'demo-backoffice', '9000');
    const a = await send(admin.socket, 'admin:configure', {
      settings: { caseWarning },
    } as never);
    expect(code(a)).toBe('invalid_payload');
  });
});

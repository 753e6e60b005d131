import { describe, expect, it } from 'vitest';
import { ok, send } from './test-support/hall-harness';
import { demoStaffOn, suiteHall } from './test-support/suite-hall';

// VIP account managers over real sockets (docs/vip-account-managers.md): the guide desk's issue
// by account number is routed like the kiosk's, a counter the guide names wins, the admin sees
// how many VIPs each manager has, and the manager's list carries each VIP's open matters, what
// is due first on top.

const VIP = '3100000001';
const VIP2 = '3100000002';
const MANAGER = 'stf-clerk-3'; // 陈刚, 1003

const suite = suiteHall();

async function saveVip(
  accountNo: string,
  name: string,
  managerId: string | null,
  phone: string | null = null,
) {
  const admin = (await demoStaffOn(suite.server.url, 'demo-console', '9000')).socket;
  const saved = ok(
    await send(admin, 'admin:save-customer', {
      accountNo,
      name,
      phone,
      vip: true,
      accountManagerStaffId: managerId,
    }),
  );
  admin.disconnect();
  return saved;
}

describe('VIP account managers', () => {
  it('the admin names a manager; the list counts each manager’s VIPs', async () => {
    const saved = await saveVip(VIP, '上海某某制造有限公司', MANAGER, '13900000001');
    expect(saved.customer.accountManagerStaffId).toBe(MANAGER);
    await saveVip(VIP2, '钱老先生', MANAGER);
    const admin = (await demoStaffOn(suite.server.url, 'demo-console', '9000')).socket;
    const list = ok(await send(admin, 'admin:customers', { vipOnly: true }));
    expect(list.managers).toEqual([{ staffId: MANAGER, vips: 2 }]);
    expect(list.customers.find((c) => c.accountNo === VIP)?.accountManagerStaffId).toBe(MANAGER);
    admin.disconnect();
  });

  it('the guide desk issues by account number: routed to the manager; a counter the guide names wins', async () => {
    const manager = await demoStaffOn(suite.server.url, 'demo-desk-3', '1003', 'ctr-3');
    const guide = (await demoStaffOn(suite.server.url, 'demo-guide', '7001')).socket;
    const customer = { accountNo: VIP, phone: null, name: null };
    const routed = ok(await send(guide, 'ticket:issue', { serviceId: 'svc-fault', customer }));
    expect(routed.ticket).toMatchObject({ priority: 'vip', targetCounterId: 'ctr-3' });
    expect(routed.accountManager).toEqual({ name: '陈*', counterNumber: 3 });
    const named = ok(
      await send(guide, 'ticket:issue', {
        serviceId: 'svc-fault',
        customer,
        targetCounterId: 'ctr-2',
      }),
    );
    expect(named.ticket).toMatchObject({ priority: 'vip', targetCounterId: 'ctr-2' });
    expect(named.accountManager).toBeUndefined();
    // The green channel asked for: priority, no routing.
    const green = ok(
      await send(guide, 'ticket:issue', {
        serviceId: 'svc-fault',
        customer,
        priority: 'priority',
        priorityReason: 'elderly',
      }),
    );
    expect(green.ticket).toMatchObject({ priority: 'priority', targetCounterId: null });

    // The manager's list: today's open tickets of the VIP, a case opened for them, an opinion.
    const first = ok(await send(manager.socket, 'ticket:call-next', {})).ticket;
    expect(first.id).toBe(routed.ticket.id);
    ok(await send(manager.socket, 'ticket:start', { ticketId: first.id }));
    const opened = ok(
      await send(manager.socket, 'case:open', {
        ticketId: first.id,
        caseTypeId: 'ct-fault',
        summary: '厂区电压波动',
        customer: { accountNo: VIP, phone: null, name: '上海某某制造有限公司' },
      }),
    );
    ok(
      await send(guide, 'opinion:submit', {
        category: 'suggestion',
        text: '希望提前通知计划停电',
        accountNo: VIP,
      }),
    );
    const { vips } = ok(await send(manager.socket, 'customer:my-vips', {}));
    expect(vips.map((v) => v.customer.accountNo)).toEqual([VIP, VIP2]); // due first, then none
    const [mine] = vips;
    expect(mine!.customer.phone).toBe('139****0001'); // masked, as the customer list shows it
    expect(mine!.cases.map((c) => c.id)).toEqual([opened.case.id]);
    expect(mine!.nextDueAt).toBe(opened.case.dueAt);
    expect(mine!.tickets.map((t) => t.id).sort()).toEqual(
      [routed.ticket.id, named.ticket.id, green.ticket.id].sort(),
    );
    expect(mine!.opinions.map((o) => o.text)).toEqual(['希望提前通知计划停电']);
    expect(vips[1]).toMatchObject({ nextDueAt: null, cases: [], tickets: [] });
    guide.disconnect();
    manager.socket.disconnect();
  });

  it('clearing the manager takes the VIP off the manager’s list and stops the routing', async () => {
    await saveVip(VIP2, '钱老先生', null);
    const manager = await demoStaffOn(suite.server.url, 'demo-desk-3', '1003');
    const { vips } = ok(await send(manager.socket, 'customer:my-vips', {}));
    expect(vips.map((v) => v.customer.accountNo)).toEqual([VIP]);
    const guide = (await demoStaffOn(suite.server.url, 'demo-guide', '7001')).socket;
    const issued = ok(
      await send(guide, 'ticket:issue', {
        serviceId: 'svc-fault',
        customer: { accountNo: VIP2, phone: null, name: null },
      }),
    );
    expect(issued.ticket).toMatchObject({ priority: 'vip', targetCounterId: null });
    guide.disconnect();
    manager.socket.disconnect();
  });

  it('the appraisal counts each manager’s VIP visits served themself and by others', async () => {
    // The manager finishes the VIP at counter 3; counter 2 serves the ticket the guide sent there.
    const manager = await demoStaffOn(suite.server.url, 'demo-desk-3', '1003');
    const serving = suite.server.hall.store.tickets.activeAtCounter('ctr-3')[0]!;
    ok(
      await send(manager.socket, 'ticket:finish', { ticketId: serving.id, outcome: 'case_opened' }),
    );
    const other = await demoStaffOn(suite.server.url, 'demo-desk-2', '1002', 'ctr-2');
    const next = ok(await send(other.socket, 'ticket:call-next', {})).ticket;
    expect(next).toMatchObject({ targetCounterId: 'ctr-2', priority: 'vip' });
    ok(await send(other.socket, 'ticket:start', { ticketId: next.id }));
    ok(await send(other.socket, 'ticket:finish', { ticketId: next.id, outcome: 'completed' }));

    const leader = (await demoStaffOn(suite.server.url, 'demo-console', '8001')).socket;
    const day = suite.server.hall.store.hall.state().businessDay;
    const report = ok(await send(leader, 'report:get', { from: day, to: day }));
    const row = (staffId: string) => report.clerks.find((c) => c.staffId === staffId);
    expect(row(MANAGER)).toMatchObject({ vipServedOwn: 1, vipServedByOthers: 1 });
    expect(row('stf-clerk-2')?.vipServedOwn).toBeUndefined(); // manages no VIP
    for (const s of [leader, manager.socket, other.socket]) s.disconnect();
  });
});

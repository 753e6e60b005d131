import type { HallChange } from '@onestop/shared';
import { connect } from 'socket.io-client';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  commandId,
  connectClient,
  nextChange,
  ok,
  send,
  sendRaw,
  type HallClient,
} from '../test-support/hall-harness';
import { newAlert } from '../domain/alerts';
import { accept } from '../domain/result';
import { demoStaffOn, suiteHall } from '../test-support/suite-hall';

// VIP account managers (docs/vip-account-managers.md), attacked: a customer at the kiosk who is
// not a VIP (or is one) cannot steer a ticket to a counter or into VIP priority; a clerk sees
// only their own VIPs; a manager must be an active clerk; a VIP waiting for their manager's
// counter is never stranded when it stops calling; two VIPs of one manager both reach them.

const VIP = '3100000001'; // demo VIP
const VIP2 = '3100000002'; // demo VIP
const PLAIN = '3100000003'; // on the list, not a VIP
const MANAGER = 'stf-clerk-3'; // 陈刚, staff number 1003

/** Each describe block runs against its own demo hall (`inHall`). */
let suite: ReturnType<typeof suiteHall>;
function inHall(): void {
  const own = suiteHall();
  beforeAll(() => {
    suite = own;
  });
}

async function admin(): Promise<HallClient> {
  return (await demoStaffOn(suite.server.url, 'demo-console', '9000')).socket;
}

async function nameManager(accountNo: string, managerId: string | null, vip = true) {
  const a = await admin();
  const name =
    accountNo === VIP ? '上海某某制造有限公司' : accountNo === VIP2 ? '钱老先生' : '孙女士';
  const ack = await send(a, 'admin:save-customer', {
    accountNo,
    name,
    phone: null,
    vip,
    accountManagerStaffId: managerId,
  });
  a.disconnect();
  return ack;
}

async function kioskIssue(accountNo: string, serviceId = 'svc-billing') {
  const kiosk = await connectClient(suite.server.url, { deviceToken: 'demo-kiosk-1' });
  const ack = await send(kiosk, 'ticket:issue', {
    serviceId,
    customer: { accountNo, phone: null, name: null },
  });
  kiosk.disconnect();
  return ack;
}

/** A desk's workstation view (the page says `screen: counter`) for a signed-in clerk. */
async function deskView(deviceToken: string, sessionToken: string): Promise<HallClient> {
  const socket = connect(suite.server.url, {
    auth: { deviceToken, sessionToken, screen: 'counter' },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  }) as HallClient;
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

describe('naming an account manager (admin:save-customer)', () => {
  inHall();
  it.each([
    { name: 'an unknown staff id', id: 'stf-nobody' },
    { name: 'a guide (not clerk-capable)', id: 'stf-guide' },
    { name: 'the admin', id: 'stf-admin' },
  ])('refuses $name, and nothing changes', async ({ id }) => {
    const before = suite.server.hall.store.customers.byAccountNo(VIP);
    const ack = await nameManager(VIP, id);
    expect(ack).toMatchObject({ ok: false, code: 'manager_unfit' });
    expect(suite.server.hall.store.customers.byAccountNo(VIP)).toEqual(before);
  });

  it('refuses a manager for a customer who is not a VIP', async () => {
    expect(await nameManager(PLAIN, MANAGER, false)).toMatchObject({
      ok: false,
      code: 'manager_unfit',
    });
  });

  it('refuses a deactivated clerk', async () => {
    const a = await admin();
    ok(
      await send(a, 'admin:save-staff', {
        staff: {
          id: 'stf-gone',
          staffNo: '5901',
          name: '离职员工',
          roles: ['clerk'],
          active: false,
        },
        pin: '4826',
      }),
    );
    a.disconnect();
    expect(await nameManager(VIP, 'stf-gone')).toMatchObject({ ok: false, code: 'manager_unfit' });
  });

  it('only the admin names one', async () => {
    const leader = (await demoStaffOn(suite.server.url, 'demo-console', '8001')).socket;
    const ack = await send(leader, 'admin:save-customer', {
      accountNo: VIP,
      name: 'x',
      vip: true,
      accountManagerStaffId: 'stf-leader',
    });
    expect(ack).toMatchObject({ ok: false, code: 'forbidden' });
    leader.disconnect();
  });
});

describe('a kiosk cannot steer a ticket', () => {
  inHall();
  it.each([
    { name: 'VIP priority asked for', extra: { priority: 'vip' }, code: 'invalid_payload' },
    { name: 'a target counter', extra: { targetCounterId: 'ctr-3' }, code: 'forbidden' },
    {
      name: 'an account manager named',
      extra: { accountManagerStaffId: MANAGER },
      code: 'invalid_payload',
    },
    { name: 'a route named', extra: { route: 'manager_counter' }, code: 'invalid_payload' },
  ])('$name → $code', async ({ extra, code }) => {
    const kiosk = await connectClient(suite.server.url, { deviceToken: 'demo-kiosk-1' });
    const ack = await sendRaw(kiosk, 'ticket:issue', {
      commandId: commandId(),
      serviceId: 'svc-billing',
      customer: { accountNo: PLAIN, phone: null, name: null },
      ...extra,
    });
    expect(ack).toMatchObject({ ok: false, code });
    kiosk.disconnect();
  });

  it('a listed customer who is not a VIP, and an unknown account, get an ordinary ticket', async () => {
    for (const accountNo of [PLAIN, '3199999999']) {
      const issued = ok(await kioskIssue(accountNo));
      expect(issued.ticket).toMatchObject({ priority: 'normal', targetCounterId: null });
      expect(issued.accountManager).toBeUndefined();
    }
  });
});

describe('routing to the manager, and never stranded', () => {
  inHall();
  it('two VIPs of one manager wait for the manager; only that counter calls them, in turn', async () => {
    ok(await nameManager(VIP, MANAGER));
    ok(await nameManager(VIP2, MANAGER));
    const manager = await demoStaffOn(suite.server.url, 'demo-desk-3', '1003', 'ctr-3');
    const other = await demoStaffOn(suite.server.url, 'demo-desk-1', '1001', 'ctr-1');

    // Billing: a service counter 3 does not serve; the manager serves their VIPs whatever it is.
    const first = ok(await kioskIssue(VIP));
    const second = ok(await kioskIssue(VIP2));
    for (const issued of [first, second]) {
      expect(issued.ticket).toMatchObject({ priority: 'vip', targetCounterId: 'ctr-3' });
      expect(issued.accountManager).toEqual({ name: '陈*', counterNumber: 3 });
    }
    // The other counter serves billing, yet gets neither VIP.
    const plain = ok(await kioskIssue(PLAIN));
    const byOther = ok(await send(other.socket, 'ticket:call-next', {})).ticket;
    expect(byOther.id).toBe(plain.ticket.id);
    expect(await send(other.socket, 'ticket:call', { ticketId: first.ticket.id })).toMatchObject({
      ok: false,
    });

    const one = ok(await send(manager.socket, 'ticket:call-next', {})).ticket;
    expect(one.id).toBe(first.ticket.id);
    ok(await send(manager.socket, 'ticket:start', { ticketId: one.id }));
    ok(await send(manager.socket, 'ticket:finish', { ticketId: one.id, outcome: 'completed' }));
    const two = ok(await send(manager.socket, 'ticket:call-next', {})).ticket;
    expect(two.id).toBe(second.ticket.id);
    ok(await send(manager.socket, 'ticket:start', { ticketId: two.id }));
    ok(await send(manager.socket, 'ticket:finish', { ticketId: two.id, outcome: 'completed' }));

    // Both VIPs are on the manager's list; the other clerk has none.
    const mine = ok(await send(manager.socket, 'customer:my-vips', {})).vips;
    expect(mine.map((v) => v.customer.accountNo).sort()).toEqual([VIP, VIP2]);
    expect(ok(await send(other.socket, 'customer:my-vips', {})).vips).toEqual([]);
    ok(await send(other.socket, 'ticket:start', { ticketId: byOther.id }));
    ok(await send(other.socket, 'ticket:finish', { ticketId: byOther.id, outcome: 'completed' }));
    manager.socket.disconnect();
    other.socket.disconnect();
  });
});

describe.each([
  { step: 'pauses', act: (s: HallClient) => send(s, 'counter:pause', { reason: 'break' }) },
  { step: 'closes', act: (s: HallClient) => send(s, 'counter:close', {}) },
  { step: 'signs out', act: (s: HallClient) => send(s, 'counter:sign-out', {}) },
])('the manager’s counter $step while a VIP waits', ({ act }) => {
  inHall();
  it('the VIP goes back to the queue with VIP priority, its place kept', async () => {
    ok(await nameManager(VIP, MANAGER));
    const manager = await demoStaffOn(suite.server.url, 'demo-desk-3', '1003', 'ctr-3');
    const other = await demoStaffOn(suite.server.url, 'demo-desk-1', '1001', 'ctr-1');
    const plain = ok(await kioskIssue(PLAIN));
    const vip = ok(await kioskIssue(VIP));
    expect(vip.ticket.targetCounterId).toBe('ctr-3');

    ok(await act(manager.socket));
    const back = suite.server.hall.store.tickets.byId(vip.ticket.id);
    expect(back).toMatchObject({
      state: 'waiting',
      priority: 'vip',
      targetCounterId: null,
      queuedAt: vip.ticket.queuedAt,
    });
    // Ahead of the ordinary ticket issued before it.
    const called = ok(await send(other.socket, 'ticket:call-next', {})).ticket;
    expect(called.id).toBe(vip.ticket.id);
    ok(await send(other.socket, 'ticket:start', { ticketId: called.id }));
    ok(await send(other.socket, 'ticket:finish', { ticketId: called.id, outcome: 'completed' }));
    expect(ok(await send(other.socket, 'ticket:call-next', {})).ticket.id).toBe(plain.ticket.id);
    // The change that paused, closed or left the counter carried the released ticket.
    expect(suite.server.hall.store.tickets.path(vip.ticket.id).map((p) => p.reason)).toContain(
      'account_manager_away',
    );
    manager.socket.disconnect();
    other.socket.disconnect();
  });
});

describe('a transfer to the manager’s counter', () => {
  inHall();
  it('keeps its own rule (only VIP tickets held since issue go back)', async () => {
    const clerk = await demoStaffOn(suite.server.url, 'demo-desk-1', '1001', 'ctr-1');
    const manager = await demoStaffOn(suite.server.url, 'demo-desk-3', '1003', 'ctr-3');
    const plain = ok(await kioskIssue(PLAIN));
    ok(await send(clerk.socket, 'ticket:call', { ticketId: plain.ticket.id }));
    ok(await send(clerk.socket, 'ticket:start', { ticketId: plain.ticket.id }));
    ok(
      await send(clerk.socket, 'ticket:transfer', {
        ticketId: plain.ticket.id,
        to: { counterId: 'ctr-3' },
      }),
    );
    ok(await send(manager.socket, 'counter:pause', { reason: 'break' }));
    expect(suite.server.hall.store.tickets.byId(plain.ticket.id)?.targetCounterId).toBe('ctr-3');
    ok(await send(manager.socket, 'counter:open', {}));
    ok(await send(manager.socket, 'ticket:call', { ticketId: plain.ticket.id }));
    ok(await send(manager.socket, 'ticket:start', { ticketId: plain.ticket.id }));
    ok(
      await send(manager.socket, 'ticket:finish', {
        ticketId: plain.ticket.id,
        outcome: 'completed',
      }),
    );
    await send(manager.socket, 'counter:sign-out', {});
    manager.socket.disconnect();
    clerk.socket.disconnect();
  });
});

describe('the manager away: VIP priority, and the manager told on their own desk only', () => {
  inHall();
  it('raises vip_arrived addressed to the manager; their desk gets it, another desk does not', async () => {
    ok(await nameManager(VIP, MANAGER));
    const manager = await demoStaffOn(suite.server.url, 'demo-desk-3', '1003'); // no counter
    const other = await demoStaffOn(suite.server.url, 'demo-desk-1', '1001', 'ctr-1');
    const managerDesk = await deskView('demo-desk-3', manager.sessionToken);
    const otherDesk = await deskView('demo-desk-1', other.sessionToken);
    const otherSaw: HallChange[] = [];
    otherDesk.on('hall:changed', (c) => otherSaw.push(c));
    const told = nextChange(managerDesk, (c) => Boolean(c.records.alerts?.length));

    const issued = ok(await kioskIssue(VIP));
    expect(issued.ticket).toMatchObject({ priority: 'vip', targetCounterId: null });
    expect(issued.accountManager).toBeUndefined();
    const change = await told;
    expect(change.records.alerts).toEqual([
      expect.objectContaining({
        kind: 'vip_arrived',
        staffId: MANAGER,
        ticketId: issued.ticket.id,
      }),
    ]);
    // The ticket comes along so the notice can name it (the manager's desk serves no counter).
    expect(change.records.tickets?.map((t) => t.id)).toContain(issued.ticket.id);
    // The other desk serves billing: it gets the ticket, never the manager's alert.
    await new Promise((r) => setTimeout(r, 200));
    expect(otherSaw.flatMap((c) => c.records.alerts ?? [])).toEqual([]);

    for (const s of [manager.socket, other.socket, managerDesk, otherDesk]) s.disconnect();
  });

  it('the manager acknowledges their own VIP arrival, never another’s nor one about their work', async () => {
    ok(await nameManager(VIP2, 'stf-clerk-4'));
    const manager = await demoStaffOn(suite.server.url, 'demo-desk-5', '1004'); // no counter
    const other = await demoStaffOn(suite.server.url, 'demo-desk-6', '1005');
    const issued = ok(await kioskIssue(VIP2));
    const store = suite.server.hall.store;
    const arrival = store.alerts.current(0).find((a) => a.ticketId === issued.ticket.id)!;
    expect(arrival).toMatchObject({ kind: 'vip_arrived', staffId: 'stf-clerk-4' });

    // Another clerk: refused, nothing changed.
    expect(await send(other.socket, 'alert:acknowledge', { alertId: arrival.id })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(store.alerts.byId(arrival.id)?.acknowledgedAt).toBeNull();
    // An alert about the manager's own work (a 不满意 rating names them): refused too.
    const aboutThem = newAlert('alert-about-mgr', Date.now(), {
      kind: 'dissatisfied',
      staffId: 'stf-clerk-4',
    });
    suite.server.hall.runSystem('test-alert', (tx) => accept(tx.write.alert(aboutThem)));
    expect(
      await send(manager.socket, 'alert:acknowledge', { alertId: aboutThem.id }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect(store.alerts.byId(aboutThem.id)?.acknowledgedAt).toBeNull();
    const acked = ok(await send(manager.socket, 'alert:acknowledge', { alertId: arrival.id }));
    expect(acked.alert).toMatchObject({ acknowledgedBy: 'stf-clerk-4' });
    // The guide cannot acknowledge at all.
    const guide = await demoStaffOn(suite.server.url, 'demo-guide', '7001');
    expect(await send(guide.socket, 'alert:acknowledge', { alertId: arrival.id })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    for (const s of [manager.socket, other.socket, guide.socket]) s.disconnect();
  });

  it('a manager deactivated since: VIP priority, the alert goes to the console (nobody addressed)', async () => {
    // Another VIP: VIP's kiosk ticket above still waits (one open VIP ticket per account).
    const VIP4 = '3100000004';
    ok(await nameManager(VIP4, 'stf-clerk-6'));
    const a = await admin();
    ok(
      await send(a, 'admin:save-staff', {
        staff: {
          id: 'stf-clerk-6',
          staffNo: '1006',
          name: '吴敏',
          roles: ['clerk'],
          active: false,
        },
      }),
    );
    a.disconnect();
    const issued = ok(await kioskIssue(VIP4));
    expect(issued.ticket).toMatchObject({ priority: 'vip', targetCounterId: null });
    const alerts = suite.server.hall.store.alerts
      .current(0)
      .filter((x: { ticketId: string | null }) => x.ticketId === issued.ticket.id);
    expect(alerts).toEqual([expect.objectContaining({ kind: 'vip_arrived', staffId: null })]);
  });
});

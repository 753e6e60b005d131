import type { Ack, HallChange, RemedyGrant } from '@onestop/shared';
import { connect } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { clockedDemoHalls } from '../test-support/clocked-hall';
import { ok, send, sendRaw, type HallClient, type TestHall } from '../test-support/hall-harness';

// Hostile: remedy authority (授权, issue 18). A clerk granting on another's visit, splitting a
// grant to slip under the limits, a clerk deciding, a duty leader approving their own grant,
// bad amounts, kinds the catalogue does not offer, a role that may not grant, a decision made
// twice or after the timeout, a replayed command. Each is refused with its code and nothing
// changes.

const MIN = 60_000;
const YUAN = 100;
const { clock, hallAt, device, staffOn } = clockedDemoHalls('2025-03-03T09:00:00+08:00');

const code = (a: Ack<unknown>) => (a.ok ? 'ok' : a.code);
let phoneSeq = 0;

/** A visit the clerk calls and starts serving (so owns), for a customer with a phone. */
async function visitOf(hall: TestHall, clerk: HallClient, phone?: string): Promise<string> {
  const guide = await device(hall.server.url, 'demo-guide');
  ok(await send(guide, 'staff:sign-in', { staffNo: '7001', pin: '7001' }));
  const customer = {
    phone: phone ?? `1390000${String(1000 + phoneSeq++)}`,
    accountNo: null,
    name: null,
  };
  const { ticket } = ok(await send(guide, 'ticket:issue', { serviceId: 'svc-billing', customer }));
  ok(await send(clerk, 'ticket:call', { ticketId: ticket.id }));
  ok(await send(clerk, 'ticket:start', { ticketId: ticket.id }));
  guide.disconnect();
  return ticket.id;
}

async function finish(clerk: HallClient, ticketId: string): Promise<void> {
  ok(await send(clerk, 'ticket:finish', { ticketId, outcome: 'completed', items: [] }));
}

const allGrants = (hall: TestHall): RemedyGrant[] =>
  hall.server.hall.store.remedies.between({ from: '2025-01-01', to: '2025-12-31', staffId: null });

const waive = (ticketId: string, yuan: number) => ({
  remedyKindId: 'waive-penalty',
  amount: yuan * YUAN,
  reason: '抄表错误产生的违约金',
  ticketId,
});

async function setUp() {
  const hall = await hallAt();
  const url = hall.server.url;
  const clerk = await staffOn(url, 'demo-desk-1', '1001', 'ctr-1');
  const other = await staffOn(url, 'demo-desk-2', '1002', 'ctr-2');
  const leader = await staffOn(url, 'demo-console', '8001');
  return { hall, url, clerk: clerk.socket, other: other.socket, leader: leader.socket };
}

describe('who may grant', () => {
  it('a clerk cannot grant on another clerk’s visit', async () => {
    const { hall, clerk, other } = await setUp();
    const ticketId = await visitOf(hall, clerk);
    expect(code(await send(other, 'remedy:grant', waive(ticketId, 50)))).toBe('not_yours');
    expect(allGrants(hall)).toEqual([]);
  });

  it('a clerk cannot grant on another clerk’s case', async () => {
    const { hall, clerk, other } = await setUp();
    const ticketId = await visitOf(hall, clerk);
    const { case: c } = ok(
      await send(clerk, 'case:open', { ticketId, caseTypeId: 'ct-fault', summary: '停电报修' }),
    );
    const onCase = { remedyKindId: 'crew-today', amount: 1, reason: '当天派修', caseId: c.id };
    expect(code(await send(other, 'remedy:grant', onCase))).toBe('not_yours');
    expect(code(await send(clerk, 'remedy:grant', onCase))).toBe('ok');
    expect(allGrants(hall)).toHaveLength(1);
  });

  it('a role whose limit is null may not grant that kind', async () => {
    const { hall, url, clerk } = await setUp();
    const ticketId = await visitOf(hall, clerk);
    const guide = await staffOn(url, 'demo-guide', '7001');
    expect(code(await send(guide.socket, 'remedy:grant', waive(ticketId, 10)))).toBe(
      'remedy_not_allowed',
    );
    const back = await staffOn(url, 'demo-backoffice', '6001');
    const apology = { remedyKindId: 'written-apology', amount: 1, reason: '态度问题', ticketId };
    expect(code(await send(back.socket, 'remedy:grant', apology))).toBe('remedy_not_allowed');
    expect(allGrants(hall)).toEqual([]);
  });

  it('an unknown kind is not found; an inactive one is not offered', async () => {
    const { hall, url, clerk } = await setUp();
    const ticketId = await visitOf(hall, clerk);
    const unknown = { ...waive(ticketId, 10), remedyKindId: 'free-electricity' };
    expect(code(await send(clerk, 'remedy:grant', unknown))).toBe('not_found');
    const admin = await staffOn(url, 'demo-backoffice', '9000');
    const kind = hall.server.hall.store.remedies.kindById('waive-penalty')!;
    const { changeSeq: _, ...input } = kind;
    ok(
      await send(admin.socket, 'admin:save-remedy-kind', {
        remedyKind: { ...input, active: false },
      }),
    );
    expect(code(await send(clerk, 'remedy:grant', waive(ticketId, 10)))).toBe('remedy_inactive');
    expect(allGrants(hall)).toEqual([]);
  });

  it('a kind with grants keeps its unit: yuan granted are not re-read as acts', async () => {
    const { hall, url, clerk } = await setUp();
    const ticketId = await visitOf(hall, clerk);
    ok(await send(clerk, 'remedy:grant', waive(ticketId, 10)));
    const admin = await staffOn(url, 'demo-backoffice', '9000');
    const { changeSeq: _, ...input } = hall.server.hall.store.remedies.kindById('waive-penalty')!;
    const ack = await send(admin.socket, 'admin:save-remedy-kind', {
      remedyKind: { ...input, unit: 'count' },
    });
    expect(code(ack)).toBe('invalid_payload');
    expect(hall.server.hall.store.remedies.kindById('waive-penalty')?.unit).toBe('yuan');
  });

  it('neither a visit nor a case: refused', async () => {
    const { hall, clerk } = await setUp();
    const ack = await send(clerk, 'remedy:grant', {
      remedyKindId: 'waive-penalty',
      amount: 100,
      reason: '无对象',
    });
    expect(code(ack)).toBe('invalid_payload');
    expect(allGrants(hall)).toEqual([]);
  });
});

describe('bad amounts', () => {
  it.each([
    ['negative', -100],
    ['zero', 0],
    ['a fraction of a fen', 10.5],
    ['huge', 1e15],
    ['NaN (null on the wire)', Number.NaN],
    ['a string', '100'],
    ['Infinity', Number.POSITIVE_INFINITY],
  ])('%s is refused', async (_, amount) => {
    const { hall, clerk } = await setUp();
    const ticketId = await visitOf(hall, clerk);
    const ack = await sendRaw(clerk, 'remedy:grant', {
      commandId: `bad-amount-${String(amount)}`.replace(/[^A-Za-z0-9_-]/g, '_'),
      ...waive(ticketId, 1),
      amount,
    });
    expect(code(ack)).toBe('invalid_payload');
    expect(allGrants(hall)).toEqual([]);
  });
});

describe('limits cannot be dodged by splitting', () => {
  it('small grants to one customer in a day add up: past 200 yuan it waits', async () => {
    const { hall, clerk } = await setUp();
    const first = await visitOf(hall, clerk, '13900001111');
    const a = ok(await send(clerk, 'remedy:grant', waive(first, 150))).grant;
    expect(a.state).toBe('granted');
    await finish(clerk, first);
    // The same customer comes back, on another visit, for the rest.
    const second = await visitOf(hall, clerk, '13900001111');
    const b = ok(await send(clerk, 'remedy:grant', waive(second, 60))).grant;
    expect(b).toMatchObject({ state: 'pending', exceeded: 'per_customer_per_day' });
    expect(b.exceededLimit).toBe(200 * YUAN);
    // Within what is left, it is granted at once.
    await send(clerk, 'remedy:cancel', { grantId: b.id });
    const c = ok(await send(clerk, 'remedy:grant', waive(second, 50))).grant;
    expect(c.state).toBe('granted');
  });

  it('a visit and the case opened from it are one customer, even with no phone or account', async () => {
    const { hall, clerk } = await setUp();
    const guide = await device(hall.server.url, 'demo-guide');
    ok(await send(guide, 'staff:sign-in', { staffNo: '7001', pin: '7001' }));
    const { ticket } = ok(await send(guide, 'ticket:issue', { serviceId: 'svc-billing' }));
    ok(await send(clerk, 'ticket:call', { ticketId: ticket.id }));
    ok(await send(clerk, 'ticket:start', { ticketId: ticket.id }));
    const { case: c } = ok(
      await send(clerk, 'case:open', {
        ticketId: ticket.id,
        caseTypeId: 'ct-fault',
        summary: '电表',
      }),
    );
    expect(ok(await send(clerk, 'remedy:grant', waive(ticket.id, 150))).grant.state).toBe(
      'granted',
    );
    const onCase = {
      remedyKindId: 'waive-penalty',
      amount: 100 * YUAN,
      reason: '同一客户的工单',
      caseId: c.id,
    };
    const second = ok(await send(clerk, 'remedy:grant', onCase)).grant;
    expect(second).toMatchObject({ state: 'pending', exceeded: 'per_customer_per_day' });
  });

  it('a pending grant counts too: two grants waiting are not 2 × the limit', async () => {
    const { hall, clerk } = await setUp();
    const t = await visitOf(hall, clerk);
    const a = ok(await send(clerk, 'remedy:grant', waive(t, 300))).grant;
    expect(a.state).toBe('pending');
    const b = ok(await send(clerk, 'remedy:grant', waive(t, 10))).grant;
    expect(b).toMatchObject({ state: 'pending', exceeded: 'per_customer_per_day' });
  });

  it('a clerk’s grants in a month add up: past 2000 yuan it waits', async () => {
    const { hall, clerk } = await setUp();
    for (let i = 0; i < 10; i++) {
      const t = await visitOf(hall, clerk);
      expect(ok(await send(clerk, 'remedy:grant', waive(t, 200))).grant.state).toBe('granted');
      await finish(clerk, t);
    }
    // An eleventh customer: within their own day's limit, past the clerk's month.
    const t = await visitOf(hall, clerk);
    const over = ok(await send(clerk, 'remedy:grant', waive(t, 1))).grant;
    expect(over).toMatchObject({ state: 'pending', exceeded: 'per_staff_per_month' });
  });
});

describe('deciding', () => {
  async function pendingGrant() {
    const set = await setUp();
    const t = await visitOf(set.hall, set.clerk);
    const grant = ok(await send(set.clerk, 'remedy:grant', waive(t, 500))).grant;
    expect(grant.state).toBe('pending');
    return { ...set, grant };
  }

  it('a clerk cannot decide', async () => {
    const { hall, clerk, other, grant } = await pendingGrant();
    for (const who of [clerk, other]) {
      const ack = await send(who, 'remedy:decide', { grantId: grant.id, decision: 'approve' });
      expect(code(ack)).toBe('forbidden');
    }
    expect(hall.server.hall.store.remedies.grantById(grant.id)?.state).toBe('pending');
  });

  it('a duty leader cannot approve their own grant', async () => {
    const { hall, clerk, leader } = await setUp();
    const t = await visitOf(hall, clerk);
    const own = ok(await send(leader, 'remedy:grant', waive(t, 2000))).grant;
    expect(own).toMatchObject({ state: 'pending', grantingRole: 'duty_leader' });
    const ack = await send(leader, 'remedy:decide', { grantId: own.id, decision: 'approve' });
    expect(code(ack)).toBe('own_grant');
    expect(hall.server.hall.store.remedies.grantById(own.id)?.state).toBe('pending');
  });

  it('deciding twice: the second is refused, the first stands', async () => {
    const { hall, leader, grant } = await pendingGrant();
    ok(await send(leader, 'remedy:decide', { grantId: grant.id, decision: 'approve' }));
    const again = await send(leader, 'remedy:decide', {
      grantId: grant.id,
      decision: 'reject',
      note: '改主意',
    });
    expect(code(again)).toBe('grant_not_pending');
    expect(hall.server.hall.store.remedies.grantById(grant.id)?.state).toBe('approved');
  });

  it('a rejection needs a note', async () => {
    const { hall, leader, grant } = await pendingGrant();
    const ack = await send(leader, 'remedy:decide', { grantId: grant.id, decision: 'reject' });
    expect(code(ack)).toBe('reason_required');
    expect(hall.server.hall.store.remedies.grantById(grant.id)?.state).toBe('pending');
  });

  it('after the timeout: refused before and after the sweep marks it expired', async () => {
    const { hall, leader, grant } = await pendingGrant();
    clock.now += 30 * MIN; // waive-penalty waits 30 minutes
    const before = await send(leader, 'remedy:decide', { grantId: grant.id, decision: 'approve' });
    expect(code(before)).toBe('grant_expired');
    expect(hall.server.hall.store.remedies.grantById(grant.id)?.state).toBe('pending');
    hall.server.remedySweep.runOnce();
    expect(hall.server.hall.store.remedies.grantById(grant.id)?.state).toBe('expired');
    const after = await send(leader, 'remedy:decide', { grantId: grant.id, decision: 'approve' });
    expect(code(after)).toBe('grant_expired');
  });

  it('the duty leader is alerted at once, reminded once at half the timeout', async () => {
    const { hall, leader, grant } = await pendingGrant();
    const alerts = () =>
      hall.server.hall.store.alerts
        .current(0)
        .filter((a) => a.kind === 'grant_awaiting_approval' && a.subjectId === grant.id);
    expect(alerts()).toHaveLength(1);
    clock.now += 14 * MIN;
    hall.server.remedySweep.runOnce();
    expect(alerts()).toHaveLength(1);
    clock.now += MIN;
    hall.server.remedySweep.runOnce();
    hall.server.remedySweep.runOnce();
    expect(alerts()).toHaveLength(2);
    ok(await send(leader, 'remedy:decide', { grantId: grant.id, decision: 'approve' }));
    expect(alerts().every((a) => a.acknowledgedAt !== null)).toBe(true);
    // The decision and the reminder are in the shift log, in words.
    const { entries } = ok(await send(leader, 'console:shift-log', { since: 0 }));
    expect(entries.map((e) => e.zh)).toEqual(
      expect.arrayContaining(['批准补救申请', '补救审批到半提醒或超时失效']),
    );
  });

  it('only the granter withdraws, and only while pending', async () => {
    const { hall, other, clerk, leader, grant } = await pendingGrant();
    expect(code(await send(other, 'remedy:cancel', { grantId: grant.id }))).toBe('not_yours');
    ok(await send(leader, 'remedy:decide', { grantId: grant.id, decision: 'approve' }));
    expect(code(await send(clerk, 'remedy:cancel', { grantId: grant.id }))).toBe(
      'grant_not_pending',
    );
    expect(hall.server.hall.store.remedies.grantById(grant.id)?.state).toBe('approved');
  });
});

describe('replays and reading', () => {
  it('a replayed command id grants once; the same id with another payload is refused', async () => {
    const { hall, clerk } = await setUp();
    const t = await visitOf(hall, clerk);
    const payload = { ...waive(t, 20), commandId: 'replayed-grant-1' };
    const first = ok(await send(clerk, 'remedy:grant', payload));
    const again = ok(await send(clerk, 'remedy:grant', payload));
    expect(again.grant.id).toBe(first.grant.id);
    const changed = await send(clerk, 'remedy:grant', { ...payload, amount: 19_900 });
    expect(code(changed)).toBe('command_id_conflict');
    expect(allGrants(hall)).toHaveLength(1);
  });

  it('a clerk lists only their own grants; the duty leader all; a kiosk nothing', async () => {
    const { hall, url, clerk, other, leader } = await setUp();
    const t = await visitOf(hall, clerk);
    ok(await send(clerk, 'remedy:grant', waive(t, 20)));
    const mine = ok(await send(other, 'remedy:list', {})).grants;
    expect(mine).toEqual([]);
    expect(ok(await send(leader, 'remedy:list', {})).grants).toHaveLength(1);
    expect(ok(await send(clerk, 'remedy:list', { state: 'pending' })).grants).toEqual([]);
    for (const range of [
      { from: '2025-01-01', to: '2025-03-03' },
      { from: '2025-03-03', to: '2025-03-01' },
    ]) {
      expect(code(await send(leader, 'remedy:list', range))).toBe('invalid_payload');
    }
    const kiosk = await device(url, 'demo-kiosk-1');
    expect(code(await send(kiosk, 'remedy:list', {}))).toBe('forbidden');
    const snapshot = ok(await send(kiosk, 'hall:snapshot', {}));
    expect(snapshot.remedyGrants).toEqual([]);
    expect(snapshot.remedyKinds).toEqual([]);
  });

  it('a workstation is sent its own clerk’s grants, never another clerk’s', async () => {
    const { hall, url } = await setUp();
    const mine = await staffOn(url, 'demo-desk-3', '1003', 'ctr-3');
    const theirs = await staffOn(url, 'demo-desk-4', '1004', 'ctr-4');
    const view = async (deviceToken: string, sessionToken: string) => {
      const socket = connect(url, {
        auth: { deviceToken, sessionToken, screen: 'counter' },
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
      }) as HallClient;
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      const grants: RemedyGrant[] = [];
      socket.on('hall:changed', (c: HallChange) => grants.push(...(c.records.remedyGrants ?? [])));
      return { socket, grants };
    };
    const myView = await view('demo-desk-3', mine.sessionToken);
    const theirView = await view('demo-desk-4', theirs.sessionToken);
    const t = await visitOf(hall, mine.socket);
    const { grant } = ok(await send(mine.socket, 'remedy:grant', waive(t, 500)));
    const leader = await staffOn(url, 'demo-console', '8001');
    ok(await send(leader.socket, 'remedy:decide', { grantId: grant.id, decision: 'approve' }));
    for (let i = 0; i < 100 && myView.grants.length < 2; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(myView.grants.map((g) => g.state)).toEqual(['pending', 'approved']);
    expect(theirView.grants).toEqual([]);
    myView.socket.disconnect();
    theirView.socket.disconnect();
  });

  it('the whole phone is never sent: the grant carries it masked', async () => {
    const { hall, clerk, leader } = await setUp();
    const t = await visitOf(hall, clerk, '13912345678');
    const { grant } = ok(await send(clerk, 'remedy:grant', waive(t, 20)));
    expect(grant.customerMasked).toBe('139****5678');
    expect(JSON.stringify(ok(await send(leader, 'remedy:list', {})))).not.toContain('13912345678');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  connectClient,
  hallServerOn,
  http,
  nextChange,
  ok,
  send,
  startTestHall,
  type TestHall,
} from './test-support/hall-harness';
import { demoStaffOn } from './test-support/suite-hall';

let hall: TestHall;
beforeAll(async () => {
  hall = await startTestHall();
});
afterAll(async () => {
  await hall.close();
});

describe('a visit end to end over real sockets', () => {
  it('issue at the kiosk → call → start → finish, with broadcasts and first-handler ownership', async () => {
    const url = hall.server.url;
    const kiosk = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
    const display = await connectClient(url, { deviceToken: 'demo-display-1' });
    const clerk = await demoStaffOn(url, 'demo-desk-1', '1001', 'ctr-1');

    const issued = ok(
      await send(kiosk, 'ticket:issue', {
        serviceId: 'svc-billing',
        customer: { phone: '13812345678', accountNo: null, name: '张三' },
      }),
    );
    expect(issued.ticket).toMatchObject({
      number: expect.stringMatching(/^A\d{3}$/),
      state: 'waiting',
    });
    expect(issued.ticket.customer.phone).toBe('138****5678'); // the kiosk gets its own ticket masked

    const announced = nextChange(display, (c) => c.events.some((e) => e.type === 'ticket.called'));
    const called = ok(await send(clerk.socket, 'ticket:call-next', {}));
    expect(called.ticket).toMatchObject({
      id: issued.ticket.id,
      state: 'called',
      counterId: 'ctr-1',
    });
    expect(called.ticket.customer.phone).toBe('13812345678'); // the clerk sees it in full
    const change = await announced;
    expect(change.events).toContainEqual({
      type: 'ticket.called',
      ticketId: issued.ticket.id,
      counterId: 'ctr-1',
      recall: 0,
    });
    expect(change.records.tickets?.[0]?.customer).toEqual({
      phone: '138****5678',
      accountNo: null,
      name: '张*',
    });

    const started = ok(await send(clerk.socket, 'ticket:start', { ticketId: issued.ticket.id }));
    expect(started.ticket.ownerStaffId).toBe(clerk.staffId);
    const finished = ok(
      await send(clerk.socket, 'ticket:finish', {
        ticketId: issued.ticket.id,
        outcome: 'completed',
        items: ['电费缴纳'],
      }),
    );
    expect(finished.ticket).toMatchObject({
      state: 'done',
      outcome: 'completed',
      items: ['电费缴纳'],
    });

    const transitions = hall.server.hall.store.tickets
      .transitions(issued.ticket.id)
      .map((t) => `${String(t.from_state)}→${String(t.to_state)}`);
    expect(transitions).toEqual([
      'null→waiting',
      'waiting→called',
      'called→serving',
      'serving→done',
    ]);
    for (const s of [kiosk, display, clerk.socket]) s.disconnect();
  });

  it('a transfer keeps the owner; the next clerk serves without taking ownership', async () => {
    const url = hall.server.url;
    const guide = await demoStaffOn(url, 'demo-guide', '7001');
    const first = await demoStaffOn(url, 'demo-desk-3', '1003', 'ctr-3');
    const second = await demoStaffOn(url, 'demo-desk-2', '1002', 'ctr-2');

    const { ticket } = ok(
      await send(guide.socket, 'ticket:issue', {
        serviceId: 'svc-connection',
        note: 'brought the property deed',
      }),
    );
    ok(await send(first.socket, 'ticket:call', { ticketId: ticket.id }));
    ok(await send(first.socket, 'ticket:start', { ticketId: ticket.id }));
    const moved = ok(
      await send(first.socket, 'ticket:transfer', {
        ticketId: ticket.id,
        to: { serviceId: 'svc-fault' },
        note: 'meter question',
      }),
    );
    expect(moved.ticket).toMatchObject({
      state: 'waiting',
      serviceId: 'svc-fault',
      ownerStaffId: first.staffId,
      returning: true,
      queuedAt: ticket.queuedAt,
    });

    const next = ok(await send(second.socket, 'ticket:call-next', {}));
    expect(next.ticket.id).toBe(ticket.id); // returning tickets go first
    const served = ok(await send(second.socket, 'ticket:start', { ticketId: ticket.id }));
    expect(served.ticket).toMatchObject({
      ownerStaffId: first.staffId,
      servingStaffId: second.staffId,
    });
    ok(
      await send(second.socket, 'ticket:park', { ticketId: ticket.id, reason: 'fetching ID card' }),
    );
    // Parked tickets aside, the clerk may call the next one; the sign-out is refused while holding it.
    expect(await send(second.socket, 'staff:sign-out', {})).toMatchObject({
      ok: false,
      code: 'open_items',
    });
    ok(await send(second.socket, 'ticket:resume', { ticketId: ticket.id }));
    ok(
      await send(second.socket, 'ticket:finish', {
        ticketId: ticket.id,
        outcome: 'referred',
        items: [],
      }),
    );
    for (const s of [guide.socket, first.socket, second.socket]) s.disconnect();
  });
});

describe('sequence numbers, changes since N, snapshots', () => {
  it('every state change carries the next hall-wide sequence number; a client catches up from N', async () => {
    const url = hall.server.url;
    const kiosk = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
    const before = ok(await send(kiosk, 'hall:snapshot', {}));
    const watcher = await connectClient(url, { deviceToken: 'demo-display-1' });
    // Changes close together may come as one message covering fromSeq..seq.
    const seen: number[] = [];
    watcher.on('hall:changed', (c) => {
      for (let seq = c.fromSeq ?? c.seq; seq <= c.seq; seq++) seen.push(seq);
    });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-invoice' })).ticket.id);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual([before.seq + 1, before.seq + 2, before.seq + 3]);

    const catchUp = ok(await send(watcher, 'hall:changes-since', { since: before.seq + 1 }));
    expect(catchUp.seq).toBe(before.seq + 3);
    expect(catchUp.records.tickets?.map((t) => t.id).sort()).toEqual(ids.slice(1).sort());
    expect(catchUp.records.devices).toBeUndefined(); // public devices see no device list

    const snapshot = ok(await send(watcher, 'hall:snapshot', {}));
    expect(snapshot.seq).toBe(before.seq + 3);
    expect(snapshot.tickets.map((t) => t.id)).toEqual(expect.arrayContaining(ids));
    kiosk.disconnect();
    watcher.disconnect();
  });

  it('a repeated command id returns the first result and changes nothing', async () => {
    const kiosk = await connectClient(hall.server.url, { deviceToken: 'demo-kiosk-1' });
    const id = 'retry-test-0001';
    const [a, b] = await Promise.all([
      send(kiosk, 'ticket:issue', { commandId: id, serviceId: 'svc-account' }),
      send(kiosk, 'ticket:issue', { commandId: id, serviceId: 'svc-account' }),
    ]);
    const seq = hall.server.hall.store.hall.state().seq;
    kiosk.disconnect();
    const again = await connectClient(hall.server.url, { deviceToken: 'demo-kiosk-1' });
    const c = await send(again, 'ticket:issue', { commandId: id, serviceId: 'svc-account' });
    expect(ok(a).ticket.id).toBe(ok(b).ticket.id);
    expect(ok(c).ticket.id).toBe(ok(a).ticket.id);
    expect(hall.server.hall.store.hall.state().seq).toBe(seq);
    const conflict = await send(again, 'ticket:cancel', {
      commandId: id,
      ticketId: ok(a).ticket.id,
      reason: 'x',
    });
    expect(conflict.ok).toBe(false);
    again.disconnect();
  });
});

describe('devices and staff access', () => {
  it('pairs a device with a one-time code; revoking it refuses its next command and its reconnection', async () => {
    const url = hall.server.url;
    const admin = await demoStaffOn(url, 'demo-console', '9000');
    const { code } = ok(
      await send(admin.socket, 'device:issue-pairing-code', { name: 'Kiosk 2', kind: 'kiosk' }),
    );
    const fresh = await connectClient(url);
    const paired = ok(await send(fresh, 'device:pair', { pairingCode: code }));
    expect(await send(fresh, 'device:pair', { pairingCode: code })).toMatchObject({
      ok: false,
      code: 'pairing_code_invalid',
    });
    fresh.disconnect();

    const kiosk2 = await connectClient(url, { deviceToken: paired.deviceToken });
    ok(await send(kiosk2, 'ticket:issue', { serviceId: 'svc-billing' }));
    const ended = new Promise((resolve) => kiosk2.on('disconnect', resolve));
    ok(await send(admin.socket, 'device:revoke', { deviceId: paired.deviceId, reason: 'stolen' }));
    await ended;
    const viaHttp = await http(url, 'POST', '/api/v1/ticket/issue', {
      deviceToken: paired.deviceToken,
      body: { commandId: 'after-revoke-1', serviceId: 'svc-billing' },
    });
    expect(viaHttp).toMatchObject({ status: 403, body: { ok: false, code: 'device_revoked' } });
    await expect(connectClient(url, { deviceToken: paired.deviceToken })).rejects.toThrow();
    admin.socket.disconnect();
  });

  it('throttles sign-in after repeated wrong PINs, even with the right PIN', async () => {
    const desk = await connectClient(hall.server.url, { deviceToken: 'demo-desk-6' });
    for (let i = 0; i < 5; i++) {
      expect(await send(desk, 'staff:sign-in', { staffNo: '1006', pin: '0000' })).toMatchObject({
        ok: false,
        code: 'bad_credentials',
      });
    }
    expect(await send(desk, 'staff:sign-in', { staffNo: '1006', pin: '1006' })).toMatchObject({
      ok: false,
      code: 'sign_in_throttled',
    });
    expect(await send(desk, 'staff:sign-in', { staffNo: '4242', pin: '1234' })).toMatchObject({
      ok: false,
      code: 'bad_credentials',
    });
    desk.disconnect();
  });

  it('a second staff member cannot sign in on a desk that is in use', async () => {
    const first = await demoStaffOn(hall.server.url, 'demo-desk-5', '1005');
    expect(
      await send(first.socket, 'staff:sign-in', { staffNo: '1004', pin: '1004' }),
    ).toMatchObject({ ok: false, code: 'desk_in_use' });
    ok(await send(first.socket, 'staff:sign-out', {}));
    ok(await send(first.socket, 'staff:sign-in', { staffNo: '1004', pin: '1004' }));
    first.socket.disconnect();
  });

  it('the audit log records refusals and successes and cannot be rewritten', () => {
    const { db, log } = hall.server.hall.store;
    const recent = log.recentAudit(500);
    expect(recent.some((r) => r.result === 'ok' && r.command === 'ticket:issue')).toBe(true);
    expect(recent.some((r) => r.result === 'bad_credentials')).toBe(true);
    expect(recent.every((r) => !String(r.payload).includes('"pin":"1'))).toBe(true);
    expect(() => db.prepare('UPDATE audit_log SET result = ?').run('x')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});

describe('HTTP API', () => {
  it('serves an OpenAPI document listing every operation', async () => {
    const res = await fetch(`${hall.server.url}/api/v1/openapi.json`);
    const doc = (await res.json()) as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const { commandNames, httpRoute } = await import('@onestop/shared');
    for (const name of commandNames) {
      const r = httpRoute(name);
      expect(doc.paths[r.path]?.[r.method.toLowerCase()], name).toBeDefined();
    }
  });

  it('offers the same operations with an Idempotency-Key header', async () => {
    const base = hall.server.url;
    const one = await http(base, 'POST', '/api/v1/ticket/issue', {
      deviceToken: 'demo-kiosk-1',
      body: { serviceId: 'svc-fault' },
      headers: { 'idempotency-key': 'http-key-0001' },
    });
    const two = await http(base, 'POST', '/api/v1/ticket/issue', {
      deviceToken: 'demo-kiosk-1',
      body: { serviceId: 'svc-fault' },
      headers: { 'idempotency-key': 'http-key-0001' },
    });
    expect(one.status).toBe(200);
    expect((two.body.data as { ticket: { id: string } }).ticket.id).toBe(
      (one.body.data as { ticket: { id: string } }).ticket.id,
    );
    const since = await http(base, 'GET', '/api/v1/hall/changes-since?since=0', {
      deviceToken: 'demo-display-1',
    });
    expect(since.status).toBe(200);
    const signIn = await http(base, 'POST', '/api/v1/staff/sign-in', {
      deviceToken: 'demo-backoffice',
      body: { commandId: 'http-signin-1', staffNo: '6001', pin: '6001' },
    });
    expect(signIn.status).toBe(200);
    const landing = await fetch(`${base}/`);
    const page = await landing.text();
    expect(page).toContain('/api/v1/openapi.json');
    expect(page).toContain("duty leader's console");
    expect(page).toContain('evaluation pad facing the customer');
  });
});

describe('the landing page of the demo hall', () => {
  it('opens every screen as a pre-paired demo device', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'onestop-landing-'));
    const server = await hallServerOn(dataDir, {
      demo: true,
    });
    try {
      const page = await (await fetch(`${server.url}/`)).text();
      for (const href of [
        '/kiosk?token=demo-kiosk-1',
        '/display?token=demo-display-1',
        '/counter?token=demo-desk-1',
        '/pad?token=demo-pad-1&amp;counter=1',
        '/console?token=demo-console',
        '/guide?token=demo-guide',
        '/backoffice?token=demo-backoffice',
        // Every demo desk and pad, not only the first (issue 15 item 11).
        ...[1, 2, 3, 4, 5, 6].flatMap((n) => [
          `/counter?token=demo-desk-${n}`,
          `/pad?token=demo-pad-${n}&amp;counter=${n}`,
        ]),
      ])
        expect(page).toContain(`href="${href}"`);
      expect(page).toContain('8001 / 8001');
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('closing the hall server', () => {
  it('does not wait for an idle connection that never sent a request', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'onestop-close-'));
    const server = await hallServerOn(dataDir, {
      demo: true,
    });
    // A browser opens connections before it needs them; this one never sends a request.
    const idle = connect(Number(new URL(server.url).port), '127.0.0.1');
    await new Promise((r) => idle.once('connect', r));
    const ended = new Promise((r) => idle.once('close', r));
    await server.close(); // before the fix this waited for the connection's own time-out
    await ended;
    rmSync(dataDir, { recursive: true, force: true });
  });
});

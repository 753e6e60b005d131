import { createHallConnection, type HallConnection } from '@onestop/client';
import { startTestHall, type TestHall } from '@onestop/hall-server/test-support/hall-harness';
import type { HallChange, Snapshot, SocketAuth } from '@onestop/shared';
import { isDeepStrictEqual } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Targeted delivery, end to end with the real client: each device kind is sent only what its
// screen shows, and what it shows stays right (its copy, read the way its screen reads it,
// equals a fresh snapshot read the same way); a device whose screen does not change is sent
// nothing.

let hall: TestHall;
const open: { close(): void }[] = [];

beforeAll(async () => {
  hall = await startTestHall({ server: { limits: false } });
});
afterAll(async () => {
  for (const c of open) c.close();
  await hall.close();
});

function connection(deviceToken: string, screen?: 'counter'): HallConnection {
  const c = createHallConnection({
    url: hall.server.url,
    deviceToken,
    ...(screen ? { screen } : {}),
    socketOptions: { transports: ['websocket'] },
  });
  open.push(c);
  return c;
}

/** A bare socket that only counts what it is sent. */
async function listener(auth: SocketAuth): Promise<{ socket: Socket; got: HallChange[] }> {
  const socket = io(hall.server.url, { auth, transports: ['websocket'], forceNew: true });
  open.push({ close: () => socket.disconnect() });
  const got: HallChange[] = [];
  socket.on('hall:changed', (c: HallChange) => got.push(c));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, got };
}

async function ok<T>(p: Promise<{ ok: true; data: T } | { ok: false; code: string }>): Promise<T> {
  const ack = await p;
  if (!ack.ok) throw new Error(`refused: ${ack.code}`);
  return ack.data;
}

async function signIn(c: HallConnection, staffNo: string, counterId?: string) {
  const signedIn = await ok(c.send('staff:sign-in', { staffNo, pin: staffNo }));
  c.setSessionToken(signedIn.sessionToken);
  await c.resync(); // as the screens do after a sign-in
  if (counterId) {
    await ok(c.send('counter:sign-in', { counterId }));
    await ok(c.send('counter:open', {}));
  }
  return signedIn;
}

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`never: ${what}`);
}

const byId = <T extends { id: string }>(list: readonly T[]) =>
  [...list].sort((a, b) => a.id.localeCompare(b.id));

// What each screen reads (apps/kiosk/src/display, kiosk; apps/counter/src/posts/work/pad, workstation,
// mine, handover; the console reads everything).
const publicScreen = (h: Snapshot) => ({
  tickets: byId(h.tickets).map((t) => [t.id, t.state, t.counterId, t.calledAt, t.serviceId]),
  counters: byId(h.counters),
  services: byId(h.services),
  staff: byId(h.staff),
  config: h.config,
});
const padScreen = (h: Snapshot, counterId: string) => {
  const counter = h.counters.find((c) => c.id === counterId)!;
  const question = h.evaluations.find((e) => e.counterId === counterId && e.state === 'pending');
  const clerkId = question?.staffId ?? counter.staffId;
  return {
    counter,
    question: question ?? null,
    clerk: h.staff.find((s) => s.id === clerkId) ?? null,
    config: h.config,
  };
};
const deskScreen = (h: Snapshot, staffId: string) => {
  const counter = h.counters.find((c) => c.staffId === staffId);
  const waiting = h.tickets.filter(
    (t) =>
      t.state === 'waiting' &&
      counter !== undefined &&
      (t.targetCounterId === counter.id ||
        (t.targetCounterId === null && counter.serviceIds.includes(t.serviceId))),
  );
  const ids = (list: readonly { id: string }[]) => list.map((r) => r.id).sort();
  return {
    counter,
    current: h.tickets.find(
      (t) => t.counterId === counter?.id && (t.state === 'called' || t.state === 'serving'),
    ),
    callable: ids(waiting),
    parked: ids(h.tickets.filter((t) => t.state === 'parked' && t.servingStaffId === staffId)),
    counters: byId(h.counters),
    staff: byId(h.staff),
    services: byId(h.services),
    cases: byId(h.cases.filter((c) => c.ownerStaffId === staffId)),
    followUps: byId(h.followUps.filter((f) => f.assigneeStaffId === staffId)),
    handovers: byId(
      h.handovers.filter((x) => x.toStaffId === staffId || x.fromStaffId === staffId),
    ),
    followUpTickets: h.followUps
      .filter((f) => f.assigneeStaffId === staffId && f.ticketId)
      .map((f) => h.tickets.find((t) => t.id === f.ticketId)?.number ?? null),
    config: h.config,
  };
};
const consoleScreen = (h: Snapshot) => {
  const { seq: _seq, ...rest } = h;
  return Object.fromEntries(
    Object.entries(rest).map(([k, v]) => [k, Array.isArray(v) ? byId(v as { id: string }[]) : v]),
  );
};

describe('targeted delivery', () => {
  it('each device kind keeps what its screen shows; a device whose screen does not change is sent nothing', async () => {
    const display = connection('demo-display-1');
    const kiosk = connection('demo-kiosk-1');
    const pad1 = connection('demo-pad-1');
    const desk1 = connection('demo-desk-1', 'counter');
    const desk4 = connection('demo-desk-4', 'counter');
    const leader = connection('demo-console');
    const clerk1 = await signIn(desk1, '1001', 'ctr-1'); // billing, invoice
    const clerk4 = await signIn(desk4, '1004', 'ctr-4'); // connection only
    await signIn(leader, '8001');

    // Bare sockets that count: another counter's pad, and the connection-only desk's screen.
    const pad2 = await listener({ deviceToken: 'demo-pad-2' });
    const desk4Raw = await listener({
      deviceToken: 'demo-desk-4',
      sessionToken: clerk4.sessionToken,
      screen: 'counter',
    });

    // A billing visit at counter 1, rated on its pad.
    const issued = await ok(kiosk.send('ticket:issue', { serviceId: 'svc-billing' }));
    await ok(kiosk.send('ticket:issue', { serviceId: 'svc-invoice' }));
    const called = await ok(desk1.send('ticket:call', { ticketId: issued.ticket.id }));
    await ok(desk1.send('ticket:start', { ticketId: called.ticket.id }));
    await ok(
      desk1.send('ticket:finish', { ticketId: issued.ticket.id, outcome: 'completed', items: [] }),
    );
    await until(
      () => pad1.store.getState().hall?.evaluations.some((e) => e.state === 'pending') === true,
      'the pad gets its question',
    );
    await ok(
      pad1.send('evaluation:submit', {
        ticketId: issued.ticket.id,
        score: 'very_satisfied',
        reasons: [],
      }),
    );
    const afterVisit = [...desk4Raw.got];

    // Counter 4's clerk is given a follow-up on that visit and a handover from clerk 1; then
    // counter 4 is given billing too, and the billing queue comes into its view.
    await ok(
      leader.send('follow-up:create', {
        assigneeStaffId: clerk4.staff.id,
        note: 'call the customer back',
        ticketId: issued.ticket.id,
      }),
    );
    await ok(desk1.send('handover:create', { toStaffId: clerk4.staff.id, note: 'going home' }));
    const billingWaiting = await ok(kiosk.send('ticket:issue', { serviceId: 'svc-billing' }));
    await ok(
      leader.send('override:counter-services', {
        counterId: 'ctr-4',
        serviceIds: ['svc-connection', 'svc-billing'],
        reason: 'billing queue is long',
      }),
    );

    // Every screen shows what a fresh snapshot shows.
    const checks: [string, () => Promise<boolean>][] = [
      ['display', async () => same(display, publicScreen)],
      ['kiosk', async () => same(kiosk, publicScreen)],
      ['pad 1', async () => same(pad1, (h) => padScreen(h, 'ctr-1'))],
      ['desk 1', async () => same(desk1, (h) => deskScreen(h, clerk1.staff.id))],
      ['desk 4', async () => same(desk4, (h) => deskScreen(h, clerk4.staff.id))],
      ['console', async () => same(leader, consoleScreen)],
    ];
    for (const [name, check] of checks) {
      await until(check, `${name} shows what the hall holds`).catch(() => undefined);
      if (!(await check()))
        expect(lastDiff[0], `${name} shows what the hall holds`).toEqual(lastDiff[1]);
    }

    // Desk 4 now calls the billing ticket it was never sent before its counter took billing.
    expect(deskScreen(desk4.store.getState().hall!, clerk4.staff.id).callable).toContain(
      billingWaiting.ticket.id,
    );
    expect(deskScreen(desk4.store.getState().hall!, clerk4.staff.id).followUpTickets).toEqual([
      issued.ticket.number,
    ]);

    // Nothing of the billing visit at counter 1 reached counter 4's desk or counter 2's pad.
    expect(afterVisit).toEqual([]);
    expect(pad2.got).toEqual([]);
    // What desk 4 was sent later is its own: the follow-up, the handover, its counter.
    expect(desk4Raw.got.length).toBeGreaterThan(0);
    for (const change of desk4Raw.got) {
      expect(change.records.evaluations).toBeUndefined();
      expect(change.records.opinions).toBeUndefined();
    }
  }, 90_000);
});

let lastDiff: [unknown, unknown] = [null, null];

/** The device's copy against a fresh snapshot it asks for itself, both read as its screen does. */
async function same(c: HallConnection, read: (h: Snapshot) => unknown): Promise<boolean> {
  const mine = c.store.getState();
  if (mine.link !== 'online' || !mine.hall) return false;
  const fresh = await ok(c.send('hall:snapshot', {}));
  lastDiff = [read(mine.hall), read(fresh)];
  return isDeepStrictEqual(lastDiff[0], lastDiff[1]);
}

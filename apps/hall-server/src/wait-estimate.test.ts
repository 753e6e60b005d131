import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSeed } from './app/seed';
import {
  clerkAtCounter,
  connectClient,
  http,
  ok,
  send,
  startTestHall,
  type HallClient,
  type TestHall,
} from './test-support/hall-harness';

// Issue 15, item 1: with nobody serving a service the kiosk said "等候 0 人 · 即将叫号" and the
// ticket 马上就轮到您. The hall now says when no counter serves it, and gives a range otherwise,
// re-estimated as counters open and customers are served.

describe('the wait a customer is told', () => {
  let now = Date.UTC(2026, 10, 24, 1, 0); // 09:00 in Shanghai
  let hall: TestHall;
  let kiosk: HallClient;
  beforeAll(async () => {
    hall = await startTestHall({ clock: () => now, seed: demoSeed(now) });
    kiosk = await connectClient(hall.server.url, { deviceToken: 'demo-kiosk-1' });
  });
  afterAll(async () => {
    kiosk.disconnect();
    await hall.close();
  });

  const queueOf = async (serviceId: string) =>
    ok(await send(kiosk, 'hall:queues', {})).queues.find((q) => q.serviceId === serviceId)!;

  it('no clerk signed in: the queue, the ticket and its status page say no counter serves it', async () => {
    const queue = await queueOf('svc-connection');
    expect(queue).toMatchObject({ openCounters: 0, noCounterOpen: true });

    const issued = ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-connection' }));
    expect(issued.noCounterOpen).toBe(true);
    // No figure is told, so none is kept for the accuracy report either.
    expect(issued.ticket.estimatedWaitSec).toBeNull();

    const path = `/api/v1/ticket/status?ticketId=${issued.ticket.id}&token=${issued.statusToken}`;
    const status = await http(hall.server.url, 'GET', path);
    expect(status.body.data).toMatchObject({ state: 'waiting', noCounterOpen: true });
  });

  it('opening a counter that serves it changes the answer to a range', async () => {
    const clerk = await clerkAtCounter(hall.server.url, {
      deviceToken: 'demo-desk-4',
      staffNo: '1004',
      pin: '1004',
      counterId: 'ctr-4',
    });
    try {
      const called = ok(await send(clerk.socket, 'ticket:call-next', {})).ticket;
      ok(await send(clerk.socket, 'ticket:start', { ticketId: called.id }));
      for (let i = 0; i < 3; i++)
        ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-connection' }));

      const queue = await queueOf('svc-connection');
      expect(queue.noCounterOpen).toBe(false);
      expect(queue.openCounters).toBe(1);
      // Three ahead and one in service at the one counter: four visits of the target 900 s.
      expect(queue.estimatedWaitSec).toBeGreaterThan(3 * 900);
      expect(queue.estimatedWaitLowSec).toBeLessThan(queue.estimatedWaitSec);
      expect(queue.estimatedWaitHighSec).toBeGreaterThan(queue.estimatedWaitSec);

      const issued = ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-connection' }));
      expect(issued.noCounterOpen).toBe(false);
      expect(issued.peopleAhead).toBe(3);
      expect(issued.ticket.estimatedWaitSec).toBe(issued.estimatedWaitSec);

      // Ten minutes into the visit, the counter frees sooner: the same ticket waits less.
      now += 10 * 60_000;
      const path = `/api/v1/ticket/status?ticketId=${issued.ticket.id}&token=${issued.statusToken}`;
      const later = (await http(hall.server.url, 'GET', path)).body.data as Record<string, unknown>;
      expect(later.noCounterOpen).toBe(false);
      expect(later.estimatedWaitSec as number).toBeLessThan(issued.estimatedWaitSec);

      // The clerk closes: nobody serves it again, and the status page says so.
      ok(
        await send(clerk.socket, 'ticket:finish', {
          ticketId: called.id,
          outcome: 'completed',
          items: ['x'],
        }),
      );
      ok(await send(clerk.socket, 'counter:close', {}));
      const closed = (await http(hall.server.url, 'GET', path)).body.data as Record<
        string,
        unknown
      >;
      expect(closed.noCounterOpen).toBe(true);
    } finally {
      clerk.socket.disconnect();
    }
  });
});

describe('outside business hours', () => {
  it('the queue says when the hall opens next', async () => {
    const now = Date.parse('2026-11-24T10:00:00.000Z'); // 18:00 in Shanghai
    const hours = { open: '08:30', close: '17:30' };
    const hall = await startTestHall({
      clock: () => now,
      seed: demoSeed(now, { businessHours: hours }),
    });
    try {
      const kiosk = await connectClient(hall.server.url, { deviceToken: 'demo-kiosk-1' });
      const queues = ok(await send(kiosk, 'hall:queues', {})).queues;
      kiosk.disconnect();
      expect(new Set(queues.map((q) => q.hallOpensAt))).toEqual(
        new Set([Date.parse('2026-11-25T00:30:00.000Z')]), // 08:30 the next morning
      );
      expect(queues.every((q) => q.noCounterOpen)).toBe(true);
    } finally {
      await hall.close();
    }
  });
});

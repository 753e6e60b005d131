import { describe, expect, it } from 'vitest';
import { issueCallOrderScene } from './test-support/call-order-scene';
import { connectClient, daytimeClock, ok, send, startTestHall } from './test-support/hall-harness';
import { demoStaffOn } from './test-support/suite-hall';

// Issue 15 item 11a: the console listed the queue in issue order. `console:call-order` gives
// each service's waiting tickets in the order the hall's calling policy calls them now, with
// why each stands there, and each open counter's next tickets; the counter then calls them so.

const min = 60_000;

describe('console:call-order', () => {
  it('orders a service’s queue as the counters will call it, and says why', async () => {
    let offset = -40 * min;
    const base = daytimeClock();
    const hall = await startTestHall({ clock: () => base() + offset });
    try {
      const url = hall.server.url;
      const kiosk = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
      const leader = (await demoStaffOn(url, 'demo-guide', '8001')).socket;
      const { overdue, missed, within, vip, front, held } = await issueCallOrderScene(
        kiosk,
        leader,
        (ms) => (offset = ms),
      );

      const order = ok(await send(leader, 'console:call-order', {}));
      const billing = order.queues.find((q) => q.serviceId === 'svc-billing')!;
      expect(billing.tickets.map((p) => p.ticketId)).toEqual([
        held.id,
        front.id,
        vip.id,
        overdue.id,
        within.id,
        missed.id,
      ]);
      expect(billing.tickets.map((p) => [p.heldForCounterId, p.priorityClass, p.band])).toEqual([
        ['ctr-2', 'normal', 'within'],
        [null, 'returning', 'within'],
        [null, 'vip', 'within'],
        [null, 'normal', 'overdue'],
        [null, 'normal', 'within'],
        [null, 'normal', 'passedOver'],
      ]);
      expect(billing.tickets[3]!.pastTargetSec).toBeGreaterThanOrEqual(30 * 60 - 5);
      expect(billing.tickets[4]!.pastTargetSec).toBeLessThan(0);

      // The counter calls them in that order (counter 1 serves billing; the held one is 2's).
      const { socket: clerk } = await demoStaffOn(url, 'demo-desk-1', '1001', 'ctr-1');
      const after = ok(await send(leader, 'console:call-order', {}));
      const next = after.counters.find((c) => c.counterId === 'ctr-1')!.next;
      expect(next).toEqual([front.id, vip.id, overdue.id]);
      const called = [];
      for (let i = 0; i < 5; i++) {
        const t = ok(await send(clerk, 'ticket:call-next', {})).ticket;
        called.push(t.id);
        ok(await send(clerk, 'ticket:start', { ticketId: t.id }));
        ok(await send(clerk, 'ticket:finish', { ticketId: t.id, outcome: 'completed', items: [] }));
      }
      expect(called).toEqual([front.id, vip.id, overdue.id, within.id, missed.id]);

      // Staff only: a kiosk may not ask.
      expect(await send(kiosk, 'console:call-order', {})).toMatchObject({ ok: false });
      for (const s of [kiosk, leader, clerk]) s.disconnect();
    } finally {
      await hall.close();
    }
  }, 30_000);
});

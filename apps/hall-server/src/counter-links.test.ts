import { describe, expect, it } from 'vitest';
import { demoSeed } from './app/seed';
import { connectClient, nextChange, ok, send, startTestHall } from './test-support/hall-harness';
import { demoStaffOn } from './test-support/suite-hall';

// A counter terminal dropped in the middle of a call: the ticket is never lost.

describe('a counter terminal that drops off the network mid-call', () => {
  it('gets its called ticket sent back to the queue after the grace time, ahead of others', async () => {
    const hall = await startTestHall({ seed: demoSeed(Date.now(), { counterDropGraceSec: 1 }) });
    try {
      const url = hall.server.url;
      const kiosk = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
      const display = await connectClient(url, { deviceToken: 'demo-display-1' });
      const first = ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' })).ticket;
      const second = ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' })).ticket;
      const clerk = await demoStaffOn(url, 'demo-desk-1', '1001', 'ctr-1');
      expect(ok(await send(clerk.socket, 'ticket:call-next', {})).ticket.id).toBe(first.id);

      const requeued = nextChange(display, (c) =>
        (c.records.tickets ?? []).some((t) => t.id === first.id && t.state === 'waiting'),
      );
      clerk.socket.disconnect();
      const change = await requeued;
      const back = change.records.tickets!.find((t) => t.id === first.id)!;
      expect(back).toMatchObject({ state: 'waiting', returning: true, counterId: null });

      // Another clerk calls next: the returned ticket comes before the one issued after it.
      const other = await demoStaffOn(url, 'demo-desk-2', '1002', 'ctr-2');
      expect(ok(await send(other.socket, 'ticket:call-next', {})).ticket.id).toBe(first.id);
      const audit = hall.server.hall.store.log.recentAudit(50).map((a) => a.command);
      expect(audit).toContain('system:counter-link-lost');
      expect(second.state).toBe('waiting');
      for (const s of [kiosk, display, other.socket]) s.disconnect();
    } finally {
      await hall.close();
    }
  });

  it('keeps the call when the terminal is back within the grace time', async () => {
    const hall = await startTestHall({ seed: demoSeed(Date.now(), { counterDropGraceSec: 2 }) });
    try {
      const url = hall.server.url;
      const kiosk = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
      const issued = ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' })).ticket;
      const clerk = await demoStaffOn(url, 'demo-desk-1', '1001', 'ctr-1');
      ok(await send(clerk.socket, 'ticket:call-next', {}));
      clerk.socket.disconnect();
      await new Promise((r) => setTimeout(r, 500));
      const again = await connectClient(url, {
        deviceToken: 'demo-desk-1',
        sessionToken: clerk.sessionToken,
      });
      await new Promise((r) => setTimeout(r, 2500)); // past the grace time
      const snapshot = ok(await send(again, 'hall:snapshot', {}));
      expect(snapshot.tickets.find((t) => t.id === issued.id)).toMatchObject({
        state: 'called',
        counterId: 'ctr-1',
      });
      ok(await send(again, 'ticket:start', { ticketId: issued.id }));
      for (const s of [kiosk, again]) s.disconnect();
    } finally {
      await hall.close();
    }
  });
});

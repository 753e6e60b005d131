import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoSeed } from './app/seed';
import {
  connectClient,
  nextChange,
  ok,
  send,
  startTestHall,
  tempDir,
} from './test-support/hall-harness';
import { freePort, killHard, spawnHall } from './test-support/hall-process';
import { demoStaffOn } from './test-support/suite-hall';

// Nothing acknowledged is ever lost: a hall server killed with SIGKILL right after its acks
// comes back with every acknowledged change. And the business day turns over at local
// midnight in the hall's time zone, also across a restart.

describe('SIGKILL right after acknowledged commands', () => {
  it('keeps every acknowledged change, and a retried command still yields one ticket', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let child = await spawnHall(dataDir, port);
    try {
      const kiosk = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
      const clerk = await demoStaffOn(url, 'demo-desk-1', '1001', 'ctr-1');
      const acked = new Map<string, { number: string; commandId: string }>();
      for (let i = 0; i < 20; i++) {
        const commandId = `sigkill-issue-${String(i).padStart(3, '0')}`;
        const t = ok(
          await send(kiosk, 'ticket:issue', { commandId, serviceId: 'svc-billing' }),
        ).ticket;
        acked.set(t.id, { number: t.number, commandId });
      }
      const served = ok(await send(clerk.socket, 'ticket:call-next', {})).ticket;
      ok(await send(clerk.socket, 'ticket:start', { ticketId: served.id }));
      ok(await send(clerk.socket, 'ticket:finish', { ticketId: served.id, outcome: 'completed' }));
      const inHand = ok(await send(clerk.socket, 'ticket:call-next', {})).ticket;
      const lastSeq = ok(await send(kiosk, 'hall:snapshot', {})).seq;

      // A burst in flight when the power goes: whatever was acknowledged must survive.
      const burst = Array.from({ length: 10 }, (_, i) => {
        const commandId = `sigkill-burst-${String(i).padStart(3, '0')}`;
        return send(kiosk, 'ticket:issue', { commandId, serviceId: 'svc-fault' }).then((ack) => {
          if (ack.ok) acked.set(ack.data.ticket.id, { number: ack.data.ticket.number, commandId });
        });
      });
      await Promise.race([Promise.all(burst), new Promise((r) => setTimeout(r, 5))]);
      const ackedBeforeKill = new Map(acked);
      await killHard(child);
      kiosk.disconnect();
      clerk.socket.disconnect();

      child = await spawnHall(dataDir, port);
      const again = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
      const snapshot = ok(await send(again, 'hall:snapshot', {}));
      expect(snapshot.seq).toBeGreaterThanOrEqual(lastSeq);
      const byId = new Map(snapshot.tickets.map((t) => [t.id, t]));
      for (const [id, { number }] of ackedBeforeKill) expect(byId.get(id)?.number).toBe(number);
      expect(byId.get(served.id)).toMatchObject({ state: 'done', outcome: 'completed' });
      expect(byId.get(inHand.id)).toMatchObject({ state: 'called', counterId: 'ctr-1' });

      // Every burst command retried with its id after the restart: exactly one ticket each.
      for (let i = 0; i < 10; i++) {
        const commandId = `sigkill-burst-${String(i).padStart(3, '0')}`;
        ok(await send(again, 'ticket:issue', { commandId, serviceId: 'svc-fault' }));
      }
      const after = ok(await send(again, 'hall:snapshot', {}));
      expect(after.tickets.filter((t) => t.serviceId === 'svc-fault')).toHaveLength(10);
      expect(new Set(after.tickets.map((t) => t.number)).size).toBe(after.tickets.length);
      again.disconnect();
    } finally {
      await killHard(child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the business day', () => {
  // 2026-11-24 23:58 in Shanghai is 15:58 UTC.
  const beforeMidnight = Date.UTC(2026, 10, 24, 15, 58);
  const afterMidnight = Date.UTC(2026, 10, 24, 16, 2);

  it('turns over at local midnight in the hall time zone, across a restart', async () => {
    let now = beforeMidnight;
    const clock = () => now;
    const hall = await startTestHall({ clock, seed: demoSeed(beforeMidnight) });
    try {
      let kiosk = await connectClient(hall.server.url, { deviceToken: 'demo-kiosk-1' });
      const a1 = ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' })).ticket;
      const a2 = ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' })).ticket;
      expect([a1.number, a2.number]).toEqual(['A001', 'A002']);
      expect(ok(await send(kiosk, 'hall:snapshot', {})).businessDay).toBe('2026-11-24');
      kiosk.disconnect();

      now = afterMidnight;
      await hall.restart();
      kiosk = await connectClient(hall.server.url, { deviceToken: 'demo-kiosk-1' });
      const snapshot = ok(await send(kiosk, 'hall:snapshot', {}));
      expect(snapshot.businessDay).toBe('2026-11-25');
      expect(snapshot.tickets.some((t) => t.state === 'waiting')).toBe(false);
      const yesterday = hall.server.hall.store.tickets.byId(a1.id);
      expect(yesterday).toMatchObject({ state: 'cancelled', stateReason: 'business_day_ended' });
      const fresh = ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' })).ticket;
      expect(fresh.number).toBe('A001');
      expect(fresh.businessDay).toBe('2026-11-25');

      // Restarting again on the same day keeps the numbering going.
      kiosk.disconnect();
      await hall.restart();
      kiosk = await connectClient(hall.server.url, { deviceToken: 'demo-kiosk-1' });
      expect(
        ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' })).ticket.number,
      ).toBe('A002');
      kiosk.disconnect();
    } finally {
      await hall.close();
    }
  });

  it('turns over without a restart, announcing the new day to every screen', async () => {
    let now = beforeMidnight;
    const hall = await startTestHall({ clock: () => now, seed: demoSeed(beforeMidnight) });
    try {
      const kiosk = await connectClient(hall.server.url, { deviceToken: 'demo-kiosk-1' });
      const display = await connectClient(hall.server.url, { deviceToken: 'demo-display-1' });
      ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-invoice' }));
      now = afterMidnight;
      const announced = nextChange(display, (c) =>
        c.events.some((e) => e.type === 'business-day.started'),
      );
      const next = ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-invoice' })).ticket;
      expect(next.number).toBe('E001');
      const change = await announced;
      expect(change.events).toContainEqual(
        expect.objectContaining({ type: 'business-day.started', businessDay: '2026-11-25' }),
      );
      kiosk.disconnect();
      display.disconnect();
    } finally {
      await hall.close();
    }
  });
});

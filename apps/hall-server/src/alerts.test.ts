import { describe, expect, it } from 'vitest';
import { demoSeed } from './app/seed';
import { connectClient, ok, send, startTestHall } from './test-support/hall-harness';
import { demoStaffOn } from './test-support/suite-hall';

// The duty leader's alerts, raised by the server's sweep and by repeated opinions.

describe('alerts', () => {
  it('raises each finding once a day, and the duty leader acknowledges it', async () => {
    let now = Date.UTC(2026, 10, 24, 1, 0); // 09:00 in Shanghai
    const hall = await startTestHall({ clock: () => now, seed: demoSeed(now) });
    try {
      const kiosk = await connectClient(hall.server.url, { deviceToken: 'demo-kiosk-1' });
      const ticket = ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-invoice' })).ticket;
      // No counter is open: nobody serves invoices. 6 minutes later it is past its 5 min target.
      now += 6 * 60_000;
      expect(hall.server.alerts.runOnce()).toBe(2);
      expect(hall.server.alerts.runOnce()).toBe(0); // not again the same day

      const leader = await demoStaffOn(hall.server.url, 'demo-console', '8001');
      const view = ok(await send(leader.socket, 'hall:snapshot', {}));
      const raised = view.alerts.filter((a) => a.acknowledgedAt === null);
      expect(raised.map((a) => [a.kind, a.subjectId]).sort()).toEqual([
        ['service_unstaffed', 'svc-invoice'],
        ['wait_over_target', ticket.id],
      ]);
      const display = await connectClient(hall.server.url, { deviceToken: 'demo-display-1' });
      expect(ok(await send(display, 'hall:snapshot', {})).alerts).toEqual([]); // staff only

      const acked = ok(
        await send(leader.socket, 'alert:acknowledge', { alertId: raised[0]!.id }),
      ).alert;
      expect(acked.acknowledgedBy).toBe('stf-leader');
      expect(hall.server.alerts.runOnce()).toBe(0);

      // A repeated opinion raises its alert at once.
      for (const text of ['发票打印机坏了', '发票打印机还是坏的']) {
        ok(
          await send(kiosk, 'opinion:submit', {
            category: 'complaint',
            text,
            contact: '13911112222',
          }),
        );
      }
      const after = ok(await send(leader.socket, 'hall:snapshot', {}));
      expect(after.alerts.some((a) => a.kind === 'repeated_opinion')).toBe(true);

      // A device that drops off the network is reported after two minutes.
      display.disconnect();
      await new Promise((r) => setTimeout(r, 100));
      now += 3 * 60_000;
      expect(hall.server.alerts.runOnce()).toBeGreaterThanOrEqual(1);
      const last = ok(await send(leader.socket, 'hall:snapshot', {}));
      expect(
        last.alerts.some((a) => a.kind === 'device_offline' && a.subjectId === 'dev-display-1'),
      ).toBe(true);
      for (const s of [kiosk, leader.socket]) s.disconnect();
    } finally {
      await hall.close();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { demoSeed } from './app/seed';
import { connectClient, nextChange, ok, send, startTestHall } from './test-support/hall-harness';
import { demoStaffOn } from './test-support/suite-hall';

// Issue 15 item 9: a demo hall's first start showed a week of history's alerts as if live.
// Alerts about a past business day are closed as expired when a new day starts (audited); a
// fault (sync, clock) stays until someone reads it. The duty leader acknowledges a group at once.

const DAY = 86_400_000;

describe('only live alerts', () => {
  it("closes a past business day's alerts as expired at start and at the day change, and raises none about yesterday's tickets", async () => {
    let now = Date.UTC(2026, 10, 24, 1, 0); // 09:00 in Shanghai
    const hall = await startTestHall({ clock: () => now, seed: demoSeed(now) });
    try {
      const kiosk = await connectClient(hall.server.url, { deviceToken: 'demo-kiosk-1' });
      ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-invoice' }));
      const clerk = await demoStaffOn(hall.server.url, 'demo-desk-1', '1001', 'ctr-1');
      const called = ok(await send(clerk.socket, 'ticket:call-next', {})).ticket;
      ok(await send(clerk.socket, 'ticket:start', { ticketId: called.id }));
      ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-invoice' }));
      now += 40 * 60_000; // the first is in service past its target, the second waits past its
      expect(hall.server.alerts.runOnce()).toBe(2);
      kiosk.disconnect();
      clerk.socket.disconnect();

      // A sync failure at night is a fault: it waits for the duty leader, whatever the day.
      const sync = hall.server.hall.runSystem('test-sync-failed', (tx) => {
        tx.write.alert({
          id: 'alert-sync',
          kind: 'sync_failed',
          subjectId: null,
          ticketId: null,
          counterId: null,
          staffId: null,
          createdAt: tx.now,
          acknowledgedAt: null,
          acknowledgedBy: null,
          note: null,
          changeSeq: 0,
        });
        return { ok: true as const, value: 1 };
      });
      expect(sync).toBe(1);

      // The next morning, after a restart: yesterday's ticket still in service raises nothing.
      now += DAY;
      await hall.restart({ clock: () => now });
      expect(hall.server.alerts.runOnce()).toBe(0);
      const store = hall.server.hall.store;
      const all = store.alerts.current(0);
      const open = all.filter((a) => a.acknowledgedAt === null);
      expect(open.map((a) => a.kind)).toEqual(['sync_failed']);
      const expired = all.filter((a) => a.kind !== 'sync_failed');
      expect(expired).toHaveLength(2);
      for (const a of expired) expect(a).toMatchObject({ acknowledgedBy: null, note: 'expired' });
      const audit = store.log
        .auditSince(0, 1000)
        .filter((e) => e.command === 'system:alert-expiry');
      expect(audit).toHaveLength(1);
    } finally {
      await hall.close();
    }
  }, 30_000);
});

describe('alert:acknowledge-many', () => {
  it('acknowledges exactly the alerts named, in one change and one audit entry', async () => {
    let now = Date.UTC(2026, 10, 24, 1, 0);
    const hall = await startTestHall({ clock: () => now, seed: demoSeed(now) });
    try {
      const kiosk = await connectClient(hall.server.url, { deviceToken: 'demo-kiosk-1' });
      for (let i = 0; i < 3; i++)
        ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-invoice' }));
      now += 10 * 60_000;
      expect(hall.server.alerts.runOnce()).toBe(4); // three waits over target, one service unstaffed
      const leader = await demoStaffOn(hall.server.url, 'demo-console', '8001');
      const alerts = ok(await send(leader.socket, 'hall:snapshot', {})).alerts;
      const waits = alerts.filter((a) => a.kind === 'wait_over_target');
      expect(waits).toHaveLength(3);
      const group = waits.slice(0, 2).map((a) => a.id);

      const unknown = await send(leader.socket, 'alert:acknowledge-many', {
        alertIds: [...group, 'no-such-alert'],
      });
      expect(unknown).toMatchObject({ ok: false, code: 'not_found' });
      const clerkDesk = await connectClient(hall.server.url, { deviceToken: 'demo-desk-1' });
      const signedIn = ok(await send(clerkDesk, 'staff:sign-in', { staffNo: '1001', pin: '1001' }));
      const byClerk = await send(
        await connectClient(hall.server.url, {
          deviceToken: 'demo-desk-1',
          sessionToken: signedIn.sessionToken,
        }),
        'alert:acknowledge-many',
        { alertIds: group },
      );
      expect(byClerk).toMatchObject({ ok: false, code: 'forbidden' });

      const seqBefore = hall.server.hall.store.hall.state().seq;
      const change = nextChange(leader.socket, (c) => (c.records.alerts ?? []).length > 0);
      const done = ok(
        await send(leader.socket, 'alert:acknowledge-many', { alertIds: group, note: '已疏导' }),
      );
      expect(done.alerts.map((a) => a.id).sort()).toEqual([...group].sort());
      expect((await change).records.alerts?.map((a) => a.id).sort()).toEqual([...group].sort());
      expect(hall.server.hall.store.hall.state().seq).toBe(seqBefore + 1);

      const after = ok(await send(leader.socket, 'hall:snapshot', {})).alerts;
      const openIds = after.filter((a) => a.acknowledgedAt === null).map((a) => a.id);
      expect(openIds).toHaveLength(2);
      expect(openIds).not.toContain(group[0]);
      expect(openIds).not.toContain(group[1]);
      for (const id of group) {
        expect(after.find((a) => a.id === id)).toMatchObject({
          acknowledgedBy: 'stf-leader',
          note: '已疏导',
        });
      }
      const audit = hall.server.hall.store.log
        .auditSince(0, 1000)
        .filter((e) => e.command === 'alert:acknowledge-many' && e.result === 'ok');
      expect(audit).toHaveLength(1);

      // Acknowledged meanwhile by someone else: left as they were, the rest acknowledged.
      const again = ok(
        await send(leader.socket, 'alert:acknowledge-many', {
          alertIds: [group[0]!, waits[2]!.id],
        }),
      );
      expect(again.alerts.map((a) => a.id)).toEqual([waits[2]!.id]);
      for (const s of [kiosk, leader.socket, clerkDesk]) s.disconnect();
    } finally {
      await hall.close();
    }
  }, 30_000);
});

import { describe, expect, it } from 'vitest';
import { demoSeed } from '../app/seed';
import { connectClient, ok, send, sendRaw, startTestHall } from '../test-support/hall-harness';
import { demoStaffOn, suiteHall } from '../test-support/suite-hall';

// VIP account managers, attacked (continued from vip-routing.test.ts): a clerk asks only for
// their own VIPs' list, and a VIP held for a manager whose desk dropped off the network is
// never stranded.

const VIP = '3100000001'; // demo VIP
const MANAGER = 'stf-clerk-3'; // 陈刚, staff number 1003

const suite = suiteHall();

describe('customer:my-vips', () => {
  it('takes no staff id: another manager’s list cannot be asked for', async () => {
    const other = await demoStaffOn(suite.server.url, 'demo-desk-1', '1001');
    const ack = await sendRaw(other.socket, 'customer:my-vips', { staffId: MANAGER });
    expect(ack).toMatchObject({ ok: false, code: 'invalid_payload' });
    other.socket.disconnect();
  });

  it.each([
    { who: 'the guide', token: 'demo-guide', staffNo: '7001' },
    { who: 'back office', token: 'demo-backoffice', staffNo: '6001' },
  ])('$who is refused', async ({ token, staffNo }) => {
    const s = await demoStaffOn(suite.server.url, token, staffNo);
    expect(await send(s.socket, 'customer:my-vips', {})).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    s.socket.disconnect();
  });

  it('a kiosk is refused', async () => {
    const kiosk = await connectClient(suite.server.url, { deviceToken: 'demo-kiosk-1' });
    expect(await send(kiosk, 'customer:my-vips', {})).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    kiosk.disconnect();
  });
});

describe('the manager’s desk drops off the network', () => {
  it('a VIP waiting for it goes back to the queue after the grace time; a new one is not sent there', async () => {
    const hall = await startTestHall({ seed: demoSeed(Date.now(), { counterDropGraceSec: 1 }) });
    try {
      const url = hall.server.url;
      const admin = (await demoStaffOn(url, 'demo-console', '9000')).socket;
      ok(
        await send(admin, 'admin:save-customer', {
          accountNo: VIP,
          name: '上海某某制造有限公司',
          vip: true,
          accountManagerStaffId: MANAGER,
        }),
      );
      const kiosk = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
      const customer = { accountNo: VIP, phone: null, name: null };
      const manager = await demoStaffOn(url, 'demo-desk-3', '1003', 'ctr-3');
      const held = ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing', customer }));
      expect(held.ticket.targetCounterId).toBe('ctr-3');

      manager.socket.disconnect();
      await expect
        .poll(() => hall.server.hall.store.tickets.byId(held.ticket.id)?.targetCounterId, {
          timeout: 5000,
        })
        .toBeNull();
      expect(hall.server.hall.store.tickets.byId(held.ticket.id)).toMatchObject({
        state: 'waiting',
        priority: 'vip',
      });
      // The counter is still open in the hall's eyes, but nobody is there: not routed to it.
      // (From the guide desk: the kiosk gives an account one open VIP ticket at a time.)
      const guide = (await demoStaffOn(url, 'demo-guide', '7001')).socket;
      const next = ok(await send(guide, 'ticket:issue', { serviceId: 'svc-billing', customer }));
      expect(next.ticket).toMatchObject({ priority: 'vip', targetCounterId: null });
      const alerts = hall.server.hall.store.alerts
        .current(0)
        .filter((a: { ticketId: string | null }) => a.ticketId === next.ticket.id);
      expect(alerts).toEqual([expect.objectContaining({ kind: 'vip_arrived', staffId: MANAGER })]);
      for (const s of [admin, kiosk, guide]) s.disconnect();
    } finally {
      await hall.close();
    }
  });
});

import type { HallChange } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { billBarcode } from './domain/identify';
import { ok, send } from './test-support/hall-harness';
import { suiteHall, visitWithCase, type SignedInStaff } from './test-support/suite-hall';

// First-handler routing over real sockets (docs/vip-account-managers.md, "First-handler
// routing"): a customer with an open case comes back; identified at the kiosk by their bill,
// their ticket waits for the case owner's open counter, is next there and nowhere else, and
// goes back to the queue if the owner pauses. The guide desk routes by the account number or
// phone it types; the case owner comes before a VIP's account manager.

const ACCOUNT = '3100000401';
const PHONE = '13900004001';
const OWNER = 'stf-clerk-2'; // 张丽, 1002, at counter 2 (svc-billing, svc-fault)

const suite = suiteHall();
const store = () => suite.server.hall.store;
let owner: SignedInStaff;
let other: SignedInStaff; // 周强 at counter 5: serves svc-fault too

async function scanAndIssue(kiosk: Awaited<ReturnType<typeof suite.device>>, serviceId: string) {
  const found = ok(
    await send(kiosk, 'customer:identify', {
      source: 'barcode',
      value: billBarcode(ACCOUNT, '2026-11'),
    }),
  );
  return ok(await send(kiosk, 'ticket:issue', { serviceId, identityToken: found.identityToken! }));
}

async function serveNext(clerk: SignedInStaff): Promise<string> {
  const { ticket } = ok(await send(clerk.socket, 'ticket:call-next', {}));
  ok(await send(clerk.socket, 'ticket:start', { ticketId: ticket.id }));
  ok(await send(clerk.socket, 'ticket:finish', { ticketId: ticket.id, outcome: 'completed' }));
  return ticket.id;
}

describe('first-handler routing', () => {
  it('a bill scanned at the kiosk: the ticket waits for the case owner’s counter and is next there only', async () => {
    owner = await suite.staffOn('demo-desk-2', '1002', 'ctr-2');
    const kiosk = await suite.device('demo-kiosk-1');
    const opened = await visitWithCase(kiosk, owner.socket, {
      serviceId: 'svc-fault',
      customer: { accountNo: ACCOUNT, phone: PHONE, name: null },
      caseTypeId: 'ct-fault',
      summary: '表箱漏电',
    });
    expect(opened).toMatchObject({ ownerStaffId: OWNER, state: 'open' });
    other = await suite.staffOn('demo-desk-5', '1005', 'ctr-5');

    const issued = await scanAndIssue(kiosk, 'svc-fault');
    expect(issued.ticket).toMatchObject({ priority: 'normal', targetCounterId: 'ctr-2' });
    expect(issued.accountManager).toEqual({ name: '张*', counterNumber: 2, role: 'case_owner' });
    expect(store().tickets.byId(issued.ticket.id)).toMatchObject({
      customer: { accountNo: ACCOUNT },
      stateReason: 'case_owner',
    });
    // Another counter of the service does not call it; the owner's calls it.
    const elsewhere = await send(other.socket, 'ticket:call-next', {});
    expect(elsewhere).toMatchObject({ ok: false, code: 'queue_empty' });
    expect(await serveNext(owner)).toBe(issued.ticket.id);
  });

  it('the owner pauses: the held ticket goes back to the queue, its place kept, and another counter calls it', async () => {
    const kiosk = await suite.device('demo-kiosk-1');
    const issued = await scanAndIssue(kiosk, 'svc-fault');
    expect(issued.ticket.targetCounterId).toBe('ctr-2');
    ok(await send(owner.socket, 'counter:pause', { reason: 'break' }));
    expect(store().tickets.byId(issued.ticket.id)).toMatchObject({
      state: 'waiting',
      targetCounterId: null,
      stateReason: null,
      queuedAt: issued.ticket.queuedAt,
    });
    expect(
      store()
        .tickets.path(issued.ticket.id)
        .map((p) => p.reason),
    ).toContain('case_owner_away');
    expect(await serveNext(other)).toBe(issued.ticket.id);

    // While the owner is paused, the customer is queued as anyone (no greeting), and the owner
    // is told on their desk that their case's customer is here (the console sees it too).
    const addressed: string[] = [];
    owner.socket.on('hall:changed', (c: HallChange) =>
      addressed.push(...(c.records.alerts ?? []).map((a) => `${a.kind}:${a.ticketId}`)),
    );
    const away = await scanAndIssue(kiosk, 'svc-fault');
    expect(away.ticket.targetCounterId).toBeNull();
    expect(away.accountManager).toBeUndefined();
    const told = store()
      .alerts.current(0)
      .filter((a) => a.kind === 'case_customer_arrived');
    expect(told).toMatchObject([{ ticketId: away.ticket.id, staffId: OWNER }]);
    await expect.poll(() => addressed).toContain(`case_customer_arrived:${away.ticket.id}`);
    // The owner dismisses it on their desk (they may: it is addressed to them).
    ok(await send(owner.socket, 'alert:acknowledge', { alertId: told[0]!.id }));
    expect(await serveNext(other)).toBe(away.ticket.id);
    ok(await send(owner.socket, 'counter:open', {}));
  });

  it('the guide desk routes by the phone it types', async () => {
    const guide = (await suite.staffOn('demo-guide', '7001')).socket;
    const issued = ok(
      await send(guide, 'ticket:issue', {
        serviceId: 'svc-fault',
        customer: { accountNo: null, phone: PHONE, name: null },
      }),
    );
    expect(issued.ticket.targetCounterId).toBe('ctr-2');
    expect(issued.accountManager).toEqual({ name: '张*', counterNumber: 2, role: 'case_owner' });
    expect(await serveNext(owner)).toBe(issued.ticket.id);
  });

  it('a service the case is not about is queued as anyone’s', async () => {
    const kiosk = await suite.device('demo-kiosk-1');
    const issued = await scanAndIssue(kiosk, 'svc-billing');
    expect(issued.ticket.targetCounterId).toBeNull();
  });
  it('the case owner comes before a VIP’s account manager, who keeps the other services', async () => {
    const admin = (await suite.staffOn('demo-console', '9000')).socket;
    ok(
      await send(admin, 'admin:save-customer', {
        accountNo: ACCOUNT,
        name: '上海某某五金厂',
        phone: null,
        vip: true,
        accountManagerStaffId: 'stf-clerk-3',
      }),
    );
    const manager = await suite.staffOn('demo-desk-3', '1003', 'ctr-3');
    const guide = (await suite.staffOn('demo-guide', '7001')).socket;
    const customer = { accountNo: ACCOUNT, phone: null, name: null };
    const fault = ok(await send(guide, 'ticket:issue', { serviceId: 'svc-fault', customer }));
    expect(fault.ticket).toMatchObject({ priority: 'vip', targetCounterId: 'ctr-2' });
    expect(fault.accountManager).toEqual({ name: '张*', counterNumber: 2, role: 'case_owner' });
    const connection = ok(
      await send(guide, 'ticket:issue', { serviceId: 'svc-connection', customer }),
    );
    expect(connection.ticket).toMatchObject({ priority: 'vip', targetCounterId: 'ctr-3' });
    expect(connection.accountManager).toEqual({ name: '陈*', counterNumber: 3 });
    // Served where they wait; the owner was told nothing (at the counter), nor the manager.
    expect(await serveNext(owner)).toBe(fault.ticket.id);
    expect(await serveNext(manager)).toBe(connection.ticket.id);
    expect(
      store()
        .alerts.current(0)
        .filter((a) => a.kind === 'vip_arrived'),
    ).toEqual([]);
  });

  it('an owner away who is also the VIP’s manager is told once, by the case’s alert', async () => {
    const admin = (await suite.staffOn('demo-console', '9000')).socket;
    const customer = (accountManagerStaffId: string) =>
      send(admin, 'admin:save-customer', {
        accountNo: ACCOUNT,
        name: '上海某某五金厂',
        phone: null,
        vip: true,
        accountManagerStaffId,
      });
    ok(await customer(OWNER));
    ok(await send(owner.socket, 'counter:pause', { reason: 'break' }));
    const issued = await scanAndIssue(await suite.device('demo-kiosk-1'), 'svc-fault');
    const about = store()
      .alerts.current(0)
      .filter((a) => a.ticketId === issued.ticket.id);
    expect(about.map((a) => [a.kind, a.staffId])).toEqual([['case_customer_arrived', OWNER]]);
    expect(await serveNext(other)).toBe(issued.ticket.id);
    ok(await send(owner.socket, 'counter:open', {}));
    ok(await customer('stf-clerk-3'));
  });

  it('an appointment checked in by its code waits for the case owner too; by a typed phone, it does not', async () => {
    const guide = (await suite.staffOn('demo-guide', '7001')).socket;
    const kiosk = await suite.device('demo-kiosk-1');
    const book = async () =>
      ok(
        await send(guide, 'appointment:create', {
          serviceId: 'svc-fault',
          customer: { accountNo: ACCOUNT, phone: PHONE, name: null },
          windowStart: Date.now() - 600_000,
          windowEnd: Date.now() + 3_000_000,
        }),
      ).appointment;
    const byCode = ok(await send(kiosk, 'appointment:check-in', { code: (await book()).code }));
    expect(byCode.ticket).toMatchObject({ priority: 'appointment', targetCounterId: 'ctr-2' });
    expect(byCode.accountManager).toEqual({ name: '张*', counterNumber: 2, role: 'case_owner' });
    expect(store().tickets.byId(byCode.ticket.id)?.stateReason).toBe('case_owner');
    expect(await serveNext(owner)).toBe(byCode.ticket.id);

    // A phone typed at the kiosk is anyone's to type: no case owner named, none routed to.
    await book();
    const byPhone = ok(await send(kiosk, 'appointment:check-in', { phone: PHONE }));
    expect(byPhone.ticket.targetCounterId).not.toBe('ctr-2');
    expect(byPhone.accountManager?.role).not.toBe('case_owner');
  });
});

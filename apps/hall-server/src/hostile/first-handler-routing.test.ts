import { describe, expect, it } from 'vitest';
import { billBarcode } from '../domain/identify';
import { ok, send } from '../test-support/hall-harness';
import { suiteHall, visitWithCase, type SignedInStaff } from '../test-support/suite-hall';

// First-handler routing (docs/vip-account-managers.md, "First-handler routing"), attacked. A
// routed ticket jumps the queue at the case owner's counter and the kiosk names the owner
// (masked) and the counter: so a kiosk routes only a customer it identified (bill, ID card),
// never a typed account number or phone (anyone's to type: guessing them would tell who has an
// open case with whom, and jump the queue); and one bill scanned again and again gets one
// routed ticket per service at a time, not a queue jump (and a ring of the owner) each time.

const ACCOUNT = '3100000501';
const PHONE = '13900005001';

const suite = suiteHall();
let owner: SignedInStaff;

async function withOpenCase() {
  owner = await suite.staffOn('demo-desk-2', '1002', 'ctr-2'); // 张丽: svc-billing, svc-fault
  const kiosk = await suite.device('demo-kiosk-1');
  await visitWithCase(kiosk, owner.socket, {
    serviceId: 'svc-fault',
    customer: { accountNo: ACCOUNT, phone: PHONE, name: null },
    caseTypeId: 'ct-fault',
    summary: '表箱漏电',
  });
}

const alertsNow = () => suite.server.hall.store.alerts.current(0).length;

describe('first-handler routing, attacked', () => {
  it('a typed account number or phone at the kiosk routes nowhere and names nobody', async () => {
    await withOpenCase();
    const kiosk = await suite.device('demo-kiosk-1');
    const alerts = alertsNow();
    const typed = [
      { accountNo: ACCOUNT, phone: null, name: null },
      { accountNo: null, phone: PHONE, name: null },
      { accountNo: ACCOUNT, phone: PHONE, name: null },
      // guesses around it: told exactly what the real one is told
      ...[0, 2, 3].map((n) => ({ accountNo: `310000050${n}`, phone: null, name: null })),
    ];
    for (const customer of typed) {
      const ack = ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-fault', customer }));
      expect(ack.ticket.targetCounterId).toBeNull();
      expect(ack.accountManager).toBeUndefined();
      const told = JSON.stringify(ack);
      expect(told).not.toContain('张');
      expect(told).not.toContain('case_owner');
      expect(told).not.toContain('ctr-2');
    }
    expect(alertsNow()).toBe(alerts); // nobody rung
    // Those tickets are anyone's: another counter of the service calls them.
    const other = await suite.staffOn('demo-desk-5', '1005', 'ctr-5');
    const guide = (await suite.staffOn('demo-guide', '7001')).socket;
    for (let i = 0; i < typed.length; i++) {
      const { ticket } = ok(await send(other.socket, 'ticket:call-next', {}));
      ok(await send(guide, 'ticket:cancel', { ticketId: ticket.id, reason: '测试清理' }));
    }
  });

  it('the bill scanned again while its routed ticket is open: an ordinary ticket', async () => {
    const kiosk = await suite.device('demo-kiosk-1');
    const scanned = async () => {
      const found = ok(
        await send(kiosk, 'customer:identify', {
          source: 'barcode',
          value: billBarcode(ACCOUNT, '2026-11'),
        }),
      );
      return ok(
        await send(kiosk, 'ticket:issue', {
          serviceId: 'svc-fault',
          identityToken: found.identityToken!,
        }),
      );
    };
    const first = await scanned();
    expect(first.ticket.targetCounterId).toBe('ctr-2');
    // The kiosk's copy carries neither the whole account nor the hold's mark.
    expect(first.ticket).toMatchObject({
      stateReason: null,
      customer: { accountNo: '******0501' },
    });
    const again = await scanned();
    expect(again.ticket.targetCounterId).toBeNull();
    expect(again.accountManager).toBeUndefined();
    // Once the first is served, the next scan is routed again.
    const { ticket } = ok(await send(owner.socket, 'ticket:call-next', {}));
    expect(ticket.id).toBe(first.ticket.id);
    ok(await send(owner.socket, 'ticket:start', { ticketId: ticket.id }));
    ok(await send(owner.socket, 'ticket:finish', { ticketId: ticket.id, outcome: 'completed' }));
    const guide = (await suite.staffOn('demo-guide', '7001')).socket;
    ok(await send(guide, 'ticket:cancel', { ticketId: again.ticket.id, reason: '测试清理' }));
    expect((await scanned()).ticket.targetCounterId).toBe('ctr-2');
  });

  it('a counter the guide names, or the green channel, comes before the case owner', async () => {
    const guide = (await suite.staffOn('demo-guide', '7001')).socket;
    const customer = { accountNo: ACCOUNT, phone: null, name: null };
    const named = ok(
      await send(guide, 'ticket:issue', {
        serviceId: 'svc-fault',
        customer,
        targetCounterId: 'ctr-5',
      }),
    );
    expect(named.ticket.targetCounterId).toBe('ctr-5');
    expect(named.accountManager).toBeUndefined();
    const green = ok(
      await send(guide, 'ticket:issue', {
        serviceId: 'svc-fault',
        customer,
        priority: 'priority',
        priorityReason: 'elderly',
      }),
    );
    expect(green.ticket).toMatchObject({ priority: 'priority', targetCounterId: null });
  });
});

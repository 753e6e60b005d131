import { maskName } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { billBarcode, idCheckChar } from './domain/identify';
import { ok, send } from './test-support/hall-harness';
import { suiteHall } from './test-support/suite-hall';

// Customer identification over real sockets (docs/customer-identification.md): a bill scanned
// at the kiosk or a registered ID card read by its reader gives an identity token that
// `ticket:issue` spends in place of a typed account number, and the customer is routed exactly
// as if typed (a VIP to their account manager's open counter); staff at a desk are told the
// account itself.

const VIP = '3100000101';
const MANAGER = 'stf-clerk-3'; // 陈刚, 1003, at counter 3 (svc-connection, svc-account)
const ID = `110105199003070${'01'}`; // completed with its check character below
const ID_NUMBER = ID + idCheckChar(ID);
const OTHER_ID = '44030619900307123' + idCheckChar('44030619900307123');

const suite = suiteHall();
const accountOf = (ticketId: string) =>
  suite.server.hall.store.tickets.byId(ticketId)?.customer.accountNo;

describe('customer identification', () => {
  it('the admin registers an ID card for a VIP: only its last four are ever shown', async () => {
    const admin = (await suite.staffOn('demo-console', '9000')).socket;
    ok(
      await send(admin, 'admin:save-customer', {
        accountNo: VIP,
        name: '上海某某制造有限公司',
        phone: null,
        vip: true,
        accountManagerStaffId: MANAGER,
      }),
    );
    const registered = ok(
      await send(admin, 'admin:register-id-card', {
        accountNo: VIP,
        idNumber: ID_NUMBER.toLowerCase(),
      }),
    );
    expect(registered).toEqual({ accountNo: VIP, idCardLast4: ID_NUMBER.slice(-4) });
    const cards = ok(await send(admin, 'admin:id-cards', { accountNos: [VIP, '3100000102'] }));
    expect(cards.last4).toEqual({ [VIP]: ID_NUMBER.slice(-4) });
    const list = ok(await send(admin, 'admin:customers', { search: VIP }));
    expect(JSON.stringify(list)).not.toContain(ID_NUMBER);
    expect(JSON.stringify(list)).not.toContain('id_card');
  });

  it('a bill scanned at the kiosk: the VIP takes a number without typing and waits for the manager', async () => {
    await suite.staffOn('demo-desk-3', '1003', 'ctr-3');
    const kiosk = await suite.device('demo-kiosk-1');
    const found = ok(
      await send(kiosk, 'customer:identify', {
        source: 'barcode',
        value: billBarcode(VIP, '2026-11'),
      }),
    );
    expect(found).toMatchObject({
      found: true,
      vip: true,
      name: maskName('上海某某制造有限公司'),
      accountNo: null, // a kiosk is not told the account
      accountLast4: '0101',
      billMonth: '2026-11',
    });
    expect(found.identityToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const issued = ok(
      await send(kiosk, 'ticket:issue', {
        serviceId: 'svc-connection',
        identityToken: found.identityToken!,
      }),
    );
    // Exactly as a typed account number: VIP priority, held for the manager's counter.
    expect(issued.ticket).toMatchObject({
      priority: 'vip',
      targetCounterId: 'ctr-3',
      customer: { accountNo: '******0101' }, // masked for the kiosk, whole in the hall
    });
    expect(accountOf(issued.ticket.id)).toBe(VIP);
    expect(issued.accountManager).toEqual({ name: '陈*', counterNumber: 3 });
  });

  it('an ID card read at the kiosk: the account is found but never told to the kiosk', async () => {
    const kiosk = await suite.device('demo-kiosk-1');
    const found = ok(
      await send(kiosk, 'customer:identify', { source: 'id_card', value: ID_NUMBER }),
    );
    // The VIP already holds an open VIP ticket: this one is ordinary, greeted as nobody.
    expect(found).toMatchObject({
      found: true,
      vip: false,
      name: null,
      accountNo: null,
      accountLast4: null,
      billMonth: null,
    });
    const issued = ok(
      await send(kiosk, 'ticket:issue', {
        serviceId: 'svc-billing',
        identityToken: found.identityToken!,
      }),
    );
    expect(issued.ticket).toMatchObject({
      priority: 'normal',
      customer: { accountNo: '******0101' },
    });
    expect(accountOf(issued.ticket.id)).toBe(VIP);
    // A card nobody registered: not found, no token.
    const unknown = ok(
      await send(kiosk, 'customer:identify', { source: 'id_card', value: OTHER_ID }),
    );
    expect(unknown).toEqual({
      found: false,
      vip: false,
      name: null,
      identityToken: null,
      expiresAt: null,
      accountNo: null,
      accountLast4: null,
      billMonth: null,
    });
  });

  it('staff at a desk are told the account and the name; a QR code works as a bill', async () => {
    const guide = (await suite.staffOn('demo-guide', '7001')).socket;
    const qr = ok(
      await send(guide, 'customer:identify', {
        source: 'qr',
        value: `https://95598.example.cn/bill?account=${VIP}&month=202611`,
      }),
    );
    expect(qr).toMatchObject({
      found: true,
      accountNo: VIP,
      name: '上海某某制造有限公司',
      vip: true,
    });
    const clerk = (await suite.staffOn('demo-desk-1', '1001', 'ctr-1')).socket;
    const plain = ok(
      await send(clerk, 'customer:identify', { source: 'barcode', value: '3100000555' }),
    );
    // Not on the hall's list: still the account the bill names (cases and visits are kept by it).
    expect(plain).toMatchObject({ found: true, accountNo: '3100000555', name: null, vip: false });
  });

  it('an identity token and a typed account number together are refused', async () => {
    const kiosk = await suite.device('demo-kiosk-1');
    const found = ok(await send(kiosk, 'customer:identify', { source: 'barcode', value: VIP }));
    const both = await send(kiosk, 'ticket:issue', {
      serviceId: 'svc-billing',
      identityToken: found.identityToken!,
      customer: { accountNo: '3100000999', phone: null, name: null },
    });
    expect(both).toMatchObject({ ok: false, code: 'invalid_payload' });
  });
});

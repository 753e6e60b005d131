import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallChange } from '@onestop/shared';
import { demoSeed } from './app/seed';
import {
  connectClient,
  http,
  nextChange,
  ok,
  send,
  startTestHall,
  type TestHall,
} from './test-support/hall-harness';
import { demoStaffOn } from './test-support/suite-hall';

// The hall-facing posts over real sockets and HTTP: VIP recognition, the phone status page,
// appointments, the supervision box, the display's notice line, queues and ticket search.

const MIN = 60_000;

describe('the kiosk and the guide desk', () => {
  let hall: TestHall;
  beforeAll(async () => {
    hall = await startTestHall();
  });
  afterAll(async () => {
    await hall.close();
  });

  it('recognises a VIP by account number and keeps the green channel', async () => {
    const kiosk = await connectClient(hall.server.url, { deviceToken: 'demo-kiosk-1' });
    const lookup = ok(await send(kiosk, 'customer:lookup', { accountNo: '3100000002' }));
    expect(lookup).toEqual({ found: true, vip: true, name: '钱***' });
    const vip = ok(
      await send(kiosk, 'ticket:issue', {
        serviceId: 'svc-billing',
        customer: { accountNo: '3100000002', phone: null, name: null },
      }),
    );
    expect(vip.ticket.priority).toBe('vip');
    expect(vip.ticket.customer.accountNo).toBe('******0002'); // the kiosk sees it masked
    const plain = ok(
      await send(kiosk, 'ticket:issue', {
        serviceId: 'svc-billing',
        customer: { accountNo: '3100000003', phone: null, name: null },
      }),
    );
    expect(plain.ticket.priority).toBe('normal');
    const green = ok(
      await send(kiosk, 'ticket:issue', {
        serviceId: 'svc-billing',
        priority: 'priority',
        priorityReason: 'elderly',
      }),
    );
    expect(green.ticket.priority).toBe('priority');

    // While that VIP ticket is open the kiosk greets nobody for the account (one at a time).
    expect(ok(await send(kiosk, 'customer:lookup', { accountNo: '3100000002' }))).toEqual({
      found: false,
      vip: false,
      name: null,
    });
    expect(ok(await send(kiosk, 'customer:lookup', { accountNo: '9999999999' }))).toEqual({
      found: false,
      vip: false,
      name: null,
    });
    kiosk.disconnect();
  });

  it('gives each ticket a status page only its token opens, updated as it is called', async () => {
    const url = hall.server.url;
    const kiosk = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
    const issued = ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-invoice' }));
    const path = `/api/v1/ticket/status?ticketId=${issued.ticket.id}&token=${issued.statusToken}`;

    const waiting = await http(url, 'GET', path); // no device token: the customer's own phone
    expect(waiting.status).toBe(200);
    expect(waiting.body.data).toMatchObject({
      number: issued.ticket.number,
      state: 'waiting',
      peopleAhead: 0,
      counter: null,
      serviceNameZh: '发票打印',
    });
    expect(JSON.stringify(waiting.body)).not.toMatch(/customer|phone|accountNo/);

    const forged = await http(
      url,
      'GET',
      `/api/v1/ticket/status?ticketId=${issued.ticket.id}&token=AAAAAAAAAAAAAAAAAAAAAA`,
    );
    expect([forged.status, forged.body.code]).toEqual([404, 'not_found']);

    const clerk = await demoStaffOn(url, 'demo-desk-1', '1001', 'ctr-1');
    ok(await send(clerk.socket, 'ticket:call', { ticketId: issued.ticket.id }));
    const called = await http(url, 'GET', path);
    expect(called.body.data).toMatchObject({
      state: 'called',
      counter: { number: 1, name: '1号窗口' },
    });
    ok(await send(clerk.socket, 'ticket:return', { ticketId: issued.ticket.id }));
    ok(await send(clerk.socket, 'counter:close', {}));
    clerk.socket.disconnect();
    kiosk.disconnect();
  });

  it('finds today’s tickets by number or phone for the guide, with a reprintable token', async () => {
    const url = hall.server.url;
    const guide = await demoStaffOn(url, 'demo-guide', '7001');
    const issued = ok(
      await send(guide.socket, 'ticket:issue', {
        serviceId: 'svc-account',
        customer: { phone: '13712345678', accountNo: null, name: '周先生' },
        note: '带好身份证原件',
        targetCounterId: 'ctr-3',
      }),
    );
    expect(issued.ticket).toMatchObject({ note: '带好身份证原件', targetCounterId: 'ctr-3' });
    const byNumber = ok(
      await send(guide.socket, 'ticket:find', { number: issued.ticket.number.toLowerCase() }),
    );
    expect(byNumber.results.map((r) => r.ticket.id)).toEqual([issued.ticket.id]);
    expect(byNumber.results[0]!.statusToken).toBe(issued.statusToken);
    const byPhone = ok(await send(guide.socket, 'ticket:find', { phone: '13712345678' }));
    expect(byPhone.results.map((r) => r.ticket.id)).toEqual([issued.ticket.id]);
    const neither = await send(guide.socket, 'ticket:find', {});
    expect(neither).toMatchObject({ ok: false, code: 'invalid_payload' });

    const queues = ok(await send(guide.socket, 'hall:queues', {}));
    const account = queues.queues.find((q) => q.serviceId === 'svc-account')!;
    expect(account).toMatchObject({ waiting: 1, targetWaitSec: 900 });
    // No counter is open for it: the queue says so instead of promising a wait (issue 15).
    expect(account).toMatchObject({ openCounters: 0, noCounterOpen: true });
    guide.socket.disconnect();
  });

  it('takes supervision-box opinions to the duty leader, never to public screens', async () => {
    const url = hall.server.url;
    const kiosk = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
    const display = await connectClient(url, { deviceToken: 'demo-display-1' });
    const leader = await demoStaffOn(url, 'demo-console', '8001');
    const toLeader = nextChange(leader.socket, (c) => (c.records.opinions ?? []).length > 0);
    const toDisplay: HallChange[] = [];
    display.on('hall:changed', (c) => toDisplay.push(c));
    const submitted = ok(
      await send(kiosk, 'opinion:submit', {
        category: 'complaint',
        text: '等候区空调太冷',
        contact: '13800001111',
      }),
    );
    expect(submitted.opinion).toMatchObject({ state: 'open', source: 'kiosk' });
    expect((await toLeader).records.opinions?.[0]?.text).toBe('等候区空调太冷');
    // Nothing of it is on a public screen, so the display is sent nothing at all.
    const noticed = nextChange(display, (c) => c.records.config !== undefined);
    ok(await send(leader.socket, 'hall:set-notice', { text: '今日办理电费缴纳' }));
    await noticed;
    expect(toDisplay.filter((c) => c.records.config === undefined)).toEqual([]);
    ok(await send(leader.socket, 'hall:set-notice', { text: '' }));

    const leaderView = ok(await send(leader.socket, 'hall:snapshot', {}));
    expect(leaderView.opinions.map((o) => o.id)).toContain(submitted.opinion.id);
    const displayView = ok(await send(display, 'hall:snapshot', {}));
    expect(displayView.opinions).toEqual([]);
    expect(displayView.appointments).toEqual([]);

    const tooShort = await send(kiosk, 'opinion:submit', { category: 'complaint', text: ' ' });
    expect(tooShort).toMatchObject({ ok: false, code: 'invalid_payload' });
    for (const s of [kiosk, display, leader.socket]) s.disconnect();
  });

  it('puts the duty leader’s notice on every display, and clears it', async () => {
    const url = hall.server.url;
    const display = await connectClient(url, { deviceToken: 'demo-display-1' });
    const leader = await demoStaffOn(url, 'demo-console', '8001');
    const shown = nextChange(display, (c) => c.records.config !== undefined);
    ok(await send(leader.socket, 'hall:set-notice', { text: '今日16:00后暂停业扩报装受理' }));
    expect((await shown).records.config?.notice).toBe('今日16:00后暂停业扩报装受理');
    const cleared = nextChange(display, (c) => c.records.config !== undefined);
    ok(await send(leader.socket, 'hall:set-notice', { text: '' }));
    expect((await cleared).records.config?.notice).toBeNull();
    const guideTry = await demoStaffOn(url, 'demo-guide', '7001');
    expect(await send(guideTry.socket, 'hall:set-notice', { text: 'x' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    for (const s of [display, leader.socket, guideTry.socket]) s.disconnect();
  });
});

describe('appointments', () => {
  // 2026-11-24 09:50 in Shanghai.
  const morning = Date.UTC(2026, 10, 24, 1, 50);
  let now = morning;
  let hall: TestHall;
  beforeAll(async () => {
    hall = await startTestHall({ clock: () => now, seed: demoSeed(morning) });
  });
  afterAll(async () => {
    await hall.close();
  });

  async function book(windowStart: number, phone = '13600000000') {
    const res = await http(hall.server.url, 'POST', '/api/v1/appointment/create', {
      deviceToken: 'demo-website',
      body: {
        commandId: `book-${windowStart}-${phone}`,
        serviceId: 'svc-connection',
        customer: { phone, accountNo: null, name: '吴先生' },
        windowStart,
        windowEnd: windowStart + 30 * MIN,
      },
    });
    expect(res.status).toBe(200);
    return (res.body.data as { appointment: { id: string; code: string } }).appointment;
  }

  it('are booked over HTTP by the website and checked in at the kiosk with their priority', async () => {
    const tenOClock = morning + 10 * MIN;
    const appointment = await book(tenOClock);
    expect(appointment.code).toMatch(/^\d{6}$/);
    const kiosk = await connectClient(hall.server.url, { deviceToken: 'demo-kiosk-1' });
    const checkedIn = ok(await send(kiosk, 'appointment:check-in', { code: appointment.code }));
    expect(checkedIn).toMatchObject({ onTime: true, appointment: { state: 'checked_in' } });
    expect(checkedIn.ticket).toMatchObject({ priority: 'appointment', source: 'appointment' });
    expect(checkedIn.appointment.customer.phone).toBe('136****0000');
    expect(await send(kiosk, 'appointment:check-in', { code: appointment.code })).toMatchObject({
      ok: false,
      code: 'appointment_not_found',
    });
    kiosk.disconnect();
  });

  it('route a VIP checking in to the account manager’s open counter, as at the kiosk', async () => {
    const url = hall.server.url;
    const admin = (await demoStaffOn(url, 'demo-console', '9000')).socket;
    const vip = { accountNo: '3100000009', phone: '13655556666', name: '大客户' };
    ok(
      await send(admin, 'admin:save-customer', {
        ...vip,
        vip: true,
        accountManagerStaffId: 'stf-clerk-3',
      }),
    );
    const res = await http(url, 'POST', '/api/v1/appointment/create', {
      deviceToken: 'demo-website',
      body: {
        commandId: 'book-vip',
        serviceId: 'svc-connection',
        customer: vip,
        windowStart: morning + 20 * MIN,
        windowEnd: morning + 50 * MIN,
      },
    });
    expect(res.status).toBe(200);
    const { code } = (res.body.data as { appointment: { code: string } }).appointment;
    // The manager away: appointment priority kept, the manager told on their desk.
    const kiosk = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
    const away = ok(await send(kiosk, 'appointment:check-in', { code }));
    expect(away.ticket).toMatchObject({ priority: 'appointment', targetCounterId: null });
    const alerts = hall.server.hall.store.alerts.current(0);
    expect(
      alerts.find((a) => a.kind === 'vip_arrived' && a.ticketId === away.ticket.id),
    ).toMatchObject({
      staffId: 'stf-clerk-3',
    });
    // The manager at counter 3: the next check-in waits for that counter.
    const manager = await demoStaffOn(url, 'demo-desk-3', '1003', 'ctr-3');
    const again = await http(url, 'POST', '/api/v1/appointment/create', {
      deviceToken: 'demo-website',
      body: {
        commandId: 'book-vip-2',
        serviceId: 'svc-connection',
        customer: vip,
        windowStart: morning + 25 * MIN,
        windowEnd: morning + 55 * MIN,
      },
    });
    const code2 = (again.body.data as { appointment: { code: string } }).appointment.code;
    const routed = ok(await send(kiosk, 'appointment:check-in', { code: code2 }));
    expect(routed.ticket).toMatchObject({ priority: 'appointment', targetCounterId: 'ctr-3' });
    for (const s of [kiosk, admin, manager.socket]) s.disconnect();
  });

  it('refuse a check-in far too early; a late one gets an ordinary ticket; by phone too', async () => {
    const kiosk = await connectClient(hall.server.url, { deviceToken: 'demo-kiosk-1' });
    const afternoon = await book(morning + 5 * 60 * MIN, '13611112222');
    expect(await send(kiosk, 'appointment:check-in', { code: afternoon.code })).toMatchObject({
      ok: false,
      code: 'appointment_too_early',
    });
    now = morning + 6 * 60 * MIN; // after its window, same day
    const late = ok(await send(kiosk, 'appointment:check-in', { phone: '13611112222' }));
    expect(late).toMatchObject({ onTime: false, ticket: { priority: 'normal' } });
    kiosk.disconnect();
  });

  it('refuse a window in the past and a booking from a kiosk', async () => {
    const past = await http(hall.server.url, 'POST', '/api/v1/appointment/create', {
      deviceToken: 'demo-website',
      body: {
        commandId: 'book-in-the-past',
        serviceId: 'svc-connection',
        customer: { phone: '13600000009' },
        windowStart: morning - 120 * MIN,
        windowEnd: morning - 90 * MIN,
      },
    });
    expect([past.status, past.body.code]).toEqual([400, 'invalid_payload']);
    const fromKiosk = await http(hall.server.url, 'POST', '/api/v1/appointment/create', {
      deviceToken: 'demo-kiosk-1',
      body: {
        commandId: 'book-from-kiosk',
        serviceId: 'svc-connection',
        customer: { phone: '13600000009' },
        windowStart: now + 60 * MIN,
        windowEnd: now + 90 * MIN,
      },
    });
    expect([fromKiosk.status, fromKiosk.body.code]).toEqual([403, 'forbidden']);
  });
});

describe('business hours', () => {
  it('the kiosk issues only while the hall is open; the guide still can; the admin sets them', async () => {
    // 2026-11-24 18:00 in Shanghai (10:00 UTC): after a 08:30–17:30 day.
    let now = Date.parse('2026-11-24T10:00:00.000Z');
    const hall = await startTestHall({ clock: () => now });
    try {
      const url = hall.server.url;
      const kiosk = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
      const admin = await demoStaffOn(url, 'demo-backoffice', '9000');
      // No hours set: the kiosk issues at any time.
      ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' }));

      expect(
        await send(admin.socket, 'admin:configure', {
          settings: { businessHours: { open: '17:30', close: '08:30' } },
        }),
      ).toMatchObject({ ok: false, code: 'invalid_payload' });
      ok(
        await send(admin.socket, 'admin:configure', {
          settings: { businessHours: { open: '08:30', close: '17:30' } },
        }),
      );
      const before = ok(await send(kiosk, 'hall:snapshot', {})).tickets.length;
      const refused = await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' });
      expect(refused).toMatchObject({ ok: false, code: 'hall_closed' });
      if (!refused.ok) expect(refused.message).toContain('08:30–17:30');
      expect(ok(await send(kiosk, 'hall:snapshot', {})).tickets).toHaveLength(before);

      const guide = await demoStaffOn(url, 'demo-guide', '7001');
      ok(await send(guide.socket, 'ticket:issue', { serviceId: 'svc-billing', note: '已在厅内' }));

      now = Date.parse('2026-11-25T01:00:00.000Z'); // 09:00 the next morning
      ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' }));
      kiosk.disconnect();
      admin.socket.disconnect();
      guide.socket.disconnect();
    } finally {
      await hall.close();
    }
  });
});

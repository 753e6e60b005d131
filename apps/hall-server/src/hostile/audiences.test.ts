import type { HallChange } from '@onestop/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectClient,
  http,
  ok,
  send,
  startTestHall,
  type HallClient,
  type TestHall,
} from '../test-support/hall-harness';
import { demoStaffOn } from '../test-support/suite-hall';

// Each audience gets only what its screen shows. Customer-facing devices (kiosk, display, pad, a
// desk nobody is signed in on, the phone status page) see no staff number (a pad: its own
// counter's clerk's only), no staff roles, none of the staff's free text (reasons, notes, a
// ticket's business items), and
// customer data masked; a kiosk learns at most about the customer standing at it.

const PHONE = '13812349876';
const ACCOUNT = '31999988887777';
const MARKERS = [
  'NOTE-MARKER-1',
  'REASON-MARKER-2',
  'REASON-MARKER-3',
  'REASON-MARKER-4',
  'ITEMS-MARKER-5', // a finished ticket's business items: the clerk's free text
];

let hall: TestHall;
beforeAll(async () => {
  hall = await startTestHall();
});
afterAll(() => hall.close());

/** Every value under `key` anywhere in `value`. */
function valuesOf(value: unknown, key: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const v of value) valuesOf(v, key, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === key) out.push(v);
      valuesOf(v, key, out);
    }
  }
  return out;
}

function expectNothingPrivate(label: string, seen: unknown, ownClerkNo: string | null = null) {
  const text = JSON.stringify(seen);
  const roles = valuesOf(seen, 'roles').filter((v) => !Array.isArray(v) || v.length > 0);
  expect(roles, `${label}: roles`).toEqual([]);
  const staffNos = valuesOf(seen, 'staffNo').filter((v) => v !== '' && v !== null);
  expect(new Set(staffNos), `${label}: staff numbers`).toEqual(
    new Set(ownClerkNo ? [ownClerkNo] : []),
  );
  for (const marker of MARKERS) expect(text, `${label}: ${marker}`).not.toContain(marker);
  expect(text, `${label}: phone`).not.toContain(PHONE);
  expect(text, `${label}: account`).not.toContain(ACCOUNT);
}

describe('what each audience sees', () => {
  it('customer-facing devices get no staff numbers, roles, reasons, notes or customer data', async () => {
    const url = hall.server.url;
    const observers: Record<string, { socket: HallClient; changes: HallChange[] }> = {};
    for (const [label, deviceToken] of [
      ['kiosk', 'demo-kiosk-1'],
      ['display', 'demo-display-1'],
      ['pad of counter 1', 'demo-pad-1'],
      ['pad of counter 2', 'demo-pad-2'],
      ['desk nobody signed in on', 'demo-desk-3'],
    ] as const) {
      const socket = await connectClient(url, { deviceToken });
      const changes: HallChange[] = [];
      socket.on('hall:changed', (c) => changes.push(c));
      observers[label] = { socket, changes };
    }
    const kiosk = observers.kiosk!.socket;

    // The scripted sequence: sign-in, open, issue, call, transfer with a note, pause, overrides
    // with a reason, a cancel with a reason.
    const clerk = await demoStaffOn(url, 'demo-desk-1', '1001', 'ctr-1');
    const leader = await demoStaffOn(url, 'demo-console', '8001');
    const guide = await demoStaffOn(url, 'demo-guide', '7001');
    const issued = await send(kiosk, 'ticket:issue', {
      serviceId: 'svc-billing',
      customer: { phone: PHONE, accountNo: ACCOUNT, name: '王小二' },
    });
    const first = ok(issued);
    const called = ok(await send(clerk.socket, 'ticket:call-next', {}));
    const ticketId = called.ticket!.id;
    ok(await send(clerk.socket, 'ticket:start', { ticketId }));
    ok(
      await send(clerk.socket, 'ticket:transfer', {
        ticketId,
        to: { serviceId: 'svc-invoice' },
        note: MARKERS[0],
      }),
    );
    ok(await send(clerk.socket, 'counter:pause', { reason: 'other' }));
    const second = ok(
      await send(kiosk, 'ticket:issue', {
        serviceId: 'svc-fault',
        customer: { phone: PHONE, accountNo: null, name: null },
      }),
    );
    ok(
      await send(leader.socket, 'override:ticket-priority', {
        ticketId: second.ticket.id,
        to: 'front',
        reason: MARKERS[1]!,
      }),
    );
    ok(
      await send(leader.socket, 'override:counter-state', {
        counterId: 'ctr-1',
        state: 'open',
        reason: MARKERS[2]!,
      }),
    );
    ok(
      await send(guide.socket, 'ticket:cancel', {
        ticketId: second.ticket.id,
        reason: MARKERS[3]!,
      }),
    );
    ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' }));
    const next = ok(await send(clerk.socket, 'ticket:call-next', {})).ticket!;
    ok(await send(clerk.socket, 'ticket:start', { ticketId: next.id }));
    ok(
      await send(clerk.socket, 'ticket:finish', {
        ticketId: next.id,
        outcome: 'completed',
        items: [MARKERS[4]!],
      }),
    );
    // Each device is sent only what its screen shows (pad 2 nothing of counter 1): a notice,
    // which every screen shows, marks the end of the sequence for all of them.
    ok(await send(leader.socket, 'hall:set-notice', { text: '今日办理电费缴纳' }));
    const finalSeq = hall.server.hall.store.hall.state().seq;
    for (const o of Object.values(observers)) {
      await expect
        .poll(() => o.changes.some((c) => c.seq >= finalSeq), { timeout: 5000 })
        .toBe(true);
    }

    expectNothingPrivate('kiosk issue result', [issued]);
    for (const [label, { socket, changes }] of Object.entries(observers)) {
      const own = label === 'pad of counter 1' ? '1001' : null;
      expectNothingPrivate(`${label} hall:changed`, changes, own);
      const snapshot = ok(await send(socket, 'hall:snapshot', {}));
      expectNothingPrivate(`${label} snapshot`, snapshot, own);
      const since = ok(await send(socket, 'hall:changes-since', { since: 0 }));
      expectNothingPrivate(`${label} changes-since`, since, own);
      // What the screens do use is still there.
      expect(snapshot.staff.find((s) => s.id === clerk.staffId)?.name).toBe('李明');
      if (own) {
        expect(snapshot.staff.find((s) => s.id === clerk.staffId)?.staffNo).toBe('1001');
        expect(changes.some((c) => valuesOf(c, 'staffNo').includes('1001'))).toBe(true);
      }
    }
    const status = await http(
      url,
      'GET',
      `/api/v1/ticket/status?ticketId=${first.ticket.id}&token=${first.statusToken}`,
    );
    expect(status.status).toBe(200);
    expectNothingPrivate('status page', status.body);

    // Staff still see everything they need.
    const staffSnapshot = ok(await send(leader.socket, 'hall:snapshot', {}));
    expect(JSON.stringify(staffSnapshot)).toContain(MARKERS[3]);
    expect(JSON.stringify(staffSnapshot)).toContain(MARKERS[4]);
    expect(staffSnapshot.staff.find((s) => s.id === clerk.staffId)?.roles).toEqual(['clerk']);

    for (const s of [clerk.socket, leader.socket, guide.socket]) s.disconnect();
    for (const o of Object.values(observers)) o.socket.disconnect();
  });

  it('display layouts: each display gets its own, staff all, kiosks, pads and status pages none', async () => {
    const url = hall.server.url;
    const admin = await demoStaffOn(url, 'demo-backoffice', '9000');
    const leader = await demoStaffOn(url, 'demo-console', '8001');
    const { code } = ok(
      await send(admin.socket, 'device:issue-pairing-code', { name: '叫号屏 2', kind: 'display' }),
    );
    const fresh = await connectClient(url);
    const second = ok(await send(fresh, 'device:pair', { pairingCode: code }));
    fresh.disconnect();

    const watchers: Record<string, { socket: HallClient; changes: HallChange[] }> = {};
    for (const [label, deviceToken] of [
      ['display 1', 'demo-display-1'],
      ['display 2', second.deviceToken],
      ['kiosk', 'demo-kiosk-1'],
      ['pad', 'demo-pad-1'],
      ['desk nobody signed in on', 'demo-desk-3'],
    ] as const) {
      const socket = await connectClient(url, { deviceToken });
      const changes: HallChange[] = [];
      socket.on('hall:changed', (c) => changes.push(c));
      watchers[label] = { socket, changes };
    }
    for (const deviceId of ['dev-display-1', second.deviceId]) {
      ok(
        await send(admin.socket, 'admin:set-display-layout', {
          deviceId,
          layout: 'calls_waiting',
          orientation: 'portrait',
        }),
      );
    }
    ok(await send(leader.socket, 'hall:set-notice', { text: '布局已设置' }));
    const finalSeq = hall.server.hall.store.hall.state().seq;
    for (const w of Object.values(watchers)) {
      await expect
        .poll(() => w.changes.some((c) => c.seq >= finalSeq), { timeout: 5000 })
        .toBe(true);
    }

    const own: Record<string, string[]> = {
      'display 1': ['dev-display-1'],
      'display 2': [second.deviceId],
    };
    for (const [label, { socket, changes }] of Object.entries(watchers)) {
      const expected = own[label] ?? [];
      const snapshot = ok(await send(socket, 'hall:snapshot', {}));
      const since = ok(await send(socket, 'hall:changes-since', { since: 0 }));
      for (const [what, seen] of [
        ['hall:changed', changes],
        ['snapshot', snapshot],
        ['changes-since', since],
      ] as const) {
        const ids = new Set(
          (valuesOf(seen, 'displayLayouts').flat() as { id: string }[]).map((l) => l.id),
        );
        expect(ids, `${label} ${what}`).toEqual(new Set(expected));
      }
    }
    const staff = ok(await send(admin.socket, 'hall:snapshot', {}));
    expect(staff.displayLayouts.map((l) => l.id).sort()).toEqual(
      ['dev-display-1', second.deviceId].sort(),
    );

    const kiosk = watchers.kiosk!.socket;
    const issued = ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' }));
    const status = await http(
      url,
      'GET',
      `/api/v1/ticket/status?ticketId=${issued.ticket.id}&token=${issued.statusToken}`,
    );
    expect(JSON.stringify(status.body)).not.toContain('dev-display-1');
    expect(valuesOf(status.body, 'displayLayouts').flat()).toEqual([]);

    admin.socket.disconnect();
    leader.socket.disconnect();
    for (const w of Object.values(watchers)) w.socket.disconnect();
  });

  it('a kiosk cannot enumerate the customer list: a non-VIP answers like an unknown account', async () => {
    const kiosk = await connectClient(hall.server.url, { deviceToken: 'demo-kiosk-1' });
    const unknown = ok(await send(kiosk, 'customer:lookup', { accountNo: '3100000099' }));
    const listed = ok(await send(kiosk, 'customer:lookup', { accountNo: '3100000003' }));
    expect(listed).toEqual(unknown);
    const vip = ok(await send(kiosk, 'customer:lookup', { accountNo: '3100000002' }));
    expect(vip).toEqual({ found: true, vip: true, name: '钱***' });
    // Over HTTP the same.
    const res = await http(hall.server.url, 'GET', '/api/v1/customer/lookup?accountNo=3100000003', {
      deviceToken: 'demo-kiosk-1',
    });
    expect(res.body).toEqual({ ok: true, data: unknown });
    kiosk.disconnect();
  });
});

import { addDays, atLocalTime, dayOf } from '@onestop/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectClient,
  http,
  ok,
  send,
  startTestHall,
  type TestHall,
} from '../test-support/hall-harness';
import { demoStaffOn } from '../test-support/suite-hall';

// A command id belongs to the device that sent it. Another device that happens to send the same
// id (or guesses one it saw) gets an independent command, never the first device's result; the
// same device reusing an id for another payload is told command_id_conflict and nothing changes.

const PHONE = '13812345678';

let hall: TestHall;
beforeAll(async () => {
  hall = await startTestHall();
});
afterAll(() => hall.close());

const ticketCount = () =>
  hall.server.hall.store.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number };

describe('command ids are scoped to their device', () => {
  it("device B reusing device A's id gets its own result and none of A's data", async () => {
    const url = hall.server.url;
    const guide = await demoStaffOn(url, 'demo-guide', '7001');
    const commandId = 'shared-id-00001';
    const first = ok(
      await send(guide.socket, 'ticket:issue', {
        commandId,
        serviceId: 'svc-billing',
        customer: { phone: PHONE, accountNo: null, name: '李四' },
      }),
    );
    const kiosk = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
    const mine = await send(kiosk, 'ticket:issue', { commandId, serviceId: 'svc-billing' });
    const text = JSON.stringify(mine);
    expect(ok(mine).ticket.id).not.toBe(first.ticket.id);
    expect(text).not.toContain(first.statusToken);
    expect(text).not.toContain(first.ticket.id);
    expect(text).not.toContain('5678');
    expect(text).not.toContain('李');

    // Over HTTP, an integration reusing the same id is an independent command too.
    const zone = 'Asia/Shanghai';
    const tomorrowAt10 = atLocalTime(addDays(dayOf(Date.now(), zone), 1), 10, 0, zone);
    const res = await http(url, 'POST', '/api/v1/appointment/create', {
      deviceToken: 'demo-website',
      body: {
        commandId,
        serviceId: 'svc-billing',
        customer: { phone: '13900000009' },
        // Tomorrow at 10:00 in the hall's zone: a window never crosses midnight.
        windowStart: tomorrowAt10,
        windowEnd: tomorrowAt10 + 1_800_000,
      },
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain(first.statusToken);
    guide.socket.disconnect();
    kiosk.disconnect();
  });

  it('the same device with the same id and another payload or command is refused; nothing changes', async () => {
    const kiosk = await connectClient(hall.server.url, { deviceToken: 'demo-kiosk-1' });
    const commandId = 'kiosk-conflict-001';
    const first = ok(await send(kiosk, 'ticket:issue', { commandId, serviceId: 'svc-billing' }));
    const seq = hall.server.hall.store.hall.state().seq;
    const before = ticketCount().n;
    const otherPayload = await send(kiosk, 'ticket:issue', { commandId, serviceId: 'svc-fault' });
    expect(otherPayload).toMatchObject({ ok: false, code: 'command_id_conflict' });
    const otherCommand = await send(kiosk, 'opinion:submit', {
      commandId,
      category: 'praise',
      text: 'very quick',
    });
    expect(otherCommand).toMatchObject({ ok: false, code: 'command_id_conflict' });
    const viaHttp = await http(hall.server.url, 'POST', '/api/v1/ticket/issue', {
      deviceToken: 'demo-kiosk-1',
      body: { commandId, serviceId: 'svc-account' },
    });
    expect(viaHttp.status).toBe(409);
    expect(viaHttp.body).toMatchObject({ ok: false, code: 'command_id_conflict' });
    expect(hall.server.hall.store.hall.state().seq).toBe(seq);
    expect(ticketCount().n).toBe(before);
    // The same payload is a retry: the first result again, also after a restart.
    const again = ok(await send(kiosk, 'ticket:issue', { commandId, serviceId: 'svc-billing' }));
    expect(again.ticket.id).toBe(first.ticket.id);
    kiosk.disconnect();
    await hall.restart();
    const after = await connectClient(hall.server.url, { deviceToken: 'demo-kiosk-1' });
    const replayed = ok(await send(after, 'ticket:issue', { commandId, serviceId: 'svc-billing' }));
    expect(replayed.ticket.id).toBe(first.ticket.id);
    expect(replayed.statusToken).toBe(first.statusToken);
    expect(await send(after, 'ticket:issue', { commandId, serviceId: 'svc-fault' })).toMatchObject({
      ok: false,
      code: 'command_id_conflict',
    });
    expect(hall.server.hall.store.hall.state().seq).toBe(seq);
    after.disconnect();
  });

  it('an anonymous device:pair never hands its result (a device token) to another caller', async () => {
    const url = hall.server.url;
    const admin = await demoStaffOn(url, 'demo-console', '9000');
    const codeA = ok(
      await send(admin.socket, 'device:issue-pairing-code', { name: 'Kiosk A', kind: 'kiosk' }),
    ).code;
    const codeB = ok(
      await send(admin.socket, 'device:issue-pairing-code', { name: 'Kiosk B', kind: 'kiosk' }),
    ).code;
    const commandId = 'pair-replay-0001';
    const a = await connectClient(url);
    const pairedA = ok(await send(a, 'device:pair', { commandId, pairingCode: codeA }));
    const b = await connectClient(url);
    const answer = await send(b, 'device:pair', { commandId, pairingCode: codeB });
    expect(JSON.stringify(answer)).not.toContain(pairedA.deviceToken);
    expect(ok(answer).deviceId).not.toBe(pairedA.deviceId);
    // A wrong code with the same id learns nothing either.
    const c = await connectClient(url);
    const wrong = await send(c, 'device:pair', { commandId, pairingCode: '000001' });
    expect(JSON.stringify(wrong)).not.toContain(pairedA.deviceToken);
    expect(wrong.ok).toBe(false);
    // The device token is not kept in the command log at all.
    const rows = hall.server.hall.store.db.prepare('SELECT result FROM command_results').all() as {
      result: string;
    }[];
    expect(rows.some((r) => r.result.includes(pairedA.deviceToken))).toBe(false);
    for (const s of [a, b, c, admin.socket]) s.disconnect();
  });
});

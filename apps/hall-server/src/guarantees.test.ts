import {
  commandNames,
  commands,
  httpRoute,
  type CommandName,
  type DeviceKind,
  type Role,
} from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { demoStaff } from './app/demo-hall';
import { demoSeed, type DeviceSeed, type SeedOptions } from './app/seed';
import { authorize, rolesOf } from './domain/permissions';
import {
  clerkAtCounter,
  connectClient,
  http,
  ok,
  send,
  sendRaw,
  startTestHall,
  type HallClient,
} from './test-support/hall-harness';
import { demoStaffOn } from './test-support/suite-hall';
import { harmless } from './test-support/harmless-payloads';

// The hall's promises, over real sockets and a real SQLite file: concurrency, the permission
// matrix on the wire, and hostile input.

/** A hall with `n` counters all serving bill payment, a clerk and a desk for each. */
function bigHallSeed(n: number): SeedOptions {
  const base = demoSeed(Date.now());
  const counters = Array.from({ length: n }, (_, i) => ({
    id: `ctr-${i + 1}`,
    number: i + 1,
    name: `${i + 1}号窗口`,
    serviceIds: ['svc-billing'],
  }));
  const staff = counters.map((_, i) => ({
    id: `stf-clerk-${i + 1}`,
    staffNo: String(2000 + i),
    name: `柜员${i + 1}`,
    roles: ['clerk' as const],
    pin: String(2000 + i),
  }));
  const devices: DeviceSeed[] = [
    { id: 'dev-kiosk-1', name: 'kiosk', kind: 'kiosk', counterId: null, token: 'demo-kiosk-1' },
    ...counters.map((c) => ({
      id: `dev-desk-${c.number}`,
      name: `desk ${c.number}`,
      kind: 'desk' as const,
      counterId: c.id,
      token: `desk-${c.number}`,
    })),
  ];
  return { ...base, counters, staff, devices };
}

describe('50 counters calling at the same moment', () => {
  it('never calls a ticket twice and never gives a clerk two tickets', async () => {
    const n = 50;
    // A whole hall's morning through one kiosk: rate limits off.
    const hall = await startTestHall({ seed: bigHallSeed(n), server: { limits: false } });
    try {
      const url = hall.server.url;
      const kiosk = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
      for (let i = 0; i < 40; i++)
        ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' }));
      const clerks = await Promise.all(
        Array.from({ length: n }, (_, i) =>
          clerkAtCounter(url, {
            deviceToken: `desk-${i + 1}`,
            staffNo: String(2000 + i),
            pin: String(2000 + i),
            counterId: `ctr-${i + 1}`,
          }),
        ),
      );

      // Everyone presses "call next" twice at once: 100 calls for 40 waiting tickets.
      const acks = await Promise.all(
        clerks.flatMap((c) => [
          send(c.socket, 'ticket:call-next', {}),
          send(c.socket, 'ticket:call-next', {}),
        ]),
      );
      const called = acks.filter((a) => a.ok).map((a) => (a.ok ? a.data.ticket : null)!);
      const refusals = acks.filter((a) => !a.ok).map((a) => (a.ok ? '' : a.code));
      expect(called).toHaveLength(40);
      expect(new Set(called.map((t) => t.id)).size).toBe(40);
      expect(new Set(called.map((t) => t.counterId)).size).toBe(40);
      expect(new Set(refusals)).toEqual(new Set(['clerk_busy', 'queue_empty']));

      // The stored state agrees with the acks: one called ticket per counter, none waiting.
      const snapshot = ok(await send(clerks[0]!.socket, 'hall:snapshot', {}));
      const inHand = snapshot.tickets.filter((t) => t.state === 'called');
      expect(inHand).toHaveLength(40);
      const perCounter = new Map<string, number>();
      for (const t of inHand) perCounter.set(t.counterId!, (perCounter.get(t.counterId!) ?? 0) + 1);
      expect([...perCounter.values()].every((count) => count === 1)).toBe(true);
      expect(snapshot.tickets.filter((t) => t.state === 'waiting')).toHaveLength(0);

      for (const c of clerks) c.socket.disconnect();
      kiosk.disconnect();
    } finally {
      await hall.close();
    }
    // Fifty PIN checks (scrypt) and fifty desks: slow on a busy two-core machine, not a limit.
  }, 120_000);
});

describe('retrying a command', () => {
  it('issues exactly one ticket however often and however concurrently the same id is sent', async () => {
    const hall = await startTestHall();
    try {
      const kiosk = await connectClient(hall.server.url, { deviceToken: 'demo-kiosk-1' });
      const retry = { commandId: 'kiosk-retry-0001', serviceId: 'svc-fault' };
      const acks = await Promise.all(
        Array.from({ length: 10 }, () => send(kiosk, 'ticket:issue', retry)),
      );
      const ids = new Set(acks.map((a) => ok(a).ticket.id));
      expect(ids.size).toBe(1);
      await hall.restart();
      const again = await connectClient(hall.server.url, { deviceToken: 'demo-kiosk-1' });
      expect(ok(await send(again, 'ticket:issue', retry)).ticket.id).toBe([...ids][0]);
      const snapshot = ok(await send(again, 'hall:snapshot', {}));
      expect(snapshot.tickets.filter((t) => t.serviceId === 'svc-fault')).toHaveLength(1);
      // The same id from the same device with a changed payload or another command is refused
      // (a command id belongs to its device: hostile/command-ids.test.ts has the other cases).
      const changed = await send(again, 'ticket:issue', { ...retry, serviceId: 'svc-billing' });
      expect(changed).toMatchObject({ ok: false, code: 'command_id_conflict' });
      const conflict = await send(again, 'opinion:submit', {
        commandId: retry.commandId,
        category: 'praise',
        text: 'reusing an id',
      });
      expect(conflict).toMatchObject({ ok: false, code: 'command_id_conflict' });
      // Queries are answered afresh whatever id they carry.
      expect(
        (await send(again, 'hall:changes-since', { commandId: retry.commandId, since: 0 })).ok,
      ).toBe(true);
      kiosk.disconnect();
      again.disconnect();
    } finally {
      await hall.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Each role against each command, over the wire.

interface WireActor {
  label: string;
  deviceKind: DeviceKind | null;
  staffRoles: Role[] | null;
  connect(url: string): Promise<HallClient>;
}

const staffOn = (label: string, deviceToken: string, staffNo: string): WireActor => {
  const roles = demoStaff.find((s) => s.staffNo === staffNo)!.roles;
  return {
    label,
    deviceKind: 'desk',
    staffRoles: [...roles],
    async connect(url) {
      const { socket } = await clerkAtCounter(url, { deviceToken, staffNo, pin: staffNo });
      return socket;
    },
  };
};
const device = (label: string, kind: DeviceKind | null, token?: string): WireActor => ({
  label,
  deviceKind: kind,
  staffRoles: null,
  connect: (url) => connectClient(url, token ? { deviceToken: token } : {}),
});

const actors: WireActor[] = [
  device('no device token', null),
  device('kiosk', 'kiosk', 'demo-kiosk-1'),
  device('display', 'display', 'demo-display-1'),
  device('evaluation pad', 'pad', 'demo-pad-1'),
  device('integration', 'integration', 'demo-website'),
  device('desk, nobody signed in', 'desk', 'demo-desk-6'),
  staffOn('guide', 'demo-guide', '7001'),
  staffOn('clerk', 'demo-desk-1', '1001'),
  staffOn('duty leader', 'demo-console', '8001'),
  staffOn('back office', 'demo-backoffice', '6001'),
  staffOn('admin', 'demo-desk-2', '9000'),
];

const ACCESS_CODES = ['not_paired', 'wrong_device', 'not_signed_in', 'forbidden'];

describe('each role against each command, over real sockets', () => {
  it('refuses exactly what the permission matrix refuses, with the matrix’s reason', async () => {
    const hall = await startTestHall();
    try {
      // staff:sign-out changes who is signed in, so it goes last for every actor.
      const order = [
        ...commandNames.filter((c) => c !== 'staff:sign-out'),
        'staff:sign-out',
      ] as const;
      const rows: string[] = [];
      for (const actor of actors) {
        const socket = await actor.connect(hall.server.url);
        for (const name of order) {
          const ack = await send(socket, name, harmless[name] as never);
          const expected = authorize(name, {
            deviceKind: actor.deviceKind,
            roles: rolesOf(actor.deviceKind, actor.staffRoles),
            signedIn: actor.staffRoles !== null,
          });
          const got = ack.ok ? 'allowed' : ACCESS_CODES.includes(ack.code) ? ack.code : 'allowed';
          rows.push(`${actor.label} × ${name}: ${got}`);
          expect(got, `${actor.label} × ${name} (${ack.ok ? 'ok' : ack.code})`).toBe(
            expected.ok ? 'allowed' : expected.code,
          );
        }
        socket.disconnect();
      }
      expect(rows).toHaveLength(actors.length * commandNames.length);
      // The matrix is not vacuous: every actor is refused something, and something is allowed.
      for (const actor of actors.slice(1)) {
        expect(rows.some((r) => r.startsWith(`${actor.label} ×`) && !r.endsWith('allowed'))).toBe(
          true,
        );
      }
    } finally {
      await hall.close();
    }
  }, 120_000);

  it('guards every HTTP route the same way', async () => {
    const hall = await startTestHall();
    try {
      const base = hall.server.url;
      for (const name of commandNames) {
        const route = httpRoute(name);
        const payload = { commandId: `http-${name.replace(':', '-')}`, ...harmless[name] };
        const query = new URLSearchParams(
          Object.entries(harmless[name]).map(([k, v]): [string, string] => [k, String(v)]),
        );
        const call = (auth: { deviceToken?: string }) =>
          route.method === 'GET'
            ? http(base, 'GET', `${route.path}?${query.toString()}`, auth)
            : http(base, 'POST', route.path, { ...auth, body: payload });

        const anonymous = await call({});
        if (commands[name].roles === 'public') {
          expect(ACCESS_CODES, name).not.toContain(anonymous.body.code);
        } else {
          expect([anonymous.status, anonymous.body.code], name).toEqual([401, 'not_paired']);
        }
        const display = await call({ deviceToken: 'demo-display-1' });
        const expected = authorize(name, {
          deviceKind: 'display',
          roles: ['display'],
          signedIn: false,
        });
        if (expected.ok) {
          expect(ACCESS_CODES, name).not.toContain(display.body.code);
        } else {
          expect([display.status, display.body.code], name).toEqual([403, expected.code]);
        }
      }
    } finally {
      await hall.close();
    }
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------
// Malformed payloads.

const malformed = (name: CommandName): [string, unknown][] => [
  ['null', null],
  ['a number', 42],
  ['a string', 'ticket please'],
  ['an array', [harmless[name]]],
  ['an unexpected field', { commandId: 'bad-field-00001', ...harmless[name], injected: true }],
  ['a bad command id', { ...harmless[name], commandId: 'x; DROP TABLE tickets' }],
  ['a huge string', { commandId: 'huge-string-0001', ...harmless[name], reason: 'x'.repeat(5000) }],
];

describe('malformed payloads', () => {
  it('every command answers every malformed payload with an error ack and changes nothing', async () => {
    // Every command times every payload through a few sockets: rate limits off.
    const hall = await startTestHall({ server: { limits: false } });
    try {
      const url = hall.server.url;
      const leader = await demoStaffOn(url, 'demo-console', '8001');
      const before = ok(await send(leader.socket, 'hall:snapshot', {}));
      for (const name of commandNames) {
        for (const [label, payload] of malformed(name)) {
          const ack = await sendRaw(leader.socket, name, payload);
          expect(ack, `${name} with ${label}`).toMatchObject({
            ok: false,
            code: 'invalid_payload',
          });
          if (!ack.ok) expect(ack.message.length).toBeGreaterThan(5);
        }
      }
      // Commands that need more than a command id also refuse a bare one.
      for (const name of commandNames.filter((n) => Object.keys(harmless[n]).length > 0)) {
        const ack = await sendRaw(leader.socket, name, { commandId: 'bare-command-01' });
        expect(ack, name).toMatchObject({ ok: false, code: 'invalid_payload' });
      }
      const unknown = await sendRaw(leader.socket, 'ticket:teleport', { commandId: 'unknown-001' });
      expect(unknown).toMatchObject({ ok: false, code: 'unknown_command' });

      const after = ok(await send(leader.socket, 'hall:snapshot', {}));
      expect(after.seq).toBe(before.seq);
      expect(after.tickets).toEqual(before.tickets);
      expect(after.counters).toEqual(before.counters);

      // Events without an ack callback and an oversize frame do not take the server down.
      const raw = (s: HallClient) =>
        s as unknown as { emit(event: string, payload: unknown): void };
      raw(leader.socket).emit('ticket:issue', { serviceId: 'svc-billing' });
      const flooder = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
      const dropped = new Promise<string>((resolve) => flooder.on('disconnect', resolve));
      raw(flooder).emit('ticket:issue', { commandId: 'oversize-0001', note: 'x'.repeat(200_000) });
      expect(await dropped).toBe('transport close');

      const kiosk = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
      const issued = ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' }));
      expect(issued.ticket.state).toBe('waiting');
      const latest = ok(await send(leader.socket, 'hall:snapshot', {}));
      expect(latest.seq).toBe(before.seq + 1);

      // Over HTTP: malformed JSON and wrong types get a 400, oversize bodies a 413.
      const bad = await http(url, 'POST', '/api/v1/ticket/issue', {
        deviceToken: 'demo-kiosk-1',
        rawBody: '{"serviceId": ',
      });
      expect([bad.status, bad.body.code]).toEqual([400, 'invalid_payload']);
      const wrongType = await http(url, 'POST', '/api/v1/ticket/issue', {
        deviceToken: 'demo-kiosk-1',
        body: { commandId: 'http-wrong-type', serviceId: 42 },
      });
      expect([wrongType.status, wrongType.body.code]).toEqual([400, 'invalid_payload']);
      const huge = await http(url, 'POST', '/api/v1/ticket/issue', {
        deviceToken: 'demo-kiosk-1',
        body: { commandId: 'http-huge-00001', serviceId: 'svc-billing', note: 'x'.repeat(100_000) },
      });
      expect([huge.status, huge.body.code]).toEqual([413, 'payload_too_large']);
      expect(ok(await send(leader.socket, 'hall:snapshot', {})).seq).toBe(before.seq + 1);

      for (const s of [leader.socket, kiosk, flooder]) s.disconnect();
    } finally {
      await hall.close();
    }
  }, 120_000);
});

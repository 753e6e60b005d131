import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotBuilds } from '../app/handlers/query-handlers';
import type { HallServer } from '../server';
import { demoSeed } from '../app/seed';
import {
  connectClient,
  databaseBytes,
  hallServerOn,
  ok,
  send,
  sendRaw,
  startTestHall,
  tempDir,
  type TestHall,
} from '../test-support/hall-harness';

// A flood must cost little: a snapshot is built once per hall seq and shared, and refusals of
// requests without a valid device are counted in memory, not written to the audit log.

describe('a snapshot built once per change', () => {
  let hall: TestHall;
  beforeAll(async () => {
    hall = await startTestHall();
  });
  afterAll(() => hall.close());

  it('answers many requests at one seq from one read of the hall; a change builds a new one', async () => {
    const store = hall.server.hall.store;
    const display = await connectClient(hall.server.url, { deviceToken: 'demo-display-1' });
    const pad = await connectClient(hall.server.url, { deviceToken: 'demo-pad-1' });
    const kiosk = await connectClient(hall.server.url, { deviceToken: 'demo-kiosk-1' });
    ok(await send(display, 'hall:snapshot', {})); // whatever start-up left to build
    const before = snapshotBuilds(store);
    let reads = 0;
    const visible = store.tickets.visible;
    store.tickets.visible = (day) => {
      reads++;
      return visible(day);
    };
    try {
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => send(i % 2 ? display : pad, 'hall:snapshot', {})),
      );
      const [a, b] = [ok(answers[0]!), ok(answers[2]!)];
      expect(b).toEqual(a);
      expect(snapshotBuilds(store) - before).toBe(0);
      expect(reads).toBe(0);
      ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' }));
      const after = ok(await send(display, 'hall:snapshot', {}));
      ok(await send(pad, 'hall:snapshot', {}));
      expect(after.seq).toBeGreaterThan(a.seq);
      expect(after.tickets.length).toBe(a.tickets.length + 1);
      expect(snapshotBuilds(store) - before).toBe(1);
      expect(reads).toBe(1);
    } finally {
      store.tickets.visible = visible;
      for (const s of [display, pad, kiosk]) s.disconnect();
    }
  });
});

describe('refused anonymous traffic', () => {
  let server: HallServer;
  const dataDir = tempDir('onestop-refused-');
  beforeAll(async () => {
    server = await hallServerOn(dataDir, {
      seed: demoSeed(Date.now()),
      limits: false, // the transport's rate limits are tested apart; here every request arrives
    });
  });
  afterAll(() => server.close());

  const auditRows = () =>
    (server.hall.store.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

  it('5,000 bad requests without a valid device add no audit rows and are counted', async () => {
    server.hall.store.db.pragma('wal_checkpoint(TRUNCATE)');
    const rows = auditRows();
    const bytes = databaseBytes(dataDir);
    const before = server.hall.refusedAnonymous().total;
    const bigNote = 'x'.repeat(1500);
    const anonymous = await connectClient(server.url);
    // (A socket with an unknown or revoked token is refused at the handshake; over HTTP below.)
    const socketBad = Array.from({ length: 2500 }, (_, i) =>
      sendRaw(anonymous, 'ticket:issue', { commandId: `bad-${i}`, note: bigNote }),
    );
    const acks = await Promise.all(socketBad);
    expect(acks.every((a) => !a.ok)).toBe(true);
    for (let i = 0; i < 2500; i += 100) {
      const batch = Array.from({ length: 100 }, (_, j) =>
        fetch(`${server.url}/api/v1/device/pair`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...((i + j) % 2 ? { authorization: 'Bearer revoked-or-unknown' } : {}),
          },
          body: JSON.stringify({ commandId: `pair-${i + j}`, pairingCode: 'abc', pad: bigNote }),
        }).then((r) => r.status),
      );
      const statuses = await Promise.all(batch);
      expect(statuses.every((s) => s >= 400)).toBe(true);
    }
    anonymous.disconnect();
    const counted = server.hall.refusedAnonymous();
    expect(counted.total - before).toBe(5000);
    expect(counted.byCommand.map((e) => e.command).sort()).toEqual(['device:pair', 'ticket:issue']);
    expect(counted.byCommand.every((e) => e.sampleSource !== null)).toBe(true);
    expect(auditRows() - rows).toBe(0);
    expect(databaseBytes(dataDir) - bytes).toBeLessThan(1024 * 1024);
  }, 60_000);

  it("a paired device's refusals stay in the audit log (they are attributable)", async () => {
    const rows = auditRows();
    const kiosk = await connectClient(server.url, { deviceToken: 'demo-kiosk-1' });
    const ack = await sendRaw(kiosk, 'ticket:issue', { commandId: 'kiosk-bad-0001' });
    expect(ack).toMatchObject({ ok: false, code: 'invalid_payload' });
    const last = server.hall.store.log.recentAudit(1)[0]!;
    expect(last).toMatchObject({ device_id: 'dev-kiosk-1', result: 'invalid_payload' });
    expect(auditRows() - rows).toBe(1);
    kiosk.disconnect();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestCenter, type TestCenter } from './test-support/center-harness';
import { startFaultProxy, type Fault } from './test-support/fault-proxy';
import { boundsOf, expectMirror, startSyncedHall, workADay } from './test-support/synced-hall';

// The nightly upward sync end to end: real hall servers over real SQLite files, a real center
// on PGlite (and on the PostgreSQL server when DATABASE_URL is set), and the faults a WAN and a
// power cut bring. Every case ends with the center holding exactly one current copy of every
// hall record.

let hallNo = 0;
const nextHallId = () => `hall-${process.pid}-${++hallNo}`;

describe.each(backends)('upward sync into $name', (backend) => {
  let center: TestCenter;
  beforeAll(async () => {
    center = await startTestCenter(backend);
  });
  afterAll(async () => {
    await center?.close();
  });

  async function hallWith(fault?: (i: number, method: string, path: string) => Fault) {
    const hallId = nextHallId();
    const hallKey = center.register(hallId);
    const proxy = fault ? await startFaultProxy(center.url, fault) : null;
    const hall = await startSyncedHall({ hallId, centerUrl: proxy?.url ?? center.url, hallKey });
    return {
      hall,
      proxy,
      async close() {
        await hall.close();
        await proxy?.close();
      },
    };
  }

  it('sends a day of records once, in batches, and reconciles them', async () => {
    const { hall, close } = await hallWith();
    try {
      await workADay(hall.server, 6);
      const bounds = boundsOf(hall.server);
      const status = await hall.server.sync.runNow('console');
      expect(status).toMatchObject({ state: 'idle', result: 'ok', error: null, unresolved: 0 });
      expect(status.sent).toBe(status.total);
      expect(status.total).toBeGreaterThan(60);
      expect(status.lastBackupFile).toMatch(/hall-.*\.sqlite$/);
      const rows = await expectMirror(center.db, hall.server, bounds);
      expect(rows).toBeGreaterThan(60);

      // Nothing changed since: the next run sends only what the last one wrote about itself.
      const again = await hall.server.sync.runNow('console');
      expect(again.result).toBe('ok');
      expect(again.total).toBeLessThan(20);
      expect(again.mismatched).toBe(0);
    } finally {
      await close();
    }
  });
});

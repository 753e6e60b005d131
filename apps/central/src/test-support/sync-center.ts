import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { SyncOptions } from '@onestop/hall-server';
import { startTestCenter, type Backend, type TestCenter } from './center-harness';
import { startFaultProxy, type Fault } from './fault-proxy';
import { startSyncedHall } from './synced-hall';

// The sync suites' set-up: a test center on `backend` for the suite (PGlite in a directory, so
// that it can be restarted with its data), and halls registered with it that sync to it, through
// a proxy that brings faults when asked.

let hallNo = 0;
export const nextHallId = () => `hall-${process.pid}-${++hallNo}`;
const isBatch = (method: string, path: string) => method === 'POST' && path.endsWith('/batches');

export function syncCenter(backend: Backend) {
  let center: TestCenter;
  let pgliteDir: string | undefined;
  beforeAll(async () => {
    pgliteDir =
      backend.name === 'pglite' ? mkdtempSync(join(tmpdir(), 'onestop-center-')) : undefined;
    center = await startTestCenter(backend, { dataDir: pgliteDir });
  });
  afterAll(async () => {
    await center?.close();
    if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
  });

  async function hallWith(
    options: {
      fault?: (batchNo: number) => Fault;
      sync?: Partial<SyncOptions>;
      clock?: () => number;
      key?: string;
    } = {},
  ) {
    const hallId = nextHallId();
    const hallKey = center.register(hallId);
    let batches = 0;
    const proxy = options.fault
      ? await startFaultProxy(center.url, (_i, method, path) =>
          isBatch(method, path) ? options.fault!(++batches) : 'pass',
        )
      : null;
    const hall = await startSyncedHall({
      hallId,
      centerUrl: proxy?.url ?? center.url,
      hallKey: options.key ?? hallKey,
      clock: options.clock,
      sync: options.sync,
    });
    return {
      hall,
      hallId,
      hallKey,
      proxy,
      async close() {
        await hall.close();
        await proxy?.close();
      },
    };
  }

  const heldRows = async (hallId: string) =>
    (
      await center.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM hall_records WHERE hall_id = $1',
        [hallId],
      )
    )[0]!.n;

  return {
    /** The suite's center (started before its first test). */
    get center(): TestCenter {
      return center;
    },
    hallWith,
    heldRows,
  };
}

import type { SyncRow } from '@onestop/shared';
import Database from 'better-sqlite3';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import {
  businessDayOf,
  createSyncReader,
  demoSeed,
  START,
  startHallServer,
  type HallServer,
  type RunBounds,
  type SyncOptions,
} from '@onestop/hall-server';
import {
  clerkAtCounter,
  connectClient,
  ok,
  send,
  silent,
  tempDir,
} from '@onestop/hall-server/test-support/hall-harness';
import type { CentralDb } from '../db';

// A real hall server that syncs to a test center, its realistic day of work over real sockets,
// and the check every fault case ends with: the center holds exactly one current copy of
// every hall record.

export interface SyncedHall {
  readonly server: HallServer;
  readonly hallId: string;
  readonly dataDir: string;
  restart(sync?: Partial<SyncOptions>): Promise<void>;
  close(): Promise<void>;
}

export const FAST: Partial<SyncOptions> = {
  tickMs: 3_600_000, // runs only when a test asks
  requestAttempts: 8,
  requestBackoff: { baseMs: 20, maxMs: 200 },
  runBackoff: { baseMs: 60_000, maxMs: 600_000 },
  requestTimeoutMs: 5000,
  progressIntervalMs: 0,
  resumeDelayMs: 3_600_000,
  batchRows: 40,
};

// Seeding hashes every demo PIN (scrypt): done once, then each test hall starts from a copy.
let template: Promise<string> | null = null;
function seededTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = tempDir('onestop-sync-template-');
    const server = await startHallServer({
      dataDir: dir,
      port: 0,
      host: '127.0.0.1',
      seed: demoSeed(Date.now()),
      logger: silent,
    });
    await server.close();
    return join(dir, 'hall.sqlite');
  })();
  return template;
}

async function seededCopy(dataDir: string, hallId: string, businessDay: string): Promise<void> {
  copyFileSync(await seededTemplate(), join(dataDir, 'hall.sqlite'));
  const db = new Database(join(dataDir, 'hall.sqlite'));
  const { config } = db.prepare('SELECT config FROM hall_state').get() as { config: string };
  db.prepare('UPDATE hall_state SET config = ?, business_day = min(business_day, ?)').run(
    JSON.stringify({ ...(JSON.parse(config) as object), hallId }),
    businessDay,
  );
  db.close();
}

export async function startSyncedHall(options: {
  hallId: string;
  centerUrl: string | null;
  hallKey: string;
  clock?: () => number;
  sync?: Partial<SyncOptions>;
}): Promise<SyncedHall> {
  const dataDir = tempDir('onestop-sync-');
  const clock = options.clock ?? Date.now;
  const seed = demoSeed(clock(), { hallId: options.hallId });
  await seededCopy(dataDir, options.hallId, businessDayOf(clock(), seed.config.timeZone));
  const syncOptions = (over: Partial<SyncOptions> = {}): SyncOptions => ({
    centerUrl: options.centerUrl,
    hallKey: options.hallKey,
    backupDir: join(dataDir, 'backups'),
    ...FAST,
    ...options.sync,
    ...over,
  });
  const start = (over?: Partial<SyncOptions>) =>
    startHallServer({
      dataDir,
      port: 0,
      host: '127.0.0.1',
      seed,
      clock,
      logger: silent,
      limits: false, // a week of a hall's work through one kiosk in seconds
      sync: syncOptions(over),
    });
  let server = await start();
  return {
    get server() {
      return server;
    },
    hallId: options.hallId,
    dataDir,
    async restart(over) {
      await server.close();
      server = await start(over);
    },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A short day of work: tickets issued at the kiosk, each called, served and rated at counter 1,
 * an opinion in the supervision box, the clerk signing off at the end.
 */
export async function workADay(server: HallServer, tickets: number): Promise<void> {
  const kiosk = await connectClient(server.url, { deviceToken: 'demo-kiosk-1' });
  const pad = await connectClient(server.url, { deviceToken: 'demo-pad-1' });
  const clerk = await clerkAtCounter(server.url, {
    deviceToken: 'demo-desk-1',
    staffNo: '1001',
    pin: '1001',
    counterId: 'ctr-1',
  });
  const scores = ['very_satisfied', 'satisfied', 'neutral', 'very_satisfied'] as const;
  try {
    for (let i = 0; i < tickets; i++) {
      ok(
        await send(kiosk, 'ticket:issue', {
          serviceId: i % 3 === 0 ? 'svc-invoice' : 'svc-billing',
        }),
      );
    }
    for (let i = 0; i < tickets; i++) {
      const { ticket } = ok(await send(clerk.socket, 'ticket:call-next', {}));
      ok(await send(clerk.socket, 'ticket:start', { ticketId: ticket.id }));
      ok(await send(clerk.socket, 'ticket:finish', { ticketId: ticket.id, outcome: 'completed' }));
      ok(
        await send(pad, 'evaluation:submit', {
          ticketId: ticket.id,
          score: scores[i % scores.length]!,
        }),
      );
    }
    ok(
      await send(kiosk, 'opinion:submit', { category: 'suggestion', text: 'More seats, please.' }),
    );
    ok(await send(clerk.socket, 'counter:sign-out', {}));
    ok(await send(clerk.socket, 'staff:sign-out', {}));
  } finally {
    kiosk.disconnect();
    pad.disconnect();
    clerk.socket.disconnect();
  }
}

/** What the sync would send now: its bounds (call it before a run to know what must arrive). */
export function boundsOf(server: HallServer): RunBounds {
  const db = server.hall.store.db;
  return createSyncReader(db, {
    timeZone: server.hall.store.hall.state().config.timeZone,
  }).bounds();
}

/** Every hall row within `bounds`, as the sync reads it. */
export function hallRows(server: HallServer, bounds: RunBounds): SyncRow[] {
  const db = server.hall.store.db;
  const reader = createSyncReader(db, { timeZone: server.hall.store.hall.state().config.timeZone });
  return reader.tables.flatMap((t) => reader.page(t, START, bounds, 1_000_000).rows);
}

/**
 * The center holds exactly one current copy of every hall record up to `bounds`: the same
 * version, day and columns, nothing twice, nothing the hall does not have.
 */
export async function expectMirror(
  db: CentralDb,
  server: HallServer,
  bounds: RunBounds,
): Promise<number> {
  const hallId = server.hall.store.hall.state().config.hallId;
  const expected = hallRows(server, bounds);
  const current = new Map(hallRows(server, boundsOf(server)).map((r) => [`${r.t}/${r.id}`, r]));
  const held = await db.query<{ t: string; id: string; day: string; v: string; data: unknown }>(
    `SELECT source_table AS t, record_id AS id, business_day::text AS day, change_seq::text AS v, data
     FROM hall_records WHERE hall_id = $1`,
    [hallId],
  );
  const atCenter = new Map<string, (typeof held)[number]>();
  for (const r of held) {
    const key = `${r.t}/${r.id}`;
    expect(atCenter.has(key), `${key} is held twice`).toBe(false);
    atCenter.set(key, r);
  }
  for (const row of expected) {
    const there = atCenter.get(`${row.t}/${row.id}`);
    expect(there, `${row.t}/${row.id} missing at the center`).toBeDefined();
  }
  for (const [key, r] of atCenter) {
    const mine = current.get(key);
    expect(mine, `${key} is at the center but not in the hall`).toBeDefined();
    expect({ day: r.day, v: Number(r.v), d: r.data }, key).toEqual({
      day: mine!.day,
      v: mine!.v,
      d: mine!.d,
    });
  }
  expect(atCenter.size).toBeGreaterThanOrEqual(expected.length);
  return expected.length;
}

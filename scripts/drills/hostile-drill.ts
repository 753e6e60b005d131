// Hostile drill: a started hall server (its own process, the demo hall on a fresh data
// directory) attacked as docs/security.md's threat model says — a LAN attacker, a page on
// another origin, a copied device token, a curious customer at a kiosk — then checked for
// crashes, leaks and the throttles holding. Prints one table; exits 1 when any row fails.
//
//   npm run drill:hostile
//
// A small version runs in the test suite (hostile-drill.test.ts); the attacks one by one, with
// the defence each needs, are the tests in apps/hall-server/src/hostile/.

import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort, killHard, spawnHall } from './hall-process';
import {
  anonymousRefusals,
  commandIdReuse,
  controlCharacters,
  foreignOrigin,
  healthAfter,
  hostilePaths,
  kioskAudience,
  pairingBurst,
  pinBurst,
  snapshotFlood,
  ticketBurst,
  tooLargeBody,
} from './hostile-attacks';
import type { Context, DrillRow } from './hostile-kit';

export type { DrillRow };

export interface HostileReport {
  rows: DrillRow[];
  crashes: number;
  leaks: number;
  integrity: string;
}

export async function runHostileDrill(options: { scale?: number } = {}): Promise<HostileReport> {
  const scale = options.scale ?? 1;
  const dataDir = mkdtempSync(join(tmpdir(), 'onestop-hostile-'));
  const port = await freePort();
  const child = await spawnHall(dataDir, port, { DEMO: '1', RATE_LIMITS: 'on' });
  let crashes = 0;
  child.once('exit', (code, signal) => {
    if (signal !== 'SIGKILL') crashes++;
  });
  const ctx: Context = { url: `http://127.0.0.1:${port}`, pid: child.pid!, dataDir };
  const rows: DrillRow[] = [];
  let leaks = 0;
  const step = async (run: () => Promise<DrillRow>) => {
    try {
      rows.push(await run());
    } catch (err) {
      rows.push({
        attack: run.name || 'attack',
        sent: '',
        outcome: `error: ${err instanceof Error ? err.message : String(err)}`,
        limit: '',
        ok: false,
      });
    }
  };
  try {
    // Attacks that use up a device's or this address's budget come after those that need it.
    await step(() => pinBurst(ctx, '1001', 60));
    await step(() => pinBurst(ctx, '1002', Math.round(200 * scale)));
    await step(async () => {
      const r = await commandIdReuse(ctx);
      leaks += r.leaks;
      return r.row;
    });
    await step(async () => {
      const r = await kioskAudience(ctx);
      leaks += r.leaks;
      return r.row;
    });
    await step(() => controlCharacters(ctx));
    await step(() => hostilePaths(ctx));
    await step(() => tooLargeBody(ctx));
    await step(() => foreignOrigin(ctx));
    await step(() => ticketBurst(ctx, 300));
    await step(() => snapshotFlood(ctx, Math.max(3, Math.round(20 * scale))));
    await step(() => pairingBurst(ctx, 300));
    await step(() => anonymousRefusals(ctx, Math.round(5000 * scale)));
    await step(() => healthAfter(ctx));
    if (child.exitCode !== null) crashes = Math.max(crashes, 1);
  } finally {
    await killHard(child);
  }
  const db = new Database(join(dataDir, 'hall.sqlite'), { readonly: true });
  const integrity = String(db.pragma('integrity_check', { simple: true }));
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
  return { rows, crashes, leaks, integrity };
}

export function formatHostileReport(report: HostileReport): string {
  const header: DrillRow = {
    attack: 'attack',
    sent: 'sent',
    outcome: 'outcome',
    limit: 'must hold',
    ok: true,
  };
  const cells = (r: DrillRow) => [
    r.attack,
    r.sent,
    r.outcome,
    r.limit,
    r === header ? 'verdict' : r.ok ? 'holds' : 'FAILS',
  ];
  const table = [header, ...report.rows].map(cells);
  const widths = table[0]!.map((_, i) =>
    Math.min(60, Math.max(...table.map((row) => row[i]!.length))),
  );
  const line = (row: string[]) => row.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  return [
    ...table.map(line),
    '',
    `crashes: ${report.crashes}   leaked fields: ${report.leaks}   integrity_check: ${report.integrity}`,
  ].join('\n');
}

export function drillHolds(report: HostileReport): boolean {
  return (
    report.crashes === 0 &&
    report.leaks === 0 &&
    report.integrity === 'ok' &&
    report.rows.every((r) => r.ok)
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = await runHostileDrill();
  console.log(formatHostileReport(report));
  process.exit(drillHolds(report) ? 0 : 1);
}

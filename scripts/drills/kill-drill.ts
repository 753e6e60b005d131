// Fault drill: SIGKILL the hall server at random moments while kiosks and counters work it,
// many times, restarting each time. Afterwards every acknowledged command's effect must be
// there, no ticket number issued twice, no ticket in two states, every ticket's history a
// valid path, and SQLite's integrity check ok.
//
//   npm run drill:kill                     # 20 runs
//   npm run drill:kill -- --runs 100
//
// A small version runs in the test suite (kill-drill.test.ts).

import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Ack, CommandName, CommandPayload } from '@onestop/shared';
import { connectDevice, sendCommand, type Device } from '../hall-socket';
import { freePort, killHard, spawnHall } from './hall-process';

export interface DrillReport {
  runs: number;
  kills: number;
  commandsAcknowledged: number;
  /** Acknowledged commands whose effect is missing after the restarts: must be 0. */
  losses: string[];
  /** Ticket numbers issued twice on a day: must be 0. */
  duplicates: string[];
  /** Tickets whose state disagrees with their history, or whose history is not a path. */
  inconsistent: string[];
  integrity: string;
}

interface Acked {
  commandId: string;
  name: string;
  ticketId?: string;
  number?: string;
  state?: string;
  /** A sign-in's session: sign-in results are not kept (their token is a secret), its session is. */
  sessionId?: string;
}

/** `data[key]` when it is what `is` expects: the ticket or session a reply carries, if any. */
function field<T>(data: unknown, key: string, is: (v: unknown) => v is T): T | undefined {
  if (typeof data !== 'object' || data === null || !(key in data)) return undefined;
  const value: unknown = Reflect.get(data, key);
  return is(value) ? value : undefined;
}

const hasStrings = (v: unknown, keys: string[]): boolean =>
  typeof v === 'object' && v !== null && keys.every((k) => typeof Reflect.get(v, k) === 'string');
const isTicketRef = (v: unknown): v is { id: string; number: string; state: string } =>
  hasStrings(v, ['id', 'number', 'state']);
const isSessionRef = (v: unknown): v is { id: string } => hasStrings(v, ['id']);

function random(min: number, max: number): number {
  return min + Math.random() * (max - min);
}

interface DrillClerk {
  staffNo: string;
  desk: number;
  /** Kept across restarts, as a counter terminal keeps it. */
  sessionToken?: string;
}

/** Work the hall until the link dies: a kiosk issuing, clerks calling, starting, finishing. */
async function workUntilKilled(url: string, acked: Acked[], clerks: DrillClerk[]): Promise<void> {
  const record = (name: string, commandId: string, reply: Ack<unknown>) => {
    if (!reply.ok) return;
    const ticket = field(reply.data, 'ticket', isTicketRef);
    const session = field(reply.data, 'session', isSessionRef);
    acked.push({
      commandId,
      name,
      ...(ticket ? { ticketId: ticket.id, number: ticket.number, state: ticket.state } : {}),
      ...(session ? { sessionId: session.id } : {}),
    });
  };
  const command = async <K extends CommandName>(
    socket: Device,
    name: K,
    payload: CommandPayload<K>,
  ) => {
    const commandId = randomUUID();
    const reply = await sendCommand(socket, name, { commandId, ...payload }, 3000);
    record(name, commandId, reply);
    return reply;
  };

  const kiosk = await connectDevice(url, { deviceToken: 'demo-kiosk-1' });
  const issuing = (async () => {
    for (;;) await command(kiosk, 'ticket:issue', { serviceId: 'svc-billing' });
  })();
  const serving = clerks.map(async (clerk) => {
    const deviceToken = `demo-desk-${clerk.desk}`;
    let desk: Device;
    if (clerk.sessionToken) {
      desk = await connectDevice(url, { deviceToken, sessionToken: clerk.sessionToken });
    } else {
      desk = await connectDevice(url, { deviceToken });
      const signedIn = await command(desk, 'staff:sign-in', {
        staffNo: clerk.staffNo,
        pin: clerk.staffNo,
      });
      if (!signedIn.ok) throw new Error(`sign-in refused: ${signedIn.code}`);
      clerk.sessionToken = signedIn.data.sessionToken;
      desk.disconnect();
      desk = await connectDevice(url, { deviceToken, sessionToken: clerk.sessionToken });
      await command(desk, 'counter:sign-in', { counterId: `ctr-${clerk.desk}` });
      await command(desk, 'counter:open', {});
    }
    const serve = async (ticketId: string, state: string) => {
      if (state === 'called') await command(desk, 'ticket:start', { ticketId });
      await command(desk, 'ticket:finish', { ticketId, outcome: 'completed' });
    };
    for (;;) {
      const called = await command(desk, 'ticket:call-next', {});
      if (called.ok) {
        await serve(called.data.ticket.id, 'called');
        continue;
      }
      if (called.code !== 'clerk_busy') continue;
      // Killed mid-visit last time: finish what this clerk still holds.
      const snapshot = await sendCommand(desk, 'hall:snapshot', {}, 3000);
      if (!snapshot.ok) continue;
      const me = snapshot.data.sessions.find((s) => s.deviceId === `dev-desk-${clerk.desk}`);
      const held = snapshot.data.tickets.filter(
        (t) => t.servingStaffId === me?.staffId && ['called', 'serving'].includes(t.state),
      );
      for (const t of held) await serve(t.id, t.state);
    }
  });
  await Promise.race([issuing, ...serving]).catch(() => undefined);
  kiosk.disconnect();
}

const STATE_ORDER = ['waiting', 'called', 'serving', 'parked', 'done', 'no_show', 'cancelled'];

/** Reads the database the drill left and checks every promise against what was acknowledged. */
export function verify(dbFile: string, acked: Acked[]): Omit<DrillReport, 'runs' | 'kills'> {
  const db = new Database(dbFile, { readonly: true });
  try {
    const results = new Set(
      db.prepare<[], string>('SELECT command_id FROM command_results').pluck().all(),
    );
    const ticket = db.prepare<[string], { number: string; state: string }>(
      'SELECT number, state FROM tickets WHERE id = ?',
    );
    const reached = db.prepare<[string, string]>(
      'SELECT 1 FROM ticket_transitions WHERE ticket_id = ? AND to_state = ? LIMIT 1',
    );
    const session = db.prepare<[string]>('SELECT 1 FROM staff_sessions WHERE id = ?');
    const losses: string[] = [];
    for (const a of acked) {
      if (a.sessionId) {
        if (!session.get(a.sessionId)) losses.push(`${a.name} ${a.commandId}: session missing`);
      } else if (!results.has(a.commandId)) {
        losses.push(`${a.name} ${a.commandId}: no command result`);
      }
      if (!a.ticketId) continue;
      const row = ticket.get(a.ticketId);
      if (!row) losses.push(`${a.name} ${a.commandId}: ticket ${a.ticketId} missing`);
      else if (row.number !== a.number) losses.push(`${a.name}: ${a.number} became ${row.number}`);
      else if (a.state && !reached.get(a.ticketId, a.state))
        losses.push(`${a.name} ${a.number}: never reached ${a.state}`);
    }
    const duplicates = db
      .prepare<[], string>(
        "SELECT business_day || ' ' || number FROM tickets GROUP BY business_day, number HAVING count(*) > 1",
      )
      .pluck()
      .all()
      .concat(
        db
          .prepare<[], string>(
            `SELECT business_day || ' ' || service_id || ': ' || count(*) || ' tickets, last number ' || max(daily_seq)
           FROM tickets GROUP BY business_day, service_id
           HAVING count(*) != max(daily_seq)`,
          )
          .pluck()
          .all(),
      );
    const inconsistent: string[] = [];
    const tickets = db
      .prepare<[], { id: string; number: string; state: string }>(
        'SELECT id, number, state FROM tickets',
      )
      .all();
    const history = db.prepare<[string], { from_state: string | null; to_state: string }>(
      'SELECT from_state, to_state FROM ticket_transitions WHERE ticket_id = ? ORDER BY id',
    );
    for (const t of tickets) {
      const steps = history.all(t.id);
      const last = steps[steps.length - 1];
      if (!last || last.to_state !== t.state) {
        inconsistent.push(`${t.number}: state ${t.state}, history ends ${last?.to_state}`);
        continue;
      }
      steps.forEach((step, i) => {
        const expectedFrom = i === 0 ? null : steps[i - 1]!.to_state;
        if (step.from_state !== expectedFrom || !STATE_ORDER.includes(step.to_state)) {
          inconsistent.push(
            `${t.number}: step ${i} from ${step.from_state}, expected ${expectedFrom}`,
          );
        }
      });
    }
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    return { commandsAcknowledged: acked.length, losses, duplicates, inconsistent, integrity };
  } finally {
    db.close();
  }
}

export async function runKillDrill(options: {
  runs: number;
  dataDir?: string;
}): Promise<DrillReport> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'onestop-drill-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const acked: Acked[] = [];
  let kills = 0;
  try {
    const clerks: DrillClerk[] = [
      { staffNo: '1001', desk: 1 },
      { staffNo: '1002', desk: 2 },
    ];
    for (let run = 0; run < options.runs; run++) {
      const child = await spawnHall(dataDir, port);
      const working = workUntilKilled(url, acked, clerks);
      await new Promise((r) => setTimeout(r, random(300, 1500)));
      await killHard(child);
      kills++;
      await working;
    }
    // One clean start replays the WAL, as the hall would after a power cut.
    const child = await spawnHall(dataDir, port);
    await killHard(child);
    const report = verify(join(dataDir, 'hall.sqlite'), acked);
    return { runs: options.runs, kills, ...report };
  } finally {
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

export function formatReport(r: DrillReport): string {
  return [
    `kill drill: ${r.runs} runs, ${r.kills} kills (SIGKILL), ${r.commandsAcknowledged} commands acknowledged`,
    `  losses: ${r.losses.length}${r.losses.length ? ` — ${r.losses.slice(0, 5).join('; ')}` : ''}`,
    `  duplicates: ${r.duplicates.length}${r.duplicates.length ? ` — ${r.duplicates.slice(0, 5).join('; ')}` : ''}`,
    `  inconsistent tickets: ${r.inconsistent.length}${r.inconsistent.length ? ` — ${r.inconsistent.slice(0, 5).join('; ')}` : ''}`,
    `  integrity_check: ${r.integrity}`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--runs');
  const runs = i > 0 ? Number(process.argv[i + 1]) : 20;
  const report = await runKillDrill({ runs });
  console.log(formatReport(report));
  const clean =
    report.losses.length + report.duplicates.length + report.inconsistent.length === 0 &&
    report.integrity === 'ok';
  process.exit(clean ? 0 : 1);
}

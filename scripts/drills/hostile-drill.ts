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
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { freePort, killHard, spawnHall } from './hall-process';

export interface DrillRow {
  attack: string;
  /** What was sent, in words ("60 wrong PINs at once"). */
  sent: string;
  /** What the server did with it ("5 checked, 55 throttled"). */
  outcome: string;
  /** What must hold ("≤ 10 checked"). */
  limit: string;
  ok: boolean;
}

export interface HostileReport {
  rows: DrillRow[];
  crashes: number;
  leaks: number;
  integrity: string;
}

type Reply = { ok: true; data: Record<string, unknown> } | { ok: false; code: string };

async function connect(
  url: string,
  auth: Record<string, string>,
  options: { origin?: string; localAddress?: string } = {},
) {
  const socket: Socket = io(url, {
    auth,
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...(options.origin ? { extraHeaders: { origin: options.origin } } : {}),
    ...(options.localAddress ? { localAddress: options.localAddress } : {}),
  });
  await new Promise<void>((ok, fail) => {
    socket.once('connect', ok);
    socket.once('connect_error', fail);
  });
  return socket;
}

function send(socket: Socket, name: string, payload: object, timeoutMs = 20_000): Promise<Reply> {
  return socket
    .timeout(timeoutMs)
    .emitWithAck(name, { commandId: randomUUID(), ...payload })
    .catch(() => ({ ok: false, code: 'no_answer' }) as Reply) as Promise<Reply>;
}

function tally(replies: Reply[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of replies) {
    const key = r.ok ? 'ok' : r.code;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function describe(counts: Map<string, number>): string {
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

interface HttpAnswer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function http(
  url: string,
  path: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    agent?: Agent;
    localAddress?: string;
  } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, {
      method: options.method ?? 'GET',
      headers: options.headers,
      ...(options.agent ? { agent: options.agent } : { agent: false }),
      ...(options.localAddress ? { localAddress: options.localAddress } : {}),
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          headers: res.headers,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

interface Context {
  url: string;
  pid: number;
  dataDir: string;
}

const DESKS = 3;

/** A staff number's lockout: how many of a burst of wrong PINs reach the PIN check. */
async function pinBurst(ctx: Context, staffNo: string, count: number): Promise<DrillRow> {
  const desks = await Promise.all(
    Array.from({ length: DESKS }, (_, i) =>
      connect(ctx.url, { deviceToken: `demo-desk-${i + 1}` }),
    ),
  );
  const replies = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      send(desks[i % desks.length]!, 'staff:sign-in', {
        staffNo,
        pin: String(100000 + i).slice(-6),
      }),
    ),
  );
  for (const d of desks) d.disconnect();
  const counts = tally(replies);
  const checked = counts.get('bad_credentials') ?? 0;
  return {
    attack: `PIN guessing, staff no. ${staffNo}`,
    sent: `${count} wrong PINs at once from 3 desks`,
    outcome: `${checked} checked; ${describe(counts)}`,
    // The lock is per (staff number, desk): one desk's guesses cannot lock the staff member out
    // of every other desk (docs/security.md, Access). Each desk gets 5 checks per window.
    limit: `≤ 5 checked per desk per lockout window (≤ ${5 * DESKS} from ${DESKS} desks)`,
    ok: checked <= 5 * DESKS && (counts.get('ok') ?? 0) === 0,
  };
}

async function pairingBurst(ctx: Context, count: number): Promise<DrillRow> {
  // From ten addresses (127.0.1.1-10), past any one address's budget to the hall's own.
  const sockets = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      connect(ctx.url, {}, { localAddress: `127.0.1.${i + 1}` }),
    ),
  );
  const replies = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      send(sockets[i % sockets.length]!, 'device:pair', {
        pairingCode: String(i * 3331)
          .padStart(6, '0')
          .slice(-6),
      }),
    ),
  );
  for (const s of sockets) s.disconnect();
  const counts = tally(replies);
  const checked = counts.get('pairing_code_invalid') ?? 0;
  return {
    attack: 'pairing-code guessing',
    sent: `${count} guesses at once from 10 addresses`,
    outcome: `${checked} checked; ${describe(counts)}`,
    limit: '≤ 30 checked per burst',
    ok: checked <= 30 && (counts.get('ok') ?? 0) === 0,
  };
}

/**
 * One kiosk asks for snapshots as fast as it can for `seconds`, never waiting for an answer;
 * the server's memory must stay bounded and another device must still be answered.
 */
async function snapshotFlood(ctx: Context, seconds: number): Promise<DrillRow> {
  const before = rssMiB(ctx.pid);
  const kiosk = await connect(ctx.url, { deviceToken: 'demo-kiosk-1' });
  const display = await connect(ctx.url, { deviceToken: 'demo-display-1' });
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(ctx.pid))), 100);
  const flood: Promise<Reply>[] = [];
  const until = Date.now() + seconds * 1000;
  const others: Reply[] = [];
  let nextOther = Date.now();
  while (Date.now() < until) {
    for (let i = 0; i < 50; i++) flood.push(send(kiosk, 'hall:snapshot', {}, 120_000));
    if (Date.now() >= nextOther) {
      nextOther = Date.now() + 1000;
      void send(display, 'hall:queues', {}, 5_000).then((r) => others.push(r));
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const replies = await Promise.all(flood);
  clearInterval(sampler);
  kiosk.disconnect();
  display.disconnect();
  const counts = tally(replies);
  const served = others.filter((r) => r.ok).length;
  const growth = peak - before;
  return {
    attack: 'snapshot flood from a kiosk token',
    sent: `${flood.length} hall:snapshot in ${seconds} s, never waiting`,
    outcome: `${describe(counts)}; RSS ${before.toFixed(0)} → peak ${peak.toFixed(0)} MiB; display answered ${served} of ${others.length}`,
    limit: 'RSS growth < 150 MiB, the display answered',
    ok: growth < 150 && served === others.length && (counts.get('no_answer') ?? 0) === 0,
  };
}

async function ticketBurst(ctx: Context, count: number): Promise<DrillRow> {
  const kiosk = await connect(ctx.url, { deviceToken: 'demo-kiosk-1' });
  const display = await connect(ctx.url, { deviceToken: 'demo-display-1' });
  const burst = Array.from({ length: count }, () =>
    send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' }),
  );
  const other = await send(display, 'hall:snapshot', {}, 10_000);
  const replies = await Promise.all(burst);
  kiosk.disconnect();
  display.disconnect();
  const counts = tally(replies);
  const issued = counts.get('ok') ?? 0;
  return {
    attack: 'ticket burst from one kiosk',
    sent: `${count} ticket:issue at once`,
    outcome: `${issued} issued; ${describe(counts)}; another device ${other.ok ? 'served' : 'refused'}`,
    limit: '≤ 30 issued, others served',
    ok: issued <= 30 && other.ok && (counts.get('no_answer') ?? 0) === 0,
  };
}

function dirBytes(dataDir: string): number {
  return ['hall.sqlite', 'hall.sqlite-wal']
    .map((f) => {
      try {
        return statSync(join(dataDir, f)).size;
      } catch {
        return 0;
      }
    })
    .reduce((a, b) => a + b, 0);
}

async function anonymousRefusals(ctx: Context, count: number): Promise<DrillRow> {
  const before = dirBytes(ctx.dataDir);
  let statuses = new Map<number, number>();
  for (let i = 0; i < count; i += 50) {
    const answers = await Promise.all(
      Array.from({ length: Math.min(50, count - i) }, (_, j) =>
        http(ctx.url, '/api/v1/ticket/issue', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer stolen-${i + j}`,
          },
          // Spread over 50 addresses, so that most reach the hall rather than the address limit.
          localAddress: `127.0.2.${((i + j) % 50) + 1}`,
          body: JSON.stringify({ commandId: randomUUID(), serviceId: 'svc-billing' }),
        }),
      ),
    );
    for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
  }
  // Let the checkpointer run so the WAL's frames are counted once.
  await new Promise((r) => setTimeout(r, 2500));
  const growth = (dirBytes(ctx.dataDir) - before) / 1024 / 1024;
  statuses = new Map([...statuses].sort());
  return {
    attack: 'anonymous refused requests',
    sent: `${count} POSTs with unknown tokens from 50 addresses`,
    outcome: `${[...statuses].map(([s, n]) => `${n}× ${s}`).join(', ')}; database +${growth.toFixed(2)} MiB`,
    limit: 'database grows < 1 MiB, no 5xx',
    ok: growth < 1 && ![...statuses.keys()].some((s) => s >= 500),
  };
}

async function hostilePaths(ctx: Context): Promise<DrillRow> {
  const paths = [
    '/kiosk/%E0%A4%A',
    '/api/v1/%',
    '/assets/%c0%ae%c0%ae/x',
    '/assets/..%2f..%2fpackage.json',
    '/%00',
    '/api/v1/ticket/status?ticketId=%ff&token=%',
    '/console/%2e%2e/%2e%2e/etc/passwd',
  ];
  const answers = await Promise.all(paths.map((p) => http(ctx.url, p)));
  const bad = answers.filter((a) => a.status >= 500 || a.body.includes('"name"'));
  return {
    attack: 'malformed and traversal paths',
    sent: `${paths.length} paths`,
    outcome: answers.map((a) => a.status).join(' '),
    limit: 'no 5xx, nothing served from outside the apps',
    ok: bad.length === 0,
  };
}

/** A too-large body must be answered in full, and the client's next request must work. */
async function tooLargeBody(ctx: Context): Promise<DrillRow> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const post = (body: string) =>
    http(ctx.url, '/api/v1/ticket/issue', {
      agent,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer demo-kiosk-1' },
      body,
    }).catch((err: Error) => ({ status: 0, body: err.message, headers: {} }) as HttpAnswer);
  const big = await post(JSON.stringify({ commandId: randomUUID(), pad: 'x'.repeat(4_000_000) }));
  const next = await post(JSON.stringify({ commandId: randomUUID(), serviceId: 'svc-invoice' }));
  agent.destroy();
  return {
    attack: 'too-large body on a keep-alive connection',
    sent: '4 MB JSON, then a normal request',
    outcome: `${big.status} ${big.body.slice(0, 40)}…; next ${next.status || next.body}`,
    limit: '413 answered in full, next answered',
    ok: big.status === 413 && big.body.includes('payload_too_large') && next.status === 200,
  };
}

async function foreignOrigin(ctx: Context): Promise<DrillRow> {
  const evil = 'http://evil.example';
  const socketRefused = await connect(
    ctx.url,
    { deviceToken: 'demo-kiosk-1' },
    { origin: evil },
  ).then(
    (s) => {
      s.disconnect();
      return false;
    },
    () => true,
  );
  const post = await http(ctx.url, '/api/v1/ticket/issue', {
    method: 'POST',
    headers: {
      origin: evil,
      'content-type': 'application/json',
      authorization: 'Bearer demo-kiosk-1',
    },
    body: JSON.stringify({ commandId: randomUUID(), serviceId: 'svc-billing' }),
  });
  const page = await http(ctx.url, '/kiosk');
  const csp = String(page.headers['content-security-policy'] ?? '');
  const framing = csp.includes("frame-ancestors 'none'") || page.headers['x-frame-options'];
  return {
    attack: 'a page on another origin',
    sent: 'socket.io handshake and POST with Origin: evil.example',
    outcome: `socket ${socketRefused ? 'refused' : 'ACCEPTED'}, POST ${post.status}, CSP ${csp ? 'sent' : 'MISSING'}, framing ${framing ? 'forbidden' : 'ALLOWED'}`,
    limit: 'refused; CSP and no framing on pages',
    ok: socketRefused && post.status === 403 && csp.length > 0 && Boolean(framing),
  };
}

/** A second device that reuses another's command id learns nothing of the first's result. */
async function commandIdReuse(ctx: Context): Promise<{ row: DrillRow; leaks: number }> {
  const guide = await connect(ctx.url, { deviceToken: 'demo-guide' });
  const signIn = await send(guide, 'staff:sign-in', { staffNo: '7001', pin: '7001' });
  const kiosk = await connect(ctx.url, { deviceToken: 'demo-kiosk-1' });
  const commandId = randomUUID();
  const phone = '13812345678';
  const first = (await guide
    .timeout(10_000)
    .emitWithAck('ticket:issue', {
      commandId,
      serviceId: 'svc-account',
      customer: { phone },
    })
    .catch(() => ({ ok: false, code: 'no_answer' }))) as Reply;
  const second = (await kiosk
    .timeout(10_000)
    .emitWithAck('ticket:issue', { commandId, serviceId: 'svc-account' })
    .catch(() => ({ ok: false, code: 'no_answer' }))) as Reply;
  const conflict = (await guide
    .timeout(10_000)
    .emitWithAck('ticket:issue', { commandId, serviceId: 'svc-billing' })
    .catch(() => ({ ok: false, code: 'no_answer' }))) as Reply;
  guide.disconnect();
  kiosk.disconnect();
  const secondText = JSON.stringify(second);
  const firstToken = first.ok ? String(first.data.statusToken) : 'none';
  const leaks = (secondText.includes(phone) ? 1 : 0) + (secondText.includes(firstToken) ? 1 : 0);
  const ok =
    signIn.ok && first.ok && leaks === 0 && !conflict.ok && conflict.code === 'command_id_conflict';
  return {
    leaks,
    row: {
      attack: "another device's command id",
      sent: 'the guide issues with a phone; a kiosk reuses its command id; the guide reuses it for another service',
      outcome: `kiosk ${second.ok ? 'got its own ticket' : `refused (${second.code})`}, ${leaks} leaked fields; other payload → ${conflict.ok ? 'ok' : conflict.code}`,
      limit: '0 leaked, command_id_conflict',
      ok,
    },
  };
}

/** What a kiosk's snapshot holds of staff and customers. */
async function kioskAudience(ctx: Context): Promise<{ row: DrillRow; leaks: number }> {
  const kiosk = await connect(ctx.url, { deviceToken: 'demo-kiosk-1' });
  const snap = await send(kiosk, 'hall:snapshot', {});
  kiosk.disconnect();
  const text = JSON.stringify(snap);
  const found = [
    ['staff numbers', /"staffNo":"\d+"/],
    ['roles', /"roles":\[[^\]]/],
    ['phone numbers', /(?<!\d)1[3-9]\d{9}(?!\d)/],
    ['reasons', /"(stateReason|reason|note)":"[^"]+"/],
  ].filter(([, re]) => (re as RegExp).test(text));
  return {
    leaks: found.length,
    row: {
      attack: "a kiosk token's snapshot",
      sent: 'hall:snapshot as demo-kiosk-1 after the day so far',
      outcome: found.length
        ? `holds ${found.map(([n]) => n).join(', ')}`
        : 'no staff numbers, roles, phones or reasons',
      limit: 'nothing a kiosk does not show',
      ok: snap.ok && found.length === 0,
    },
  };
}

async function controlCharacters(ctx: Context): Promise<DrillRow> {
  const kiosk = await connect(ctx.url, { deviceToken: 'demo-kiosk-1' });
  const texts = ['投诉\u0000内容完整', '正常\u202Etxt.exe意见内容'];
  const replies = await Promise.all(
    texts.map((text) => send(kiosk, 'opinion:submit', { category: 'complaint', text })),
  );
  kiosk.disconnect();
  const stored = replies.filter((r) => r.ok).length;
  return {
    attack: 'NUL and right-to-left override in an opinion',
    sent: `${texts.length} opinions from the kiosk`,
    outcome: describe(tally(replies)),
    limit: 'refused, nothing stored',
    ok: stored === 0,
  };
}

/** Asked from another loopback address: the drill's own has used up its budget by now. */
async function healthAfter(ctx: Context): Promise<DrillRow> {
  const answer = await http(ctx.url, '/api/v1/health', { localAddress: '127.0.0.2' });
  return {
    attack: 'health after the drill',
    sent: 'GET /api/v1/health',
    outcome: `${answer.status} ${answer.body.slice(0, 80)}`,
    limit: '200, database ok',
    ok: answer.status === 200,
  };
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
        outcome: `error: ${(err as Error).message}`,
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

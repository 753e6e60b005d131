// The hall the hall benchmarks load: a server in its own process with `counters` counters and
// their load clerks, desks, kiosks and pads, the commands they send (timed and counted) and the
// visits they make open-loop.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { fmt, freePort, must, open, spawnChild, startDeviceFarm, timed, type Summary } from './kit';

export const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `onestop-bench-${name}-`));
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startLoadHall(counters: number, options: { keep?: boolean } = {}) {
  const dir = tempDir('hall');
  const port = await freePort();
  const child = await spawnChild(
    'scripts/bench/child.ts',
    ['hall', String(port), dir, String(counters)],
    // BENCH_PROFILE=<dir>: a CPU profile of the hall server, written when it stops.
    process.env.BENCH_PROFILE
      ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.BENCH_PROFILE}` }
      : {},
  );
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    dir,
    async stop() {
      await child.stop();
      if (!options.keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Clerks 1..n signed in at their counters; only the first `keep` stay in this process. */
export async function clerksAtCounters(url: string, n: number, keep: number) {
  const signedIn: ClerkDesk[] = [];
  for (let i = 1; i <= n; i++) signedIn.push(await clerkDesk(url, i));
  // The others go to a device farm of their own, as desks on their own machines would be:
  // they receive every change, but their decoding does not slow the measuring process.
  const others = signedIn.splice(keep).map(({ socket, auth }) => {
    socket.disconnect();
    return auth;
  });
  const clerks = signedIn.map((c) => c.socket);
  const file = join(tempDir('auth'), 'auth.json');
  writeFileSync(file, JSON.stringify(others));
  const farm = others.length > 0 ? await startDeviceFarm(url, others.length, `@${file}`) : null;
  return { clerks, stop: async () => (await farm?.stop())?.broadcasts ?? 0 };
}

interface ClerkDesk {
  socket: Socket;
  /** What the desk connected with: its device token, the clerk's session, its screen. */
  auth: Record<string, string>;
}

/** Load clerk `n` (staff number 2000 + n − 1) signed in on desk n, at counter n, open. */
async function clerkDesk(url: string, n: number): Promise<ClerkDesk> {
  const desk = await open(url, { deviceToken: `load-desk-${n}` });
  const staffNo = String(2000 + n - 1);
  const signedIn = must(
    (await timed(desk, 'staff:sign-in', { staffNo, pin: staffNo }))[1],
    'sign-in',
  );
  desk.disconnect();
  // A clerk's workstation says so in its handshake, and is sent only what it shows.
  const auth = {
    deviceToken: `load-desk-${n}`,
    sessionToken: signedIn.sessionToken,
    screen: 'counter',
  };
  const socket = await open(url, auth);
  must((await timed(socket, 'counter:sign-in', { counterId: `ctr-${n}` }))[1], 'counter');
  must((await timed(socket, 'counter:open', {}))[1], 'open');
  return { socket, auth };
}

export const signedInClerk = async (url: string, n: number) => (await clerkDesk(url, n)).socket;

let sent = 0;
/** How many commands `cmd` has sent so far. */
export const commandsSent = () => sent;

/** A timed command, counted. */
export const cmd: typeof timed = (socket, name, payload) => {
  sent++;
  return timed(socket, name, payload);
};

/** Counts the `hall:changed` messages these sockets receive from now on. */
export function countReceived(sockets: Socket[]): () => number {
  let n = 0;
  for (const s of sockets) s.on('hall:changed', () => n++);
  return () => n;
}

/** One auth file for the farm: `n` pads, one per counter of 60 (two on some when n > 60). */
export function padTokens(n: number): string {
  const file = join(tempDir('pads'), 'auth.json');
  writeFileSync(
    file,
    JSON.stringify(
      Array.from({ length: n }, (_, i) => ({ deviceToken: `load-pad-${(i % 60) + 1}` })),
    ),
  );
  return `@${file}`;
}

/** One visit, each step awaited: issue at a kiosk, called by a clerk, started, finished. */
export async function visit(
  kiosk: Socket,
  clerk: Socket,
  record?: (name: string, ms: number) => void,
): Promise<void> {
  const [issueMs, issued] = await cmd(kiosk, 'ticket:issue', { serviceId: 'svc-billing' });
  const ticketId = must(issued, 'issue').ticket.id;
  const [callMs, called] = await cmd(clerk, 'ticket:call', { ticketId });
  must(called, 'call');
  const [startMs, started] = await cmd(clerk, 'ticket:start', { ticketId });
  must(started, 'start');
  const [finishMs, finished] = await cmd(clerk, 'ticket:finish', {
    ticketId,
    outcome: 'completed',
  });
  must(finished, 'finish');
  record?.('ticket:issue', issueMs);
  record?.('ticket:call', callMs);
  record?.('ticket:start', startMs);
  record?.('ticket:finish', finishMs);
}

/** Runs visits open-loop: a new one every 4000/rate ms whatever the others are doing. */
export async function openLoop(
  rate: number,
  seconds: number,
  kiosks: Socket[],
  clerks: Socket[],
  record: (name: string, ms: number) => void,
): Promise<void> {
  const free = [...clerks];
  const waiting: ((c: Socket) => void)[] = [];
  const takeClerk = () =>
    free.length > 0 ? Promise.resolve(free.pop()!) : new Promise<Socket>((r) => waiting.push(r));
  const giveBack = (c: Socket) => {
    const next = waiting.shift();
    if (next) next(c);
    else free.push(c);
  };
  const interval = 4000 / rate;
  const started = performance.now();
  const running: Promise<void>[] = [];
  for (let i = 0; performance.now() - started < seconds * 1000; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    running.push(
      takeClerk().then(async (clerk) => {
        try {
          await visit(kiosks[i % kiosks.length]!, clerk, record);
        } finally {
          giveBack(clerk);
        }
      }),
    );
  }
  await Promise.all(running);
}

export function latencyTable(rows: [string, Summary][], floor?: Summary): string[] {
  return [
    `| ack of | samples | p50 ms | p99 ms | max ms |${floor ? ' p99 / floor p99 |' : ''}`,
    `| --- | ---: | ---: | ---: | ---: |${floor ? ' ---: |' : ''}`,
    ...rows.map(
      ([name, s]) =>
        `| ${name} | ${s.n} | ${fmt(s.p50)} | ${fmt(s.p99)} | ${fmt(s.max)} |` +
        (floor ? ` ${(s.p99 / floor.p99).toFixed(2)}× |` : ''),
    ),
  ];
}

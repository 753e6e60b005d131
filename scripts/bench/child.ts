// Child processes for the benchmarks: `tsx scripts/bench/child.ts <mode> ...`.
//   devices URL COUNT TOKEN FILE   COUNT device sockets; what they received goes to FILE on SIGTERM
//   hall PORT DIR COUNTERS         a hall server seeded with COUNTERS counters, clerks, pads

import { writeFileSync } from 'node:fs';
import pino from 'pino';
import { loadTestSeed, startHallServer } from '@onestop/hall-server';
import { isAuthList, open, preciseNow, readJson } from './kit';

async function deviceFarm(
  url: string,
  count: number,
  token: string,
  reportFile: string,
): Promise<void> {
  let broadcasts = 0;
  const calls: Record<string, number[]> = {};
  const sockets: Awaited<ReturnType<typeof open>>[] = [];
  // Connect in batches: a few hundred sockets at once would look like a reconnect storm.
  // TOKEN is a device token shared by all, or `@file.json`: one auth object per device.
  const auths: Record<string, string>[] = token.startsWith('@')
    ? readJson(token.slice(1), isAuthList)
    : Array.from({ length: count }, (): Record<string, string> =>
        token ? { deviceToken: token } : {},
      );
  for (let i = 0; i < count; i += 50) {
    const batch = auths.slice(i, Math.min(count, i + 50));
    sockets.push(...(await Promise.all(batch.map((auth) => open(url, auth)))));
  }
  for (const s of sockets) {
    s.on('hall:changed', (change: { events: { type: string; ticketId?: string }[] }) => {
      broadcasts++;
      const at = preciseNow();
      for (const e of change.events) {
        if (e.type === 'ticket.called' && e.ticketId) (calls[e.ticketId] ??= []).push(at);
      }
    });
  }
  process.on('SIGTERM', () => {
    for (const s of sockets) s.disconnect();
    writeFileSync(reportFile, JSON.stringify({ broadcasts, calls }));
    process.exit(0);
  });
  console.log('listening on', url, `with ${count} devices`);
}

async function hall(port: number, dir: string, counters: number): Promise<void> {
  const server = await startHallServer({
    dataDir: dir,
    port,
    host: '127.0.0.1',
    seed: loadTestSeed(Date.now(), { counters }),
    logger: pino({ level: 'warn' }),
    limits: false, // the benchmark drives a whole hall's traffic
  });
  process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
  console.log('listening on', server.port);
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'devices') await deviceFarm(args[0]!, Number(args[1]), args[2] ?? '', args[3]!);
else if (mode === 'hall') await hall(Number(args[0]), args[1]!, Number(args[2]));
else throw new Error(`unknown mode ${mode}`);

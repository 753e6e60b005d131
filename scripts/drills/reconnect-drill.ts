// Fault drill: many devices reconnect at once after the hall server is killed and restarted.
// Each device is a real hall connection (packages/client): it reconnects by itself and catches
// up by sequence number. The drill measures how long until every one of them holds the
// server's latest sequence number.
//
//   npm run drill:reconnect                  # 300 devices
//   npm run drill:reconnect -- --devices 500

import { createHallConnection, type HallConnection } from '@onestop/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { io } from 'socket.io-client';
import { sendCommand } from '../hall-socket';
import { freePort, killHard, spawnHall } from './hall-process';

export interface ReconnectReport {
  devices: number;
  /** Seconds from the restarted server listening to every device in sync. */
  inSyncAfterSec: number;
  serverSeq: number;
  behind: number;
}

async function issueTickets(url: string, count: number): Promise<number> {
  const kiosk = io(url, {
    auth: { deviceToken: 'demo-kiosk-1' },
    transports: ['websocket'],
    forceNew: true,
  });
  for (let i = 0; i < count; i++) {
    await sendCommand(kiosk, 'ticket:issue', { serviceId: 'svc-billing' });
  }
  const snapshot = await sendCommand(kiosk, 'hall:snapshot', {});
  kiosk.disconnect();
  if (!snapshot.ok) throw new Error(`snapshot refused: ${snapshot.code}`);
  return snapshot.data.seq;
}

function allAt(connections: HallConnection[], seq: number): number {
  return connections.filter((c) => c.store.getState().hall?.seq !== seq).length;
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return check();
}

export async function runReconnectDrill(devices: number): Promise<ReconnectReport> {
  const dataDir = mkdtempSync(join(tmpdir(), 'onestop-reconnect-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child = await spawnHall(dataDir, port);
  const connections: HallConnection[] = [];
  try {
    for (let i = 0; i < devices; i++) {
      connections.push(
        createHallConnection({
          url,
          deviceToken: i % 3 === 0 ? 'demo-kiosk-1' : 'demo-display-1',
          socketOptions: {
            transports: ['websocket'],
            reconnectionDelay: 200,
            reconnectionDelayMax: 1000,
          },
        }),
      );
    }
    const before = await issueTickets(url, 5);
    await waitUntil(() => allAt(connections, before) === 0, 20_000);

    await killHard(child);
    child = await spawnHall(dataDir, port);
    const restarted = performance.now();
    const serverSeq = await issueTickets(url, 5); // the hall moves on while devices return
    await waitUntil(() => allAt(connections, serverSeq) === 0, 30_000);
    return {
      devices,
      inSyncAfterSec: (performance.now() - restarted) / 1000,
      serverSeq,
      behind: allAt(connections, serverSeq),
    };
  } finally {
    for (const c of connections) c.close();
    await killHard(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--devices');
  const report = await runReconnectDrill(i > 0 ? Number(process.argv[i + 1]) : 300);
  console.log(
    `reconnect drill: ${report.devices} devices; all at sequence ${report.serverSeq} ` +
      `${report.inSyncAfterSec.toFixed(2)} s after the restarted server listened; ` +
      `${report.behind} behind. Target: all within 5 s — ` +
      `${report.behind === 0 && report.inSyncAfterSec <= 5 ? 'met' : 'NOT met'}.`,
  );
  process.exit(report.behind === 0 ? 0 : 1);
}

import { connect } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type HallClient, startTestHall, type TestHall } from '../test-support/hall-harness';
import { defaultRateLimits } from '../transport/rate-limits';

// socket.io answers before fastify's limits: without a cap of its own, one address could hold
// thousands of connections (8,000 without credentials took RSS 166 → 350 MiB). The socket
// server caps connections per source address at the handshake.

const MiB = 1024 * 1024;
const caps = defaultRateLimits.connectionsPerAddress;

/** Resolves to the socket when it connects, null when refused or not answered in time. */
function attempt(
  url: string,
  opts: { deviceToken?: string; localAddress?: string } = {},
): Promise<HallClient | null> {
  const socket: HallClient = connect(url, {
    auth: opts.deviceToken ? { deviceToken: opts.deviceToken } : {},
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 5000,
    ...(opts.localAddress ? { localAddress: opts.localAddress } : {}),
  } as Parameters<typeof connect>[1]);
  return new Promise((resolve) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', () => {
      socket.close();
      resolve(null);
    });
  });
}

let t: TestHall;
beforeEach(async () => {
  t = await startTestHall();
});
afterEach(() => t.close());

describe('one address opening 200 sockets without credentials', () => {
  it('gets at most the anonymous cap connected; memory bounded; a device elsewhere connects', async () => {
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const sockets = await Promise.all(Array.from({ length: 200 }, () => attempt(t.server.url)));
    const connected = sockets.filter((s) => s !== null);
    const growth = (process.memoryUsage().rss - rssBefore) / MiB;
    console.info(
      `200 anonymous sockets: ${connected.length} connected, RSS +${growth.toFixed(1)} MiB`,
    );
    expect(connected.length).toBeGreaterThan(0); // a pairing screen still connects
    expect(connected.length).toBeLessThanOrEqual(caps.anonymous);
    expect(growth).toBeLessThan(100);

    // A device from another address is not affected.
    const display = await attempt(t.server.url, {
      deviceToken: 'demo-display-1',
      localAddress: '127.0.0.2',
    });
    expect(display).not.toBeNull();
    // Nor a device from the flooding address (its budget is the larger one).
    const kiosk = await attempt(t.server.url, { deviceToken: 'demo-kiosk-1' });
    expect(kiosk).not.toBeNull();
    for (const s of [...connected, display, kiosk]) s?.close();
  });
});

describe('one address opening 80 sockets with a device token', () => {
  it('gets at most the device cap connected', async () => {
    const sockets = await Promise.all(
      Array.from({ length: 80 }, () => attempt(t.server.url, { deviceToken: 'demo-display-1' })),
    );
    const connected = sockets.filter((s) => s !== null);
    console.info(`80 device sockets: ${connected.length} connected`);
    expect(connected.length).toBeLessThanOrEqual(caps.withDevice);
    expect(connected.length).toBeGreaterThanOrEqual(caps.withDevice - caps.anonymous);
    for (const s of connected) s.close();
    // Closed connections give their places back (once the server has seen them close).
    let again: HallClient | null = null;
    for (let i = 0; i < 50 && !again; i++) {
      await new Promise((r) => setTimeout(r, 100));
      again = await attempt(t.server.url, { deviceToken: 'demo-display-1' });
    }
    expect(again).not.toBeNull();
    again?.close();
  });
});

describe('limits: false', () => {
  it('does not cap connections (drills and benchmarks open hundreds from 127.0.0.1)', async () => {
    await t.close();
    t = await startTestHall({ server: { limits: false } });
    const sockets = await Promise.all(Array.from({ length: 60 }, () => attempt(t.server.url)));
    expect(sockets.filter((s) => s !== null).length).toBe(60);
    for (const s of sockets) s?.close();
  });
});

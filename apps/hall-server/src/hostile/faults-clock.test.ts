import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoSeed } from '../app/seed';
import type { HallServer, HallServerOptions } from '../server';
import {
  clerkAtCounter,
  connectClient,
  hallServerOn,
  ok,
  send,
  tempDir,
  type HallClient,
} from '../test-support/hall-harness';

// A wrong clock: the server's wall clock steps back an hour, or leaps 20 hours ahead, while
// real time (the monotonic clock) goes on as usual. Ticket order must follow issue order,
// nothing may be cancelled, the business day must not end early, and the duty leader is told
// once per jump.

const HOUR = 3_600_000;
const TEN_AM_SHANGHAI = Date.parse('2026-03-10T02:00:00Z');

let wall = 0;
let mono = 0;
function pass(ms: number): void {
  wall += ms;
  mono += ms;
}

let server: HallServer | null = null;
let dataDir = '';
const sockets: HallClient[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await server?.close();
  server = null;
  rmSync(dataDir, { recursive: true, force: true });
});

/** A hall server on `dir` that reads this file's clocks: `wall`, and `mono` as real time. */
function hallOn(dir: string, options: Partial<HallServerOptions> = {}): Promise<HallServer> {
  return hallServerOn(dir, {
    clock: () => wall,
    monotonic: () => mono,
    ...options,
  });
}

async function start(): Promise<{ kiosk: HallClient; issue: (n: number) => Promise<string> }> {
  wall = TEN_AM_SHANGHAI;
  mono = 1000;
  dataDir = tempDir();
  server = await hallOn(dataDir, { seed: demoSeed(wall) });
  const kiosk = await connectClient(server.url, { deviceToken: 'demo-kiosk-1' });
  sockets.push(kiosk);
  const issue = async (n: number) => {
    pass(1000);
    const commandId = `clock-jump-issue-${n}`;
    return ok(await send(kiosk, 'ticket:issue', { commandId, serviceId: 'svc-billing' })).ticket.id;
  };
  return { kiosk, issue };
}

function clockAlerts(): number {
  return server!.hall.store.db
    .prepare("SELECT count(*) FROM alerts WHERE kind = 'clock_jump'")
    .pluck()
    .get() as number;
}

describe('a wall clock that jumps', () => {
  it('a step back an hour: call order stays issue order, nothing cancelled, one alert', async () => {
    const { kiosk, issue } = await start();
    const a = await issue(1);
    const b = await issue(2);
    wall -= HOUR;
    const c = await issue(3);
    const clerk = await clerkAtCounter(server!.url, {
      deviceToken: 'demo-desk-1',
      staffNo: '1001',
      pin: '1001',
      counterId: 'ctr-1',
    });
    sockets.push(clerk.socket);
    const called: string[] = [];
    for (let i = 0; i < 3; i++) {
      pass(1000);
      const t = ok(await send(clerk.socket, 'ticket:call-next', {})).ticket;
      called.push(t.id);
      ok(await send(clerk.socket, 'ticket:start', { ticketId: t.id }));
      ok(await send(clerk.socket, 'ticket:finish', { ticketId: t.id, outcome: 'completed' }));
    }
    expect(called).toEqual([a, b, c]);
    const snapshot = ok(await send(kiosk, 'hall:snapshot', {}));
    expect(snapshot.tickets.filter((t) => t.state === 'cancelled')).toHaveLength(0);
    expect(clockAlerts()).toBe(1);
    expect(server!.clock.state()).toMatchObject({ trusted: false, jumps: 1 });
  });

  it('a leap 20 hours ahead at 10:00: no new business day before real midnight, one alert', async () => {
    const { kiosk, issue } = await start();
    const a = await issue(1);
    const day = server!.hall.store.hall.state().businessDay;
    wall += 20 * HOUR; // the wall clock says 06:00 tomorrow
    const b = await issue(2);
    let snapshot = ok(await send(kiosk, 'hall:snapshot', {}));
    expect(server!.hall.store.hall.state().businessDay).toBe(day);
    expect(snapshot.tickets.find((t) => t.id === a)?.state).toBe('waiting');
    expect(snapshot.tickets.find((t) => t.id === b)?.businessDay).toBe(day);
    expect(clockAlerts()).toBe(1);

    // Real time passes to 23:59, then past midnight: the day turns over then, not before.
    pass(14 * HOUR - 2 * 60_000);
    await issue(3);
    expect(server!.hall.store.hall.state().businessDay).toBe(day);
    pass(5 * 60_000);
    await issue(4);
    expect(server!.hall.store.hall.state().businessDay).not.toBe(day);
    snapshot = ok(await send(kiosk, 'hall:snapshot', {}));
    expect(snapshot.tickets.find((t) => t.id === a)).toBeUndefined(); // yesterday's, cancelled
    expect(clockAlerts()).toBe(1);
  });

  it('a leap 20 hours ahead, then a restart: the hall keeps its day and its waiting tickets', async () => {
    const { issue } = await start();
    const a = await issue(1);
    const day = server!.hall.store.hall.state().businessDay;
    wall += 20 * HOUR;
    await issue(2);
    expect(clockAlerts()).toBe(1);
    await server!.close(); // the supervisor restarts it (or a reboot): real time goes on
    const restart = async (trustClock?: boolean) => {
      pass(60_000);
      mono = 5; // a new process: its monotonic clock starts again
      server = await hallOn(dataDir, { trustClock });
    };
    await restart();
    expect(server!.hall.store.hall.state().businessDay).toBe(day);
    expect(server!.hall.store.tickets.byId(a)?.state).toBe('waiting');
    expect(server!.clock.state().trusted).toBe(false);
    expect(server!.clock.now()).toBeLessThan(wall - 19 * HOUR);
    // Raised again at the start that does not trust the clock.
    await vi.waitFor(() => expect(clockAlerts()).toBe(2));

    // Restarted again (no clean stop in between is needed): still untrusted.
    await server!.close();
    await restart();
    expect(server!.hall.store.hall.state().businessDay).toBe(day);
    expect(server!.clock.state().trusted).toBe(false);
    await vi.waitFor(() => expect(clockAlerts()).toBe(3));

    // A person set the clock right: the wall clock has come back, the hall trusts it again.
    await server!.close();
    wall -= 20 * HOUR;
    await restart();
    expect(server!.clock.state().trusted).toBe(true);
    expect(server!.hall.store.hall.state().businessDay).toBe(day);
    expect(server!.hall.store.tickets.byId(a)?.state).toBe('waiting');
  });

  it('a leap 20 hours ahead, then a crash: the copy of the killed hall keeps its day', async () => {
    const { issue } = await start();
    const a = await issue(1);
    const day = server!.hall.store.hall.state().businessDay;
    wall += 20 * HOUR;
    await issue(2);
    // The files as a SIGKILL leaves them: the database and its WAL, the run never marked clean.
    const crashed = tempDir();
    for (const s of ['', '-wal'])
      copyFileSync(join(dataDir, `hall.sqlite${s}`), join(crashed, `hall.sqlite${s}`));
    pass(60_000);
    mono = 5;
    const copy = await hallOn(crashed);
    try {
      expect(copy.hall.store.hall.state().businessDay).toBe(day);
      expect(copy.hall.store.tickets.byId(a)?.state).toBe('waiting');
      expect(copy.clock.state().trusted).toBe(false);
      await vi.waitFor(() =>
        expect(
          copy.hall.store.db
            .prepare("SELECT count(*) FROM alerts WHERE kind = 'clock_jump'")
            .pluck()
            .get(),
        ).toBe(2),
      );
    } finally {
      await copy.close();
      rmSync(crashed, { recursive: true, force: true });
    }
  });

  it('a person who says the leapt clock is right (--trust-clock) is believed', async () => {
    const { issue } = await start();
    const a = await issue(1);
    const day = server!.hall.store.hall.state().businessDay;
    wall += 20 * HOUR;
    await issue(2);
    await server!.close();
    mono = 5;
    server = await hallOn(dataDir, { trustClock: true });
    expect(server.clock.state().trusted).toBe(true);
    expect(server.hall.store.hall.state().businessDay).not.toBe(day);
    expect(server.hall.store.tickets.byId(a)?.state).toBe('cancelled');
  });

  it('virtual time (an injected clock without a monotonic reference) is never checked', async () => {
    wall = TEN_AM_SHANGHAI;
    dataDir = tempDir();
    server = await hallOn(dataDir, { seed: demoSeed(wall), monotonic: undefined }); // no real time beside it;
    const kiosk = await connectClient(server.url, { deviceToken: 'demo-kiosk-1' });
    sockets.push(kiosk);
    wall += 24 * HOUR;
    ok(await send(kiosk, 'ticket:issue', { commandId: 'virtual-day-2', serviceId: 'svc-billing' }));
    expect(server.hall.store.hall.state().businessDay).toBe('2026-03-11');
    expect(clockAlerts()).toBe(0);
  });
});

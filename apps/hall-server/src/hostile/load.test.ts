import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  connectClient,
  http,
  ok,
  send,
  sendRaw,
  startTestHall,
  type TestHall,
} from '../test-support/hall-harness';
import { demoStaffOn } from '../test-support/suite-hall';
import { defaultRateLimits } from '../transport/rate-limits';

// One device flooding the hall must not take it down nor starve the others: its excess is
// answered `rate_limited` at once, memory stays bounded, other devices are served.

let t: TestHall;
beforeEach(async () => {
  t = await startTestHall();
});
afterEach(() => t.close());

const MiB = 1024 * 1024;

describe('a kiosk flooding hall:snapshot without waiting', () => {
  it('gets the excess refused, memory stays bounded, and another device is served', async () => {
    const kiosk = await connectClient(t.server.url, { deviceToken: 'demo-kiosk-1' });
    const display = await connectClient(t.server.url, { deviceToken: 'demo-display-1' });
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);

    const flood = Array.from({ length: 2000 }, () => sendRaw(kiosk, 'hall:snapshot', {}));
    const other = await send(display, 'hall:snapshot', {});
    const acks = await Promise.all(flood);
    clearInterval(sampler);

    expect(other.ok).toBe(true);
    const served = acks.filter((a) => a.ok).length;
    const limited = acks.filter((a) => !a.ok && a.code === 'rate_limited').length;
    expect(served + limited).toBe(2000); // every command with an ack got an answer
    expect(served).toBeLessThanOrEqual(defaultRateLimits.perDevice.snapshot.points);
    expect(limited).toBeGreaterThanOrEqual(2000 - defaultRateLimits.perDevice.snapshot.points);
    const growth = (peak - rssBefore) / MiB;
    console.info(
      `snapshot flood: ${served} served, ${limited} limited, RSS +${growth.toFixed(1)} MiB`,
    );
    expect(growth).toBeLessThan(150);
    kiosk.close();
    display.close();
  });
});

describe('a kiosk issuing 300 tickets at once', () => {
  const body = () => ({ serviceId: 'svc-invoice', commandId: randomUUID() });
  const burst = defaultRateLimits.perDevice.issue.points;

  it('over socket.io: at most the burst is issued, the rest refused; others still served', async () => {
    const seqBefore = t.server.hall.store.hall.state().seq;
    const kiosk = await connectClient(t.server.url, { deviceToken: 'demo-kiosk-1' });
    const acks = await Promise.all(
      Array.from({ length: 300 }, () => sendRaw(kiosk, 'ticket:issue', body())),
    );
    const issued = acks.filter((a) => a.ok).length;
    const refused = acks.filter((a) => !a.ok && a.code === 'rate_limited').length;
    console.info(`socket issue flood: ${issued} issued, ${refused} refused`);
    expect(issued).toBeLessThanOrEqual(burst);
    expect(issued + refused).toBe(300);
    // Only the issued tickets changed the hall.
    expect(t.server.hall.store.hall.state().seq - seqBefore).toBe(issued);

    // The guide desk still issues, and a clerk still calls.
    const guide = await demoStaffOn(t.server.url, 'demo-guide', '7001');
    ok(await send(guide.socket, 'ticket:issue', { serviceId: 'svc-invoice' }));
    const clerk = await demoStaffOn(t.server.url, 'demo-desk-1', '1001', 'ctr-1');
    ok(await send(clerk.socket, 'ticket:call-next', {}));
    // The kiosk itself gets no more than its window, then is refused with the wait in the
    // message (some of the flood may have been refused for too many in flight, before the
    // window counted them: a command is in flight until its WAL sync is done).
    let again = await send(kiosk, 'ticket:issue', { serviceId: 'svc-invoice' });
    let more = 0;
    while (again.ok && issued + ++more <= burst) {
      again = await send(kiosk, 'ticket:issue', { serviceId: 'svc-invoice' });
    }
    expect(again).toMatchObject({ ok: false, code: 'rate_limited' });
    expect(!again.ok && again.message).toMatch(/retry after \d+ s/);
    for (const s of [kiosk, guide.socket, clerk.socket]) s.close();
  });

  it('over HTTP: the same, answered 429 with retry-after', async () => {
    const seqBefore = t.server.hall.store.hall.state().seq;
    const answers = await Promise.all(
      Array.from({ length: 300 }, () =>
        http(t.server.url, 'POST', '/api/v1/ticket/issue', {
          deviceToken: 'demo-kiosk-1',
          body: body(),
        }),
      ),
    );
    const issued = answers.filter((a) => a.status === 200).length;
    const refused = answers.filter((a) => a.status === 429 && a.body.code === 'rate_limited');
    console.info(`http issue flood: ${issued} issued, ${refused.length} refused`);
    expect(issued).toBeLessThanOrEqual(burst);
    expect(issued + refused.length).toBe(300);
    expect(t.server.hall.store.hall.state().seq - seqBefore).toBe(issued);
    const guide = await demoStaffOn(t.server.url, 'demo-guide', '7001');
    ok(await send(guide.socket, 'ticket:issue', { serviceId: 'svc-invoice' }));
    guide.socket.close();
  });
});

describe('limits: false', () => {
  it('lets a load script through', async () => {
    await t.close();
    t = await startTestHall({ server: { limits: false } });
    const kiosk = await connectClient(t.server.url, { deviceToken: 'demo-kiosk-1' });
    const acks = await Promise.all(
      Array.from({ length: 60 }, () =>
        sendRaw(kiosk, 'ticket:issue', { serviceId: 'svc-invoice', commandId: randomUUID() }),
      ),
    );
    expect(acks.filter((a) => a.ok).length).toBe(60);
    kiosk.close();
  });
});

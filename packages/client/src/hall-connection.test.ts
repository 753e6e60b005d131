import { afterEach, describe, expect, it } from 'vitest';
import {
  connectClient,
  ok,
  send,
  startTestHall,
  type TestHall,
} from '@onestop/hall-server/test-support/hall-harness';
import { createHallConnection, type HallConnection } from './hall-connection';

// The device side against a real hall server on a loopback port.

const open: { halls: TestHall[]; connections: HallConnection[] } = { halls: [], connections: [] };
afterEach(async () => {
  for (const c of open.connections.splice(0)) c.close();
  for (const h of open.halls.splice(0)) await h.close();
});

async function hallWith(deviceToken: string) {
  const hall = await startTestHall();
  open.halls.push(hall);
  const connection = createHallConnection({
    url: hall.server.url,
    deviceToken,
    ackTimeoutMs: 1000,
    socketOptions: { transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 200 },
  });
  open.connections.push(connection);
  return { hall, connection };
}

function until(connection: HallConnection, predicate: () => boolean, ms = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (predicate()) return resolve();
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out; link is ${connection.store.getState().link}`));
    }, ms);
    const stop = connection.store.subscribe(() => {
      if (!predicate()) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

describe('a hall connection', () => {
  it('syncs a snapshot, then applies every change in order', async () => {
    const { hall, connection } = await hallWith('demo-display-1');
    await until(connection, () => connection.store.getState().link === 'online');
    expect(connection.store.getState().hall?.services).toHaveLength(5);

    const kiosk = await connectClient(hall.server.url, { deviceToken: 'demo-kiosk-1' });
    const issued = ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' }));
    await until(connection, () =>
      (connection.store.getState().hall?.tickets ?? []).some((t) => t.id === issued.ticket.id),
    );
    expect(connection.store.getState().hall?.seq).toBe(1);
    kiosk.disconnect();
  });

  it('retries a command sent while the server is down with the same id: exactly one ticket', async () => {
    const { hall, connection } = await hallWith('demo-kiosk-1');
    await until(connection, () => connection.store.getState().link === 'online');
    const port = hall.server.port;
    await hall.server.close();
    await until(connection, () => connection.store.getState().link === 'offline');

    const sending = connection.send('ticket:issue', { serviceId: 'svc-fault' });
    await new Promise((r) => setTimeout(r, 1500)); // at least one attempt times out meanwhile
    expect(connection.store.getState().pending).toBe(1);
    await hall.restart();
    expect(hall.server.port).toBe(port);
    const ack = await sending;
    expect(ack.ok).toBe(true);
    await until(connection, () =>
      (connection.store.getState().hall?.tickets ?? []).some((t) => t.serviceId === 'svc-fault'),
    );
    const kiosk = await connectClient(hall.server.url, { deviceToken: 'demo-kiosk-1' });
    const snapshot = ok(await send(kiosk, 'hall:snapshot', {}));
    expect(snapshot.tickets.filter((t) => t.serviceId === 'svc-fault')).toHaveLength(1);
    kiosk.disconnect();
    expect(connection.store.getState().pending).toBe(0);
  });

  it('catches up with changes made while it was away', async () => {
    const { hall, connection } = await hallWith('demo-display-1');
    await until(connection, () => connection.store.getState().link === 'online');
    await hall.restart(); // drops the link; changes happen before the display is back
    const kiosk = await connectClient(hall.server.url, { deviceToken: 'demo-kiosk-1' });
    for (let i = 0; i < 3; i++) ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' }));
    await until(connection, () => connection.store.getState().hall?.seq === 3);
    expect(connection.store.getState().hall?.tickets).toHaveLength(3);
    kiosk.disconnect();
  });

  it('gives up with `offline` when asked to, and says so plainly', async () => {
    const { hall, connection } = await hallWith('demo-kiosk-1');
    await until(connection, () => connection.store.getState().link === 'online');
    await hall.server.close();
    const ack = await connection.send(
      'ticket:issue',
      { serviceId: 'svc-billing' },
      { giveUpAfterMs: 300 },
    );
    expect(ack).toMatchObject({ ok: false, code: 'offline' });
    await hall.restart();
  });

  it('is refused, not retried forever, when the device is unknown', async () => {
    const { connection } = await hallWith('no-such-device-token');
    await until(connection, () => connection.store.getState().link === 'refused');
    expect(connection.store.getState().refusal).toBe('not_paired');
    const ack = await connection.send('ticket:issue', { serviceId: 'svc-billing' });
    expect(ack).toMatchObject({ ok: false, code: 'not_paired' });
  });
});

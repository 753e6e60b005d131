import { DEFAULT_NOTIFICATION_SETTINGS, type NotificationSettings } from '@onestop/shared';
import { rmSync } from 'node:fs';
import { Writable } from 'node:stream';
import pino from 'pino';
import { demoSeed } from '../app/seed';
import type { HallServer } from '../server';
import { hallServerOn, ok, send, tempDir, type HallClient } from './hall-harness';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';

// A demo hall whose customer notifications go to a real webhook receiver on loopback (signed
// with `SECRET`), with its log lines kept for the tests that look for a leaked secret or phone.

export const SECRET = 'test-webhook-secret-0123456789abcdef';

/** No quiet hours (the suites run at any hour), quick retries. */
export const TEST_NOTIFY: NotificationSettings = {
  ...DEFAULT_NOTIFICATION_SETTINGS,
  turnNearAhead: 2,
  quietHours: null,
  perCustomerPerHour: 5,
  retry: { maxAttempts: 3, backoffSec: 1 },
};

export interface NotifyHall {
  server: HallServer;
  receiver: WebhookReceiver;
  logs: string[];
  dataDir: string;
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** The clerk calls, starts and finishes the next ticket: the queue moves one; its number. */
export async function serveNext(clerk: HallClient): Promise<string> {
  const { ticket } = ok(await send(clerk, 'ticket:call-next', {}));
  ok(await send(clerk, 'ticket:start', { ticketId: ticket.id }));
  ok(await send(clerk, 'ticket:finish', { ticketId: ticket.id, outcome: 'completed', items: [] }));
  return ticket.number;
}

export async function startNotifyHall(
  settings: Partial<NotificationSettings> = {},
  gateway: { timeoutMs?: number } = {},
): Promise<NotifyHall> {
  const receiver = await startWebhookReceiver(SECRET);
  const logs: string[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _enc, done) {
        logs.push(chunk.toString('utf8'));
        done();
      },
    }),
  );
  const seed = demoSeed(Date.now());
  seed.config = { ...seed.config, notifications: { ...TEST_NOTIFY, ...settings } };
  const dataDir = tempDir('onestop-notify-');
  const options = {
    seed,
    logger,
    notify: {
      gateway: 'webhook' as const,
      webhookUrl: receiver.url,
      webhookSecret: SECRET,
      timeoutMs: gateway.timeoutMs ?? 2000,
      pollMs: 50,
    },
  };
  let server = await hallServerOn(dataDir, options);
  return {
    get server() {
      return server;
    },
    receiver,
    logs,
    dataDir,
    async restart() {
      const port = server.port;
      await server.close();
      server = await hallServerOn(dataDir, { ...options, port });
    },
    async close() {
      await server.close();
      await receiver.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

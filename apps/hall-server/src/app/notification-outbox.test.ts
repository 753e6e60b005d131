import { DEFAULT_NOTIFICATION_SETTINGS, type Notification } from '@onestop/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { accept } from '../domain/result';
import { openDatabase } from '../store/db';
import { createStore } from '../store/store';
import { silent } from '../test-support/hall-harness';
import type { Gateway, OutgoingText } from './gateways';
import { createHall, type Hall } from './hall';
import { startNotificationOutbox, type NotificationOutbox } from './notification-outbox';
import { notifyCustomer, type NotifyRequest } from './notify';
import { demoSeed, seedHall } from './seed';

// The outbox on the hall's own clock, in process: quiet hours hold a promise's text until they
// end and drop a queue text; a text that waited past its life is dropped; a retry falls due by
// the row's nextAttemptAt; the gateway is never called inside a transaction.

const PHONE = '13800138000';
/** A local time on 2026-11-24 in Shanghai (UTC+8). */
const at = (hhmm: string, day = 24) => {
  const [h, m] = hhmm.split(':').map(Number);
  return Date.UTC(2026, 10, day, h! - 8, m!);
};

interface Rig {
  hall: Hall;
  clock: { now: number };
  sent: OutgoingText[];
  answers: ('sent' | 'retry')[];
  outbox: NotificationOutbox;
  notify(request: Partial<NotifyRequest>): string;
  row(id: string): Notification;
}
const rigs: Rig[] = [];
afterEach(async () => {
  for (const r of rigs.splice(0)) {
    await r.outbox.stop();
    r.hall.store.db.close();
  }
});

async function rig(start: number): Promise<Rig> {
  const clock = { now: start };
  const store = createStore(openDatabase(':memory:'));
  const seed = demoSeed(start);
  seed.config = {
    ...seed.config,
    notifications: {
      ...DEFAULT_NOTIFICATION_SETTINGS,
      quietHours: { start: '21:00', end: '08:00' },
      retry: { maxAttempts: 3, backoffSec: 60 },
    },
  };
  await seedHall(store, seed);
  const hall = createHall({ store, clock: () => clock.now, logger: silent });
  store.notifications.saveConsent({
    phone: PHONE,
    accountNo: null,
    given: true,
    source: 'desk',
    ticketId: null,
    at: start,
    byStaffId: null,
    byDeviceId: null,
  });
  const sent: OutgoingText[] = [];
  const answers: ('sent' | 'retry')[] = [];
  const gateway: Gateway = {
    name: 'test',
    send(text) {
      // Off the command path: never inside a SQLite transaction.
      expect(store.db.inTransaction).toBe(false);
      sent.push(text);
      const answer = answers.shift() ?? 'sent';
      return Promise.resolve(
        answer === 'sent' ? { kind: 'sent' } : { kind: 'retry', error: 'HTTP 503' },
      );
    },
  };
  const outbox = startNotificationOutbox(hall, gateway, { pollMs: 60_000 });
  const r: Rig = {
    hall,
    clock,
    sent,
    answers,
    outbox,
    notify(request) {
      const outcome = hall.runSystem('test-notify', (tx) =>
        accept(
          notifyCustomer(tx, {
            purpose: 'promise_changed',
            customer: { phone: PHONE, accountNo: null },
            vars: { caseNumber: 'C-1', newTime: '明日', reason: '配件' },
            subject: { kind: 'case', id: 'case-1' },
            ...request,
          }),
        ),
      );
      if (!outcome?.queued) throw new Error(`not queued: ${JSON.stringify(outcome)}`);
      return outcome.notificationId;
    },
    row: (id) => store.notifications.byId(id)!,
  };
  rigs.push(r);
  return r;
}

describe('the notification outbox on the hall clock', () => {
  it('a promise change at 22:00 is held until 08:00, then sent', async () => {
    const r = await rig(at('22:00'));
    const id = r.notify({});
    expect(r.row(id)).toMatchObject({ state: 'held', nextAttemptAt: at('08:00', 25) });
    expect(await r.outbox.runOnce()).toBe(0);
    r.clock.now = at('07:59', 25);
    expect(await r.outbox.runOnce()).toBe(0);
    r.clock.now = at('08:00', 25);
    expect(await r.outbox.runOnce()).toBe(1);
    expect(r.row(id)).toMatchObject({ state: 'sent', attempts: 1, sentAt: at('08:00', 25) });
    expect(r.sent.map((s) => s.id)).toEqual([id]);
  });

  it('a call at 22:00 is not sent at all: suppressed, with why', async () => {
    const r = await rig(at('22:00'));
    const id = r.notify({ purpose: 'called', subject: { kind: 'ticket', id: 't-1' } });
    expect(r.row(id)).toMatchObject({ state: 'suppressed', lastError: 'quiet_hours' });
    r.clock.now = at('09:00', 25);
    expect(await r.outbox.runOnce()).toBe(0);
    expect(r.sent).toEqual([]);
  });

  it('a retry falls due by its nextAttemptAt; a call that waited past its life is dropped', async () => {
    const r = await rig(at('10:00'));
    r.answers.push('retry');
    const promise = r.notify({});
    const call = r.notify({ purpose: 'called', subject: { kind: 'ticket', id: 't-2' } });
    r.answers.push('sent'); // the call goes at once
    expect(await r.outbox.runOnce()).toBe(2);
    expect(r.row(promise)).toMatchObject({
      state: 'queued',
      attempts: 1,
      lastError: 'HTTP 503',
      nextAttemptAt: at('10:01'),
    });
    expect(r.row(call).state).toBe('sent');
    r.clock.now = at('10:00') + 59_000;
    expect(await r.outbox.runOnce()).toBe(0);
    r.clock.now = at('10:01');
    expect(await r.outbox.runOnce()).toBe(1);
    expect(r.row(promise)).toMatchObject({ state: 'sent', attempts: 2 });

    // A call queued while the gateway was down, due again only after its five minutes.
    r.answers.push('retry');
    const late = r.notify({ purpose: 'called', subject: { kind: 'ticket', id: 't-3' } });
    expect(await r.outbox.runOnce()).toBe(1);
    r.clock.now += 6 * 60_000;
    expect(await r.outbox.runOnce()).toBe(0);
    expect(r.row(late)).toMatchObject({ state: 'suppressed', lastError: 'too_late' });
  });
});

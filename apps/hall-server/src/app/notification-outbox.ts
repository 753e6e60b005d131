import { notificationSettingsOf, type Notification } from '@onestop/shared';
import type { Logger } from 'pino';
import { newAlert } from '../domain/alerts';
import { afterAttempt, planDelivery, tooLate, type SendOutcome } from '../domain/notifications';
import { accept } from '../domain/result';
import type { TxContext } from './context';
import type { Gateway } from './gateways';
import type { Hall } from './hall';

// The delivery worker of the notification outbox (issue 18 item 3). On a timer it takes the due
// rows (a bounded batch) and marks them `sending` in one transaction, then sends each through
// the gateway outside any transaction, then records `sent`, or the next attempt after the
// backoff (the row's `nextAttemptAt` is the retry: durable across a restart), or `failed` after
// the last attempt with a `notification_failed` alert for the owner and the duty leader.
// A row left `sending` by a crash is sent again at start with the same id (at-least-once; the
// receiver de-duplicates by it).

export interface OutboxOptions {
  logger?: Logger;
  /** How often due rows are looked for; default 1 s. */
  pollMs?: number;
  /** At most this many rows per round; default 20. */
  batch?: number;
}

export interface NotificationOutbox {
  /** One round now (tests): resolves when its sends are recorded. */
  runOnce(): Promise<number>;
  /** Stops the timer and waits for the sends in flight to be recorded. */
  stop(): Promise<void>;
}

/** The staff member who owns what a notification is about: told when it fails. */
function ownerOf(tx: TxContext, n: Notification): string | null {
  switch (n.subjectKind) {
    case 'ticket':
      return tx.store.tickets.byId(n.subjectId)?.ownerStaffId ?? n.staffId;
    case 'case':
      return tx.store.cases.byId(n.subjectId)?.ownerStaffId ?? n.staffId;
    case 'task':
      return tx.store.tasks.byId(n.subjectId)?.ownerStaffId ?? n.staffId;
    case 'follow_up':
      return tx.store.followUps.byId(n.subjectId)?.assigneeStaffId ?? n.staffId;
  }
}

/** Due rows, marked `sending` (or settled without sending: too late, quiet hours). */
function takeDue(tx: TxContext, gateway: Gateway, batch: number): Notification[] {
  const { config } = tx.hall;
  const settings = notificationSettingsOf(config);
  const taken: Notification[] = [];
  for (const n of tx.store.notifications.due(tx.now, batch)) {
    if (tooLate(n.purpose, n.createdAt, tx.now)) {
      tx.write.notification({
        ...n,
        state: 'suppressed',
        nextAttemptAt: null,
        lastError: 'too_late',
      });
      continue;
    }
    // An opt-out recorded since the text was queued (a promise text held for quiet hours, a
    // retry) stops it: the phone's or the account's withdrawal wins, as when it was queued. (The
    // consent that covered it is not asked again: a kiosk's tick on the same phone's next
    // ticket replaces its row.)
    if (tx.store.notifications.consentsFor(n.phone, n.accountNo).some((c) => !c.given)) {
      tx.write.notification({
        ...n,
        state: 'suppressed',
        nextAttemptAt: null,
        lastError: 'opted_out',
      });
      continue;
    }
    // A retry that falls into quiet hours waits for their end (or is dropped, if about the queue).
    const plan = planDelivery(n.purpose, tx.now, config.timeZone, settings.quietHours);
    if (plan.state !== 'queued') {
      if (n.state !== plan.state || n.nextAttemptAt !== plan.nextAttemptAt)
        tx.write.notification({
          ...n,
          ...plan,
          lastError: plan.state === 'suppressed' ? 'quiet_hours' : n.lastError,
        });
      continue;
    }
    taken.push(
      tx.write.notification({
        ...n,
        state: 'sending',
        attempts: n.attempts + 1,
        gateway: gateway.name,
      }),
    );
  }
  return taken;
}

/** What the gateway said, recorded on the row (it may have been settled meanwhile: left). */
function record(tx: TxContext, id: string, outcome: SendOutcome): Notification | null {
  const n = tx.store.notifications.byId(id);
  if (!n || n.state !== 'sending') return null;
  const retry = notificationSettingsOf(tx.hall.config).retry;
  const next = afterAttempt(outcome, n.attempts, retry, tx.now);
  const saved = tx.write.notification({
    ...n,
    state: next.state,
    nextAttemptAt: next.nextAttemptAt,
    lastError: next.error,
    sentAt: next.state === 'sent' ? tx.now : null,
  });
  if (next.state === 'failed') {
    tx.write.alert(
      newAlert(tx.newId(), tx.now, {
        kind: 'notification_failed',
        subjectId: n.id,
        ticketId: n.subjectKind === 'ticket' ? n.subjectId : undefined,
        staffId: ownerOf(tx, n) ?? undefined,
      }),
    );
  }
  return saved;
}

export function startNotificationOutbox(
  hall: Hall,
  gateway: Gateway,
  options: OutboxOptions = {},
): NotificationOutbox {
  const { logger } = options;
  const batch = options.batch ?? 20;
  let round: Promise<number> | null = null;
  let stopped = false;

  // A crash between `sending` and the answer: queued again now, sent again with the same id.
  hall.runSystem('notification-recover', (tx) => {
    const left = tx.store.notifications.sending();
    for (const n of left) tx.write.notification({ ...n, state: 'queued', nextAttemptAt: tx.now });
    if (left.length > 0)
      logger?.warn({ count: left.length }, 'notifications left sending: sent again');
    return accept(left.length);
  });

  async function sendOne(n: Notification): Promise<void> {
    let outcome: SendOutcome;
    try {
      outcome = await gateway.send({
        id: n.id,
        purpose: n.purpose,
        phone: n.phone,
        lang: n.lang,
        text: n.text,
        createdAt: n.createdAt,
      });
    } catch (err) {
      logger?.error({ err, notificationId: n.id }, 'notification gateway threw');
      outcome = { kind: 'retry', error: 'gateway error' };
    }
    const saved = hall.runSystem('notification-attempt', (tx) => accept(record(tx, n.id, outcome)));
    if (saved && saved.state !== 'sent')
      logger?.warn(
        {
          notificationId: n.id,
          state: saved.state,
          attempts: saved.attempts,
          error: saved.lastError,
        },
        'customer notification not delivered',
      );
  }

  async function runRound(): Promise<number> {
    // Most seconds nothing is due: a read, no transaction.
    if (hall.store.notifications.due(hall.clock(), 1).length === 0) return 0;
    const taken =
      hall.runSystem('notification-sending', (tx) => accept(takeDue(tx, gateway, batch))) ?? [];
    await Promise.all(taken.map(sendOne));
    return taken.length;
  }

  function runOnce(): Promise<number> {
    if (!round) round = runRound().finally(() => (round = null));
    return round;
  }

  const timer = setInterval(() => {
    if (!stopped && hall.store.db.open)
      void runOnce().catch((err: unknown) => logger?.error({ err }, 'notification round failed'));
  }, options.pollMs ?? 1000);
  timer.unref();

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await round?.catch(() => undefined);
    },
  };
}

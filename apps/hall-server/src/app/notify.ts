import { notificationSettingsOf, type Notification } from '@onestop/shared';
import {
  mayText,
  planDelivery,
  RATE_WINDOW_MS,
  renderTemplate,
  withinRate,
} from '../domain/notifications';
import type { TxContext } from './context';

// The one door to customer notifications (issue 18, DESIGN.md §8 "Reaching the customer"):
// the promise, follow-up, calling and VIP code asks here; consent, opt-out, quiet hours, the
// per-customer limit and the hall's templates decide whether and when a text goes. What is
// decided is a row in the outbox, written in the caller's transaction; the delivery worker
// (notification-outbox.ts) sends it later through the gateway, off the command's path.

/** What a customer is told about. */
export type NotifyPurpose = 'turn_near' | 'called' | 'promise_changed' | 'follow_up';

export interface NotifyRequest {
  purpose: NotifyPurpose;
  /** Who: the phone is the channel; the account number finds consent and opt-out too. */
  customer: { phone: string | null; accountNo: string | null };
  /** The customer's language when known (the kiosk's, or the desk's choice); default zh. */
  lang?: 'zh' | 'en';
  /** Filled into the template: e.g. number, counter, ahead, caseNumber, newTime, reason. */
  vars: Record<string, string>;
  /** The record it is about, for the notification log of that record and customer. */
  subject: { kind: 'ticket' | 'case' | 'task' | 'follow_up'; id: string };
  /** The staff member who caused it (the owner resetting a promise), if any. */
  staffId?: string | null;
}

export type NotifyOutcome =
  | { queued: true; notificationId: string }
  | {
      queued: false;
      why: 'no_channel' | 'no_consent' | 'opted_out' | 'rate_limited' | 'disabled';
    };

/**
 * Queues a notification inside the caller's transaction (so it is durable exactly when the
 * change that caused it is); delivery happens later, off the command's path. A text that quiet
 * hours would make pointless (a call at 22:00) is recorded as `suppressed` and still counts as
 * queued: the log shows it and why.
 */
export function notifyCustomer(tx: TxContext, request: NotifyRequest): NotifyOutcome {
  const { config } = tx.hall;
  const settings = notificationSettingsOf(config);
  if (!settings.enabled) return { queued: false, why: 'disabled' };
  const { accountNo } = request.customer;
  // Without a phone, the account's standing consent names the number the customer gave.
  const phone = request.customer.phone ?? (accountNo ? standingPhoneOf(tx, accountNo) : null);
  if (!phone) return { queued: false, why: 'no_channel' };
  const consents = tx.store.notifications.consentsFor(phone, accountNo);
  const may = mayText(phone, consents, request.subject);
  if (!may.ok) return { queued: false, why: may.why === 'no_channel' ? 'no_channel' : may.why };
  const lastHour = tx.store.notifications.textsSince(phone, tx.now - RATE_WINDOW_MS);
  if (!withinRate(lastHour, settings.perCustomerPerHour))
    return { queued: false, why: 'rate_limited' };

  // The language asked for, else the one the customer chose at the kiosk with their consent.
  const lang = request.lang ?? consents.find((c) => c.phone === phone)?.lang ?? 'zh';
  const template = settings.templates[request.purpose][lang];
  const hall = lang === 'zh' ? config.nameZh : config.nameEn;
  const plan = planDelivery(request.purpose, tx.now, config.timeZone, settings.quietHours);
  const notification: Notification = {
    id: tx.newId(),
    purpose: request.purpose,
    subjectKind: request.subject.kind,
    subjectId: request.subject.id,
    phone,
    accountNo,
    lang,
    text: renderTemplate(template, { ...request.vars, hall }),
    state: plan.state,
    attempts: 0,
    nextAttemptAt: plan.nextAttemptAt,
    lastError: plan.state === 'suppressed' ? 'quiet_hours' : null,
    gateway: null,
    sentAt: null,
    createdAt: tx.now,
    staffId: request.staffId ?? null,
    changeSeq: 0,
  };
  tx.write.notification(notification, true);
  return { queued: true, notificationId: notification.id };
}

function standingPhoneOf(tx: TxContext, accountNo: string): string | null {
  const consent = tx.store.notifications.consentOfAccount(accountNo);
  return consent?.given && consent.ticketId === null ? consent.phone : null;
}

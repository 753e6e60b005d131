import type { TxContext } from './context';

// The one door to customer notifications (issue 18, DESIGN.md §8 "Reaching the customer"):
// the promise, follow-up, calling and VIP code asks here; the outbox, consent, opt-out, quiet
// hours, per-customer rate limit, templates and gateways decide whether and when it goes.
//
// STUB: the notification outbox replaces the body of `notifyCustomer`; until then nothing is
// queued and every caller takes its "no channel" path (the owner logs a call instead).

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
 * change that caused it is); delivery happens later, off the command's path.
 */
export function notifyCustomer(_tx: TxContext, _request: NotifyRequest): NotifyOutcome {
  return { queued: false, why: 'no_channel' };
}

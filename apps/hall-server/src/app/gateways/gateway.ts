import type { NotificationPurpose, NotifyLang } from '@onestop/shared';
import type { SendOutcome } from '../../domain/notifications';

// How a text leaves the hall: one interface, a gateway per way out (gateways/log.ts: the
// default, a log line; gateways/webhook.ts: a signed HTTP POST to the utility's SMS or WeChat
// platform). The outbox (notification-outbox.ts) calls `send` off the command path, never inside
// a SQLite transaction, and decides from the outcome whether to try again.

export type { SendOutcome };

/** What a gateway is given: one notification, its phone whole (the channel). */
export interface OutgoingText {
  /** The notification's id: the receiver's idempotency key (a retry carries the same id). */
  id: string;
  purpose: NotificationPurpose;
  phone: string;
  lang: NotifyLang;
  text: string;
  createdAt: number;
}

export interface Gateway {
  /** Kept on the notification (`gateway`): `log` or `webhook`. */
  readonly name: string;
  send(text: OutgoingText): Promise<SendOutcome>;
}

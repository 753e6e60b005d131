import {
  addDays,
  atLocalTime,
  dayOf,
  timeOfDay,
  type Consent,
  type HallEvent,
  type NotificationPurpose,
  type NotificationSettings,
  type NotificationState,
  type QuietHours,
  type Ticket,
} from '@onestop/shared';

// The rules of customer notifications (issue 18 item 3), pure: whether a customer may be texted,
// when (quiet hours), how often (a per-customer limit), how retries are spaced, how a template
// becomes a text, and which tickets are told their turn is near or that they are called.

export type NotSent = 'no_channel' | 'no_consent' | 'opted_out' | 'rate_limited' | 'disabled';

/**
 * Consent: the phone's own consent given and not withdrawn. Opt-out wins: a withdrawal recorded
 * for the phone, or for the customer's account on any phone, stops every text. A kiosk's
 * consent (`ticketId` set) covers texts about that visit only: anyone can type any number at a
 * kiosk, so it never becomes a standing permission to text that number.
 */
export function mayText(
  phone: string | null,
  consents: readonly Pick<Consent, 'phone' | 'accountNo' | 'given' | 'ticketId'>[],
  subject: { kind: string; id: string },
): { ok: true } | { ok: false; why: NotSent } {
  if (!phone) return { ok: false, why: 'no_channel' };
  if (consents.some((c) => !c.given)) return { ok: false, why: 'opted_out' };
  const covers = (c: Pick<Consent, 'ticketId'>) =>
    c.ticketId === null || (subject.kind === 'ticket' && subject.id === c.ticketId);
  if (consents.some((c) => c.phone === phone && c.given && covers(c))) return { ok: true };
  return { ok: false, why: 'no_consent' };
}

/** Texts to one phone counted in the last hour, against the hall's limit. */
export const RATE_WINDOW_MS = 3_600_000;
export function withinRate(textsInLastHour: number, perCustomerPerHour: number): boolean {
  return textsInLastHour < perCustomerPerHour;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/**
 * When the quiet hours holding `at` end (local time in `timeZone`), or null when `at` is outside
 * them. Quiet hours may cross midnight (21:00–08:00): the end is then the next day's 08:00 when
 * `at` is in the evening part, the same day's in the morning part.
 */
export function quietUntil(at: number, timeZone: string, quiet: QuietHours | null): number | null {
  if (!quiet) return null;
  const now = minutesOf(timeOfDay(at, timeZone));
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const inside = start < end ? now >= start && now < end : now >= start || now < end;
  if (!inside) return null;
  const day = dayOf(at, timeZone);
  const endDay = start < end || now < end ? day : addDays(day, 1);
  return atLocalTime(endDay, Math.floor(end / 60), end % 60, timeZone);
}

/**
 * Texts about the queue (turn near, called) matter only while the customer is in the queue:
 * held past quiet hours they would arrive after the hall closed, about a visit long over, so
 * they are suppressed instead. A promise change or a follow-up keeps: held till the end.
 */
export const LIVE_PURPOSES: ReadonlySet<NotificationPurpose> = new Set(['turn_near', 'called']);
/** A live text not handed to the gateway within this long is dropped as too late to matter. */
export const LIVE_FOR_MS: Record<NotificationPurpose, number | null> = {
  turn_near: 20 * 60_000,
  called: 5 * 60_000,
  promise_changed: null,
  follow_up: null,
};

export interface Plan {
  state: Extract<NotificationState, 'queued' | 'held' | 'suppressed'>;
  nextAttemptAt: number | null;
}

/** Where a new notification starts: queued now, held until quiet hours end, or suppressed. */
export function planDelivery(
  purpose: NotificationPurpose,
  now: number,
  timeZone: string,
  quiet: QuietHours | null,
): Plan {
  const until = quietUntil(now, timeZone, quiet);
  if (until === null) return { state: 'queued', nextAttemptAt: now };
  if (LIVE_PURPOSES.has(purpose)) return { state: 'suppressed', nextAttemptAt: null };
  return { state: 'held', nextAttemptAt: until };
}

/** Whether a live text due now is too old to send (created `createdAt`). */
export function tooLate(purpose: NotificationPurpose, createdAt: number, now: number): boolean {
  const life = LIVE_FOR_MS[purpose];
  return life !== null && now - createdAt > life;
}

const MAX_BACKOFF_MS = 3_600_000;

/** The wait after attempt `attempts` (1 = the first) failed: doubling from `backoffSec`, at most an hour. */
export function retryDelayMs(attempts: number, backoffSec: number): number {
  return Math.min(backoffSec * 1000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

/** What a gateway said about one attempt. */
export type SendOutcome =
  | { kind: 'sent' }
  /** Refused for good (a 4xx other than 429: a bad number, a bad request). */
  | { kind: 'refused'; error: string }
  /** Worth trying again (5xx, 429, time-out, network). */
  | { kind: 'retry'; error: string };

/** After an attempt: sent, failed, or queued again after the backoff. */
export function afterAttempt(
  outcome: SendOutcome,
  attempts: number,
  retry: NotificationSettings['retry'],
  now: number,
): { state: 'sent' | 'failed' | 'queued'; nextAttemptAt: number | null; error: string | null } {
  if (outcome.kind === 'sent') return { state: 'sent', nextAttemptAt: null, error: null };
  if (outcome.kind === 'refused' || attempts >= retry.maxAttempts)
    return { state: 'failed', nextAttemptAt: null, error: outcome.error };
  return {
    state: 'queued',
    nextAttemptAt: now + retryDelayMs(attempts, retry.backoffSec),
    error: outcome.error,
  };
}

/** A value put into a text: control, bidi and separator characters gone, at most 60 characters. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
export const VALUE_MAX = 60;
/** A rendered text is at most this long (an SMS platform splits past 70 zh / 160 en characters). */
export const TEXT_MAX = 300;

export function renderTemplate(template: string, vars: Readonly<Record<string, string>>): string {
  const text = template.replace(/\{([A-Za-z]+)\}/g, (_, name: string) => {
    const value = Object.hasOwn(vars, name) ? vars[name]! : '';
    return [...value.replace(UNSAFE, ' ').trim()].slice(0, VALUE_MAX).join('');
  });
  return [...text].slice(0, TEXT_MAX).join('');
}

/** A waiting ticket with a phone that may be texted, and the people ahead of it. */
export interface TurnNear {
  ticket: Ticket;
  ahead: number;
}

/**
 * Turn near: each consenting waiting ticket with `ahead` or fewer people before it in its
 * service's calling order, not told before (`told`). Told once per ticket: a ticket that moves
 * back (a priority customer goes first) and forward again is not told twice.
 */
export function turnNear(
  orders: Iterable<readonly Ticket[]>,
  ahead: number,
  mayBeTexted: (ticket: Ticket) => boolean,
  told: (ticketId: string) => boolean,
): TurnNear[] {
  const out: TurnNear[] = [];
  for (const order of orders) {
    order.slice(0, ahead + 1).forEach((ticket, i) => {
      if (ticket.state === 'waiting' && mayBeTexted(ticket) && !told(ticket.id))
        out.push({ ticket, ahead: i });
    });
  }
  return out;
}

/** The tickets called by a command: once per call; a recall of the same call is not told again. */
export function calledIn(events: readonly HallEvent[]): { ticketId: string; counterId: string }[] {
  return events.flatMap((e) =>
    e.type === 'ticket.called' && e.recall === 0
      ? [{ ticketId: e.ticketId, counterId: e.counterId }]
      : [],
  );
}

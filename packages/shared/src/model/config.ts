import { z } from 'zod';
import { Text } from '../text';
import { Id } from './common';
import { NotificationSettings } from './notifications';
import { PromiseRule } from './promises';

// The hall's configuration (HallConfig) and its parts.

export const CallWeights = z.strictObject({
  returning: z.number().min(0).max(100_000),
  appointment: z.number().min(0).max(100_000),
  priority: z.number().min(0).max(100_000),
  vip: z.number().min(0).max(100_000),
  normal: z.number().min(0).max(100_000),
  /** Score per minute a ticket is past (or short of) its service's target wait. */
  perMinutePastTarget: z.number().min(0).max(1_000),
  /**
   * How long a ticket past its target wait may be passed over by tickets of its class that can
   * still make theirs, in multiples of its service's target wait; then it goes first. 0 or
   * absent: the ticket furthest past target always goes first.
   */
  passOverTargets: z.number().min(0).max(10).optional(),
});
export type CallWeights = z.infer<typeof CallWeights>;

/**
 * The calling policy's weights a new hall starts with. `passOverTargets` was chosen with
 * `npm run bench:policy -- --grid` (docs/benchmarks.md): a ticket that just missed its target
 * may be passed over for up to 1.5 target waits by tickets still within.
 */
export const DEFAULT_CALL_WEIGHTS: CallWeights = {
  returning: 1000,
  appointment: 800,
  priority: 600,
  vip: 400,
  normal: 0,
  perMinutePastTarget: 1,
  passOverTargets: 1.5,
};

export const DEFAULT_ANNOUNCE_ZH = '请{number}号到{counter}号窗口办理';
export const DEFAULT_ANNOUNCE_EN = 'Number {number}, please go to counter {counter}.';

/** How the hall display says a call: `announceVoice`. */
export const AnnounceVoice = z.enum(['speech', 'recorded']);
export type AnnounceVoice = z.infer<typeof AnnounceVoice>;

/** A call's wording must say both the number and the counter. */
export const AnnounceTemplate = (max: number) =>
  Text({ min: 1, max }).refine((s) => s.includes('{number}') && s.includes('{counter}'), {
    message: 'must contain {number} and {counter}',
  });

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 00:00 to 23:59');
/** The kiosk issues from `open` until before `close` (local time); null: at any time. */
export const BusinessHours = z
  .strictObject({ open: HHMM, close: HHMM })
  .refine((h) => h.open < h.close, { message: 'open must be before close', path: ['close'] });
export type BusinessHours = z.infer<typeof BusinessHours>;

export const SessionIdleMin = z.number().int().min(5).max(480);
export const SessionMaxHours = z.number().int().min(1).max(24);

/**
 * 限时办结's warning (case_due_soon) before a case's due time: a number of hours, or a share of
 * the time promised (from opening to the due time), so a 2-day repair and a 15-day connection
 * are each warned in proportion. Absent: 24 hours (`CASE_WARN_MS`).
 */
export const CaseWarning = z.discriminatedUnion('by', [
  z.strictObject({ by: z.literal('hours'), hours: z.number().int().min(1).max(720) }),
  z.strictObject({ by: z.literal('share'), percent: z.number().int().min(1).max(90) }),
]);
export type CaseWarning = z.infer<typeof CaseWarning>;

export const HallConfig = z.strictObject({
  hallId: Id,
  nameZh: z.string().min(1).max(60),
  nameEn: z.string().min(1).max(100),
  timeZone: z.string().refine(isTimeZone, 'unknown IANA time zone'),
  recallsBeforeNoShow: z.number().int().min(0).max(10),
  noShowAfterSec: z.number().int().min(10).max(3600),
  evaluationTimeoutSec: z.number().int().min(5).max(600),
  callWeights: CallWeights,
  ticketFooterZh: z.string().max(120),
  ticketFooterEn: z.string().max(200),
  /**
   * How long a counter's terminal may be off the network before the tickets it has called go
   * back to the queue (ahead of others); back within this time, nothing changes.
   */
  counterDropGraceSec: z.number().int().min(0).max(600).default(60),
  /** When the kiosk issues tickets (local time); null: always. */
  businessHours: BusinessHours.nullable().default(null),
  /**
   * What the hall display says when it calls: `{number}` and `{counter}` are read out as a
   * ticket number (digit by digit) and a counter number.
   */
  announceZh: AnnounceTemplate(80).default(DEFAULT_ANNOUNCE_ZH),
  announceEn: AnnounceTemplate(120).default(DEFAULT_ANNOUNCE_EN),
  /**
   * How the hall display says a call: speech synthesis (the display machine's own voice), or
   * recorded clips (docs/recorded-voice.md), the same on every display. Absent: 'speech'.
   */
  announceVoice: AnnounceVoice.optional(),
  /** The notice line on the hall display, set by the duty leader; null for none. */
  notice: z.string().max(120).nullable().default(null),
  /** A staff session ends after this long without a command (queries do not count). */
  sessionIdleMin: SessionIdleMin.optional(),
  /** …and this long after sign-in however busy. Absent: the defaults below. */
  sessionMaxHours: SessionMaxHours.optional(),
  caseWarning: CaseWarning.optional(),
  /** 承诺: a support task's promised time (absent: `DEFAULT_TASK_PROMISE`, 1 business day). */
  taskPromise: PromiseRule.optional(),
  /**
   * The owner is warned once this share of a promise's time has passed (counted on the
   * promise's clock), for cases and support tasks. Absent: cases keep `caseWarning` (or 24
   * hours) and tasks are warned at `DEFAULT_PROMISE_WARN_PERCENT`.
   */
  promiseWarnPercent: z.number().int().min(10).max(95).optional(),
  /** Customer notifications (issue 18); absent: DEFAULT_NOTIFICATION_SETTINGS. */
  notifications: NotificationSettings.optional(),
  /**
   * 再培训: a clerk on the retraining list for a service may not take a counter that serves it
   * until they pass its quiz (or the duty leader overrides). Absent: false (the list is kept).
   */
  knowledgeBlocksService: z.boolean().optional(),
});
export type HallConfig = z.infer<typeof HallConfig>;

/** How long a staff session lives: idle and absolute limits, in ms. */
export function sessionLimitsOf(config: Pick<HallConfig, 'sessionIdleMin' | 'sessionMaxHours'>) {
  return {
    idleMs: (config.sessionIdleMin ?? 60) * 60_000,
    maxMs: (config.sessionMaxHours ?? 12) * 3_600_000,
  };
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

import { z } from 'zod';
import { textProblem } from '../text';
import { AccountNo, EpochMs, Id, Phone } from './common';

// Customer notifications (issue 18 item 3, DESIGN.md §8 "Reaching the customer"): a durable
// outbox in the hall, consent recorded at the kiosk or the desk, quiet hours, a per-customer
// limit and texts from templates the admin edits. The phone is the channel: stored whole in the
// hall's database, masked in everything a device is sent, never sent to a public device.

export const NotificationPurpose = z.enum(['turn_near', 'called', 'promise_changed', 'follow_up']);
export type NotificationPurpose = z.infer<typeof NotificationPurpose>;

/**
 * `queued` waits for its time (`nextAttemptAt`); `sending` is with the gateway; `sent` the
 * gateway took it; `failed` after the last attempt or a refusal; `held` by quiet hours until
 * they end; `suppressed`: not sent on purpose (a call that would arrive too late to matter).
 */
export const NotificationState = z.enum([
  'queued',
  'sending',
  'sent',
  'failed',
  'held',
  'suppressed',
]);
export type NotificationState = z.infer<typeof NotificationState>;

export const NotificationSubjectKind = z.enum(['ticket', 'case', 'task', 'follow_up']);
export type NotificationSubjectKind = z.infer<typeof NotificationSubjectKind>;

export const NotifyLang = z.enum(['zh', 'en']);
export type NotifyLang = z.infer<typeof NotifyLang>;

export const Notification = z.object({
  id: Id,
  purpose: NotificationPurpose,
  subjectKind: NotificationSubjectKind,
  subjectId: Id,
  /** Whole in the hall's database; masked (138****5678) in every record a device is sent. */
  phone: z.string(),
  accountNo: z.string().nullable(),
  lang: NotifyLang,
  /** Rendered from the template when queued. */
  text: z.string(),
  state: NotificationState,
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: EpochMs.nullable(),
  lastError: z.string().nullable(),
  /** The gateway that last tried it (`log`, `webhook`). */
  gateway: z.string().nullable(),
  sentAt: EpochMs.nullable(),
  createdAt: EpochMs,
  /** Who caused it (the owner resetting a promise), if a person did. */
  staffId: Id.nullable(),
  changeSeq: z.number().int().nonnegative(),
});
export type Notification = z.infer<typeof Notification>;

export const ConsentSource = z.enum(['kiosk', 'desk', 'reply']);
export type ConsentSource = z.infer<typeof ConsentSource>;

/**
 * A phone's latest word on being texted: given, or withdrawn (opt-out: `given: false`). Kept in
 * the hall only (no change_seq: never a record sent to a device or the center).
 */
export const Consent = z.object({
  phone: Phone,
  accountNo: AccountNo.nullable(),
  given: z.boolean(),
  source: ConsentSource,
  /**
   * A kiosk's consent covers this visit only (anyone can type any number at a kiosk); null: a
   * standing consent (the desk, a reply) for whatever the hall tells the customer.
   */
  ticketId: Id.nullable(),
  at: EpochMs,
  /** The staff member at the desk, or null (the kiosk, a reply). */
  byStaffId: Id.nullable(),
  /** The device it was recorded on, if any. */
  byDeviceId: Id.nullable(),
  /** The language the customer chose at the kiosk; texts are written in it (absent: zh). */
  lang: NotifyLang.optional(),
});
export type Consent = z.infer<typeof Consent>;

/** The placeholders each purpose's template may use; anything else is refused at save. */
export const TEMPLATE_PLACEHOLDERS = {
  turn_near: ['hall', 'number', 'ahead', 'service'],
  called: ['hall', 'number', 'counter'],
  promise_changed: ['hall', 'number', 'caseNumber', 'newTime', 'reason'],
  follow_up: ['hall', 'number', 'caseNumber'],
} as const satisfies Record<NotificationPurpose, readonly string[]>;

export const TEMPLATE_MAX = 200;
const LINE_BREAKS = /[\u2028\u2029\u0085]/;

/** Why a template is refused for `purpose`, or null. */
export function templateProblem(purpose: NotificationPurpose, text: string): string | null {
  const control = textProblem(text);
  if (control) return control;
  if (LINE_BREAKS.test(text)) return 'line and paragraph separators are not allowed';
  const allowed: readonly string[] = TEMPLATE_PLACEHOLDERS[purpose];
  for (const m of text.matchAll(/\{([^{}]*)\}/g)) {
    if (!allowed.includes(m[1]!))
      return `unknown placeholder {${m[1]}} (allowed: ${allowed.map((p) => `{${p}}`).join(' ')})`;
  }
  if (/[{}]/.test(text.replace(/\{[^{}]*\}/g, ''))) return 'unbalanced { or }';
  return null;
}

const Template = (purpose: NotificationPurpose) =>
  z
    .string()
    .trim()
    .min(1)
    .max(TEMPLATE_MAX)
    .superRefine((text, ctx) => {
      const problem = templateProblem(purpose, text);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

const Bilingual = (purpose: NotificationPurpose) =>
  z.strictObject({ zh: Template(purpose), en: Template(purpose) });

export const DEFAULT_TEMPLATES = {
  turn_near: {
    zh: '【{hall}】您的{number}号前面还有{ahead}位，请回到大厅留意叫号。',
    en: '{hall}: {ahead} ahead of your number {number}. Please come back to the hall.',
  },
  called: {
    zh: '【{hall}】请{number}号到{counter}号窗口办理。',
    en: '{hall}: number {number}, please go to counter {counter}.',
  },
  promise_changed: {
    zh: '【{hall}】您的事项{caseNumber}预计办结时间改为{newTime}，原因：{reason}。',
    en: '{hall}: your case {caseNumber} will now be done by {newTime}. Reason: {reason}.',
  },
  follow_up: {
    zh: '【{hall}】感谢您的意见，工作人员将尽快与您联系。',
    en: '{hall}: thank you for your feedback; a member of staff will contact you soon.',
  },
} satisfies Record<NotificationPurpose, { zh: string; en: string }>;

export const NotificationTemplates = z.strictObject({
  turn_near: Bilingual('turn_near'),
  called: Bilingual('called'),
  promise_changed: Bilingual('promise_changed'),
  follow_up: Bilingual('follow_up'),
});
export type NotificationTemplates = z.infer<typeof NotificationTemplates>;

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 00:00 to 23:59');

/** No texts from `start` until `end` (local time; may cross midnight: 21:00–08:00). */
export const QuietHours = z
  .strictObject({ start: HHMM, end: HHMM })
  .refine((q) => q.start !== q.end, { message: 'start and end must differ', path: ['end'] });
export type QuietHours = z.infer<typeof QuietHours>;

/** HallConfig's `notifications` section, edited by the admin through `admin:configure`. */
export const NotificationSettings = z.strictObject({
  enabled: z.boolean(),
  /** "Turn near" once a ticket has this many or fewer people ahead in its calling order. */
  turnNearAhead: z.number().int().min(1).max(30),
  quietHours: QuietHours.nullable(),
  /** At most this many texts to one phone in any hour (the rest are not queued). */
  perCustomerPerHour: z.number().int().min(1).max(60),
  retry: z.strictObject({
    /** Attempts in all, the first included; then `failed` and the owner's alert. */
    maxAttempts: z.number().int().min(1).max(10),
    /** The wait before the second attempt; doubled each time, at most an hour. */
    backoffSec: z.number().int().min(1).max(3600),
  }),
  templates: NotificationTemplates,
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  enabled: true,
  turnNearAhead: 3,
  quietHours: { start: '21:00', end: '08:00' },
  perCustomerPerHour: 5,
  retry: { maxAttempts: 5, backoffSec: 30 },
  templates: DEFAULT_TEMPLATES,
};

/** The hall's settings, or the defaults for a hall configured before notifications existed. */
export function notificationSettingsOf(config: {
  notifications?: NotificationSettings | undefined;
}): NotificationSettings {
  return config.notifications ?? DEFAULT_NOTIFICATION_SETTINGS;
}

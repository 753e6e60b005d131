import { z } from 'zod';
import { Text } from './text';

// Domain records as they travel between the hall server and its devices.
// Times are epoch milliseconds; a business day is the hall's local date `YYYY-MM-DD`.

export const Id = z.string().min(1).max(64);
export const EpochMs = z.number().int().nonnegative();
export const BusinessDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const Role = z.enum([
  'kiosk',
  'display',
  'pad',
  'integration',
  'guide',
  'clerk',
  'backoffice',
  'duty_leader',
  'admin',
]);
export type Role = z.infer<typeof Role>;
export const StaffRole = z.enum(['guide', 'clerk', 'backoffice', 'duty_leader', 'admin']);
export type StaffRole = z.infer<typeof StaffRole>;

/**
 * A desk is a staff device (counter terminal, guide tablet, console, back office PC); an
 * integration is another system of the utility (its website or app booking appointments).
 */
export const DeviceKind = z.enum(['kiosk', 'display', 'pad', 'desk', 'integration']);
export type DeviceKind = z.infer<typeof DeviceKind>;

export const TicketState = z.enum([
  'waiting',
  'called',
  'serving',
  'parked',
  'done',
  'no_show',
  'cancelled',
]);
export type TicketState = z.infer<typeof TicketState>;

/** The customer's own priority; `returning` (reinstated/transferred/returned) is a flag. */
export const TicketPriority = z.enum(['normal', 'vip', 'priority', 'appointment']);
export type TicketPriority = z.infer<typeof TicketPriority>;

/** Calling classes in their default order, highest first. */
export const PriorityClass = z.enum(['returning', 'appointment', 'priority', 'vip', 'normal']);
export type PriorityClass = z.infer<typeof PriorityClass>;

export const TicketSource = z.enum(['kiosk', 'guide', 'walk_in', 'api', 'appointment']);
export type TicketSource = z.infer<typeof TicketSource>;

export const TicketOutcome = z.enum(['completed', 'case_opened', 'referred']);
export type TicketOutcome = z.infer<typeof TicketOutcome>;

export const PauseReason = z.enum(['break', 'meeting', 'system', 'other']);
export type PauseReason = z.infer<typeof PauseReason>;

export const CounterState = z.enum(['open', 'paused', 'closed']);
export type CounterState = z.infer<typeof CounterState>;

export const Phone = z.string().regex(/^1\d{10}$|^0\d{9,11}$/, 'expected a mainland phone number');
export const AccountNo = z.string().regex(/^\d{6,20}$/, 'expected 6-20 digits');

export const Customer = z.strictObject({
  phone: Phone.nullable().default(null),
  accountNo: AccountNo.nullable().default(null),
  name: Text({ min: 1, max: 40 }).nullable().default(null),
});
export type Customer = z.infer<typeof Customer>;

export const Ticket = z.object({
  id: Id,
  businessDay: BusinessDay,
  serviceId: Id,
  number: z.string(),
  dailySeq: z.number().int().positive(),
  state: TicketState,
  priority: TicketPriority,
  returning: z.boolean(),
  source: TicketSource,
  customer: Customer,
  note: z.string().nullable(),
  issuedAt: EpochMs,
  /** The time the queue orders by: the original issue time, kept through transfers. */
  queuedAt: EpochMs,
  targetCounterId: Id.nullable(),
  counterId: Id.nullable(),
  servingStaffId: Id.nullable(),
  ownerStaffId: Id.nullable(),
  calledAt: EpochMs.nullable(),
  /** The first call, kept through recalls, returns and transfers: waits are measured to it. */
  firstCalledAt: EpochMs.nullable(),
  recallCount: z.number().int().nonnegative(),
  startedAt: EpochMs.nullable(),
  finishedAt: EpochMs.nullable(),
  outcome: TicketOutcome.nullable(),
  items: z.array(z.string()),
  stateReason: z.string().nullable(),
  transferCount: z.number().int().nonnegative(),
  estimatedWaitSec: z.number().int().nonnegative().nullable(),
  updatedAt: EpochMs,
  changeSeq: z.number().int().nonnegative(),
});
export type Ticket = z.infer<typeof Ticket>;

export const TicketTransition = z.object({
  id: Id,
  ticketId: Id,
  fromState: TicketState.nullable(),
  toState: TicketState,
  at: EpochMs,
  serviceId: Id,
  counterId: Id.nullable(),
  staffId: Id.nullable(),
  reason: z.string().nullable(),
});
export type TicketTransition = z.infer<typeof TicketTransition>;

export const Service = z.object({
  id: Id,
  prefix: z.string().regex(/^[A-Z]$/, 'one capital letter'),
  nameZh: z.string().min(1).max(40),
  nameEn: z.string().min(1).max(60),
  category: z.string().min(1).max(40),
  descriptionZh: z.string().max(200),
  descriptionEn: z.string().max(300),
  targetWaitSec: z.number().int().positive(),
  targetHandleSec: z.number().int().positive(),
  dailyCap: z.number().int().positive().nullable(),
  active: z.boolean(),
  sortOrder: z.number().int(),
  changeSeq: z.number().int().nonnegative(),
});
export type Service = z.infer<typeof Service>;

export const Counter = z.object({
  id: Id,
  number: z.number().int().positive(),
  name: z.string(),
  serviceIds: z.array(Id),
  state: CounterState,
  pauseReason: PauseReason.nullable(),
  staffId: Id.nullable(),
  updatedAt: EpochMs,
  changeSeq: z.number().int().nonnegative(),
});
export type Counter = z.infer<typeof Counter>;

export const Staff = z.object({
  id: Id,
  staffNo: z.string(),
  name: z.string(),
  roles: z.array(StaffRole),
  photoUrl: z.string().nullable(),
  active: z.boolean(),
  changeSeq: z.number().int().nonnegative(),
});
export type Staff = z.infer<typeof Staff>;

export const Device = z.object({
  id: Id,
  name: z.string(),
  kind: DeviceKind,
  counterId: Id.nullable(),
  pairedAt: EpochMs,
  revokedAt: EpochMs.nullable(),
  lastSeenAt: EpochMs.nullable(),
  changeSeq: z.number().int().nonnegative(),
});
export type Device = z.infer<typeof Device>;

export const StaffSession = z.object({
  id: Id,
  staffId: Id,
  deviceId: Id,
  counterId: Id.nullable(),
  startedAt: EpochMs,
  endedAt: EpochMs.nullable(),
  changeSeq: z.number().int().nonnegative(),
});
export type StaffSession = z.infer<typeof StaffSession>;

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

export const DEFAULT_ANNOUNCE_ZH = '请{number}号到{counter}号窗口办理';
export const DEFAULT_ANNOUNCE_EN = 'Number {number}, please go to counter {counter}.';

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
  /** The notice line on the hall display, set by the duty leader; null for none. */
  notice: z.string().max(120).nullable().default(null),
  /** A staff session ends after this long without a command (queries do not count). */
  sessionIdleMin: SessionIdleMin.optional(),
  /** …and this long after sign-in however busy. Absent: the defaults below. */
  sessionMaxHours: SessionMaxHours.optional(),
  caseWarning: CaseWarning.optional(),
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

/** Why a customer takes the green channel (爱心/绿色通道). */
export const PriorityReason = z.enum(['elderly', 'disabled', 'pregnant']);
export type PriorityReason = z.infer<typeof PriorityReason>;

/** A customer on the hall's list, recognised at the kiosk by account number. */
export const CustomerRecord = z.object({
  accountNo: AccountNo,
  name: z.string().min(1).max(40),
  phone: Phone.nullable(),
  vip: z.boolean(),
  changeSeq: z.number().int().nonnegative(),
});
export type CustomerRecord = z.infer<typeof CustomerRecord>;

export const AppointmentState = z.enum(['booked', 'checked_in', 'cancelled', 'expired']);
export type AppointmentState = z.infer<typeof AppointmentState>;

/** A visit booked ahead through the utility's website or app, checked in at the kiosk. */
export const Appointment = z.object({
  id: Id,
  code: z.string().regex(/^\d{6}$/),
  serviceId: Id,
  customer: Customer,
  windowStart: EpochMs,
  windowEnd: EpochMs,
  state: AppointmentState,
  ticketId: Id.nullable(),
  createdAt: EpochMs,
  changeSeq: z.number().int().nonnegative(),
});
export type Appointment = z.infer<typeof Appointment>;

export const OpinionCategory = z.enum(['complaint', 'suggestion', 'praise', 'correction']);
export type OpinionCategory = z.infer<typeof OpinionCategory>;
export const OpinionState = z.enum(['open', 'in_progress', 'closed']);
export type OpinionState = z.infer<typeof OpinionState>;

/** A customer's opinion from the supervision box (监督箱) or the guide desk, tracked to closure. */
export const Opinion = z.object({
  id: Id,
  category: OpinionCategory,
  text: z.string(),
  contact: z.string().nullable(),
  ticketId: Id.nullable(),
  source: z.enum(['kiosk', 'guide', 'duty_leader']),
  /** The staff member it concerns, if any (from the desk, or the ticket's first handler). */
  staffId: Id.nullable(),
  /** Who works on it (a clerk or the duty leader), once assigned. */
  handlerStaffId: Id.nullable(),
  /** The customer's phone or account number, for spotting repeated opinions (重复诉求). */
  customerKey: z.string().nullable(),
  /** Another opinion from the same customer in the 30 days before. */
  repeated: z.boolean(),
  state: OpinionState,
  createdAt: EpochMs,
  closedAt: EpochMs.nullable(),
  resolution: z.string().nullable(),
  changeSeq: z.number().int().nonnegative(),
});
export type Opinion = z.infer<typeof Opinion>;

// --- The work post (issue 4): evaluations, alerts, cases, support tasks, follow-ups, handovers.

export const EvaluationScore = z.enum(['very_satisfied', 'satisfied', 'neutral', 'dissatisfied']);
export type EvaluationScore = z.infer<typeof EvaluationScore>;
/** Why a customer was dissatisfied (asked on the pad after 不满意). */
export const EvaluationReason = z.enum([
  'attitude',
  'waiting',
  'efficiency',
  'professionalism',
  'other',
]);
export type EvaluationReason = z.infer<typeof EvaluationReason>;
export const EvaluationState = z.enum(['pending', 'rated', 'not_rated']);
export type EvaluationState = z.infer<typeof EvaluationState>;

/**
 * The pad's question after a finished service. Pending until the customer answers on the pad
 * of that counter or `deadlineAt` passes, which records `not_rated` (never a default score).
 */
export const Evaluation = z.object({
  id: Id,
  ticketId: Id,
  counterId: Id,
  /** The clerk who finished the service: the one rated. */
  staffId: Id.nullable(),
  state: EvaluationState,
  score: EvaluationScore.nullable(),
  reasons: z.array(EvaluationReason),
  createdAt: EpochMs,
  deadlineAt: EpochMs,
  /** When it was rated, or recorded as not rated. */
  answeredAt: EpochMs.nullable(),
  changeSeq: z.number().int().nonnegative(),
});
export type Evaluation = z.infer<typeof Evaluation>;

/** Kinds of alert on the duty leader's console; more come with the console. */
export const AlertKind = z.enum([
  'dissatisfied',
  /** A ticket waiting past its service's target wait. */
  'wait_over_target',
  /** A ticket in service past its service's target handling time. */
  'handling_over_target',
  /** An open case due within the next 24 hours (限时办结: the warning before the limit). */
  'case_due_soon',
  'case_overdue',
  'task_overdue',
  'follow_up_overdue',
  /** Another opinion from the same customer within 30 days (重复诉求预警). */
  'repeated_opinion',
  /** A device that was connected has been off the network for a while. */
  'device_offline',
  /** People waiting for a service that no open counter serves. */
  'service_unstaffed',
  /**
   * The nightly upward sync to the regional center failed, a backup failed, or reconciliation
   * still finds a difference after re-sending; the sync status (`sync:status`) says which.
   */
  'sync_failed',
  /**
   * The server's wall clock jumped (backwards, or ahead of the time that really passed): the
   * hall keeps its own time until the clock is set right; see docs/security.md, "Faults".
   */
  'clock_jump',
]);
export type AlertKind = z.infer<typeof AlertKind>;

export const Alert = z.object({
  id: Id,
  kind: AlertKind,
  /** The record it is about: the evaluation for `dissatisfied`. */
  subjectId: Id.nullable(),
  ticketId: Id.nullable(),
  counterId: Id.nullable(),
  staffId: Id.nullable(),
  createdAt: EpochMs,
  acknowledgedAt: EpochMs.nullable(),
  acknowledgedBy: Id.nullable(),
  note: z.string().nullable(),
  changeSeq: z.number().int().nonnegative(),
});
export type Alert = z.infer<typeof Alert>;

export const CaseTypeStep = z.object({
  nameZh: z.string().min(1).max(40),
  nameEn: z.string().min(1).max(60),
  /** Days this step may take, counted from the previous step's due date. */
  limitDays: z.number().int().nonnegative(),
});
export type CaseTypeStep = z.infer<typeof CaseTypeStep>;

/** A kind of business that outlives a visit (hall configuration): its steps and time limit. */
export const CaseType = z.object({
  id: Id,
  nameZh: z.string().min(1).max(40),
  nameEn: z.string().min(1).max(60),
  /** The service such cases usually come from, for the counter to suggest the type. */
  serviceId: Id.nullable(),
  /** 限时办结: calendar days from opening to the end of the due day. */
  limitDays: z.number().int().positive(),
  /** In order; the first is the acceptance (受理), done when the case is opened. */
  steps: z.array(CaseTypeStep).min(1),
  active: z.boolean(),
  sortOrder: z.number().int(),
  changeSeq: z.number().int().nonnegative(),
});
export type CaseType = z.infer<typeof CaseType>;

export const CaseStep = z.object({
  nameZh: z.string(),
  nameEn: z.string(),
  dueAt: EpochMs,
  doneAt: EpochMs.nullable(),
  doneBy: Id.nullable(),
  note: z.string().nullable(),
});
export type CaseStep = z.infer<typeof CaseStep>;

export const CaseState = z.enum(['open', 'closed']);
export type CaseState = z.infer<typeof CaseState>;
/** `completed`: every step done; `withdrawn`: ended early (customer withdrew, not feasible). */
export const CaseOutcome = z.enum(['completed', 'withdrawn']);
export type CaseOutcome = z.infer<typeof CaseOutcome>;

/** A first handler's case (事项/工单): opened from a visit, owned until closed, across days. */
export const Case = z.object({
  id: Id,
  /** Readable case number for the customer: business day + sequence, e.g. `20261124-003`. */
  number: z.string(),
  caseTypeId: Id,
  ticketId: Id.nullable(),
  ownerStaffId: Id,
  customer: Customer,
  summary: z.string(),
  state: CaseState,
  steps: z.array(CaseStep),
  openedAt: EpochMs,
  dueAt: EpochMs,
  closedAt: EpochMs.nullable(),
  outcome: CaseOutcome.nullable(),
  result: z.string().nullable(),
  updatedAt: EpochMs,
  changeSeq: z.number().int().nonnegative(),
});
export type Case = z.infer<typeof Case>;

export const TaskState = z.enum(['open', 'accepted', 'done', 'cancelled']);
export type TaskState = z.infer<typeof TaskState>;

/** A support task (内部联系单): the first handler asks the service post; the answer comes back. */
export const SupportTask = z.object({
  id: Id,
  /** The first handler who asked, and who gets the answer. */
  ownerStaffId: Id,
  caseId: Id.nullable(),
  ticketId: Id.nullable(),
  text: z.string(),
  state: TaskState,
  /** The back-office staff member who accepted it. */
  assigneeStaffId: Id.nullable(),
  dueAt: EpochMs,
  createdAt: EpochMs,
  acceptedAt: EpochMs.nullable(),
  closedAt: EpochMs.nullable(),
  /** The back office's answer, or why the owner withdrew it. */
  result: z.string().nullable(),
  updatedAt: EpochMs,
  changeSeq: z.number().int().nonnegative(),
});
export type SupportTask = z.infer<typeof SupportTask>;

export const FollowUpState = z.enum(['open', 'closed']);
export type FollowUpState = z.infer<typeof FollowUpState>;

/**
 * A follow-up (回访/整改) closed with what was done: opened by a 不满意 rating (unassigned: with
 * the duty leader until assigned) or by the duty leader for a named staff member.
 */
export const FollowUp = z.object({
  id: Id,
  source: z.enum(['dissatisfied', 'duty_leader']),
  ticketId: Id.nullable(),
  alertId: Id.nullable(),
  /** Who must close it; null: the duty leader's desk. */
  assigneeStaffId: Id.nullable(),
  createdBy: Id.nullable(),
  note: z.string(),
  /**
   * The customer's callback phone, masked (138****0001), when the visit had one; the whole
   * number only through `customer:reveal-contact`, with a reason.
   */
  callbackPhone: z.string().nullable().default(null),
  state: FollowUpState,
  dueAt: EpochMs,
  createdAt: EpochMs,
  closedAt: EpochMs.nullable(),
  closedBy: Id.nullable(),
  result: z.string().nullable(),
  updatedAt: EpochMs,
  changeSeq: z.number().int().nonnegative(),
});
export type FollowUp = z.infer<typeof FollowUp>;

/**
 * What a staff member can hold and must hand over before signing off: a parked visit, a case
 * they own, a support task they asked for or accepted at the back office, a follow-up. A duty
 * leader's desk adds the follow-ups nobody is assigned (`desk_follow_up`, given to the
 * receiver at acknowledgement) and the open alerts (`alert`, listed for the receiver; alerts
 * stay the hall's).
 */
export const HandoverItemKind = z.enum([
  'ticket',
  'case',
  'requested_task',
  'accepted_task',
  'follow_up',
  'desk_follow_up',
  'alert',
]);
export type HandoverItemKind = z.infer<typeof HandoverItemKind>;
export const HandoverItem = z.object({
  kind: HandoverItemKind,
  id: Id,
  /** For people: ticket number, case number and type, task or follow-up text. */
  label: z.string(),
  dueAt: EpochMs.nullable(),
});
export type HandoverItem = z.infer<typeof HandoverItem>;

export const HandoverState = z.enum(['pending', 'acknowledged', 'cancelled']);
export type HandoverState = z.infer<typeof HandoverState>;

/** A shift handover (交接班): the items move to the receiver when they acknowledge. */
export const Handover = z.object({
  id: Id,
  fromStaffId: Id,
  toStaffId: Id,
  note: z.string(),
  /** The giver's open items when the handover was made. */
  items: z.array(HandoverItem),
  state: HandoverState,
  createdAt: EpochMs,
  /** Acknowledged (ownership moved) or cancelled. */
  closedAt: EpochMs.nullable(),
  closedBy: Id.nullable(),
  changeSeq: z.number().int().nonnegative(),
});
export type Handover = z.infer<typeof Handover>;

/** What a device needs to draw the hall: the current business day's state. */
export const Snapshot = z.object({
  seq: z.number().int().nonnegative(),
  businessDay: BusinessDay,
  config: HallConfig,
  services: z.array(Service),
  counters: z.array(Counter),
  staff: z.array(Staff),
  tickets: z.array(Ticket),
  devices: z.array(Device),
  sessions: z.array(StaffSession),
  /** Staff only (empty for customer-facing devices): today's appointments. */
  appointments: z.array(Appointment),
  /** Staff only (empty for customer-facing devices): open opinions and today's. */
  opinions: z.array(Opinion),
  /** Today's and any still pending; a pad sees only its own counter's, other devices none. */
  evaluations: z.array(Evaluation),
  /** Staff only: unacknowledged alerts and today's. */
  alerts: z.array(Alert),
  /** Staff only: the hall's case types. */
  caseTypes: z.array(CaseType),
  /** Staff only: open cases and those closed today. */
  cases: z.array(Case),
  /** Staff only: open or accepted support tasks and those closed today. */
  tasks: z.array(SupportTask),
  /** Staff only: open follow-ups and those closed today. */
  followUps: z.array(FollowUp),
  /** Staff only: pending handovers and today's. */
  handovers: z.array(Handover),
});
export type Snapshot = z.infer<typeof Snapshot>;

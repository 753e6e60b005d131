import { z } from 'zod';
import { Customer, EpochMs, Id } from './common';
import { CaseKind, PromiseChange, PromiseRule } from './promises';

// The work post (issue 4): evaluations, alerts, cases, support tasks, follow-ups, handovers.

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
  /** A remedy grant above the granter's limit still waits for the duty leader (issue 18). */
  'grant_awaiting_approval',
  /** An open support task due soon (the promise's warning share, issue 18). */
  'task_due_soon',
  /** A customer notification the gateway could not deliver after its retries (issue 18). */
  'notification_failed',
  /** A VIP arrived while their account manager was not at an open counter (issue 18). */
  'vip_arrived',
  /**
   * A customer with an open case arrived for its service while its owner (首办责任人) could not
   * serve them: addressed to the owner, who sees it on their desk.
   */
  'case_customer_arrived',
  /** A device fault: printer out of paper or open, offline, sound blocked, or reported (issue 19). */
  'device_fault',
]);
export type AlertKind = z.infer<typeof AlertKind>;

/**
 * The arrivals a clerk is told of on their desk and may dismiss (acknowledge) when addressed to
 * them: a VIP's (their manager), a case's customer's (its owner).
 */
export const ARRIVAL_ALERT_KINDS: readonly AlertKind[] = ['vip_arrived', 'case_customer_arrived'];

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
  /** 限时办结: calendar days from opening to the end of the due day; caps the steps' limits. */
  limitDays: z.number().int().positive(),
  /** A case or a repair (issue 18: repairs are case types of kind `repair`). */
  kind: CaseKind.default('case'),
  /** 承诺: the time promised to the customer (types made before it: `limitDays` calendar days). */
  promise: PromiseRule,
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
  /** The current promise: the first one, or the last re-set (`promiseChanges`). */
  dueAt: EpochMs,
  /** The first promise, as printed on the receipt slip; never changed. */
  promisedAt: EpochMs,
  /** Every re-set of the promise (改约), oldest first. */
  promiseChanges: z.array(PromiseChange).default([]),
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
  /** The current promise: the first one, or the last re-set (`promiseChanges`). */
  dueAt: EpochMs,
  /** The first promise; never changed. */
  promisedAt: EpochMs,
  /** Every re-set of the promise (改约), oldest first. */
  promiseChanges: z.array(PromiseChange).default([]),
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

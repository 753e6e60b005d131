import { z } from 'zod';

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
  name: z.string().trim().min(1).max(40).nullable().default(null),
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
});
export type CallWeights = z.infer<typeof CallWeights>;

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
  /** The notice line on the hall display, set by the duty leader; null for none. */
  notice: z.string().max(120).nullable().default(null),
});
export type HallConfig = z.infer<typeof HallConfig>;

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
});
export type Snapshot = z.infer<typeof Snapshot>;

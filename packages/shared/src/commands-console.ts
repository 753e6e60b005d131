import { z } from 'zod';
import {
  Note,
  Reason,
  Text,
  TicketResult,
  command,
  def,
  query,
  CounterResult,
  StaffResult,
  DeviceResult,
} from './command-kit';
import { NewPin } from './pin-rule';
import {
  CaseKind,
  PromiseRule,
  AccountNo,
  CallWeights,
  CaseType,
  CustomerRecord,
  AnnounceTemplate,
  AnnounceVoice,
  BusinessHours,
  EpochMs,
  HallConfig,
  Id,
  NotificationSettings,
  Opinion,
  PauseReason,
  Phone,
  PriorityClass,
  Service,
  SessionIdleMin,
  SessionMaxHours,
  CaseWarning,
  Staff,
  StaffRole,
} from './model';

// The duty-leader console (值班领导岗): overrides with a reason, the opinions desk with a closed
// loop, the shift log; and hall administration for the admin. Every command is audited by
// the pipeline with its reason; overrides also reach the affected clerk as an event.

const LEADER = ['duty_leader'] as const;
const ADMIN = ['admin'] as const;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: EpochMs,
  command: z.string(),
  deviceId: Id.nullable(),
  staffId: Id.nullable(),
  payload: z.string(),
  result: z.string(),
  reason: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** What a shift-log line is about, for its badge and the end-of-shift counts. */
export const ShiftLogGroup = z.enum([
  'override',
  'alert',
  'opinion',
  'followUp',
  'handover',
  'admin',
  'other',
]);
export type ShiftLogGroup = z.infer<typeof ShiftLogGroup>;

/**
 * A line of the shift log as people read it: when, who (name and role), what in words (from the
 * command and its payload: 暂停 3 号窗口:会议), customer data masked; never the raw payload.
 */
export const ShiftLogEntry = AuditEntry.pick({ id: true, at: true, command: true }).extend({
  group: ShiftLogGroup,
  who: z.object({ staffId: Id, name: z.string(), role: StaffRole.nullable() }).nullable(),
  /** The device it came from (a kiosk's opinion has no staff member); null: the server. */
  deviceName: z.string().nullable(),
  zh: z.string(),
  en: z.string(),
  /** The reason given, phone and account numbers masked. */
  reason: z.string().nullable(),
});
export type ShiftLogEntry = z.infer<typeof ShiftLogEntry>;

/**
 * Where a waiting ticket's wait stands against its service's target, in the bands the calling
 * policy orders by: `within` the target; `past` it (no pass-over configured: furthest past
 * first); `passedOver`: past it but still passed over by tickets that can make theirs;
 * `overdue`: passed over long enough, now ahead of them.
 */
export const WaitBand = z.enum(['within', 'past', 'passedOver', 'overdue']);
export type WaitBand = z.infer<typeof WaitBand>;

/** A waiting ticket's place in the calling order and why it stands there. */
export const CallPlace = z.object({
  ticketId: Id,
  /** Held for a counter by the duty leader: that counter calls it first, no other calls it. */
  heldForCounterId: Id.nullable(),
  priorityClass: PriorityClass,
  band: WaitBand,
  /** Seconds past the service's target wait; negative: the time still left. */
  pastTargetSec: z.number().int(),
});
export type CallPlace = z.infer<typeof CallPlace>;

// The parts of the hall's lists the admin edits (services, case types): the id the admin
// chooses, the names in both languages, and whether and where the entry shows.
const ChosenId = Id.regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and -');
const Names = { nameZh: Text({ min: 1, max: 40 }), nameEn: Text({ min: 1, max: 60 }) };
const Listed = {
  active: z.boolean().default(true),
  sortOrder: z.number().int().min(0).max(999).default(0),
};

const ServiceInput = z.strictObject({
  id: ChosenId,
  prefix: z.string().regex(/^[A-Z]$/, 'one capital letter'),
  ...Names,
  category: Text({ min: 1, max: 40 }),
  descriptionZh: Text({ max: 120 }).default(''),
  descriptionEn: Text({ max: 200 }).default(''),
  targetWaitSec: z.number().int().min(60).max(7200),
  targetHandleSec: z.number().int().min(30).max(7200),
  dailyCap: z.number().int().min(1).max(9999).nullable().default(null),
  ...Listed,
});

const CaseTypeInput = z.strictObject({
  id: ChosenId,
  ...Names,
  /** The service such cases usually come from (the counter suggests the type). */
  serviceId: Id.nullable().default(null),
  /** 限时办结: calendar days from opening to the end of the due day. */
  limitDays: z.number().int().min(1).max(365),
  /** A case or a repair (issue 18). */
  kind: CaseKind.default('case'),
  /** 承诺: the promised time; absent: `limitDays` calendar days (限时办结's meaning). */
  promise: PromiseRule.optional(),
  /** In order; the first is the acceptance, done when the case is opened. */
  steps: z
    .array(
      z.strictObject({
        ...Names,
        limitDays: z.number().int().min(0).max(365),
      }),
    )
    .min(1)
    .max(20),
  ...Listed,
});

export const consoleCommands = {
  'override:ticket-priority': def({
    kind: 'command',
    input: command({ ticketId: Id, to: z.enum(['priority', 'front']), reason: Reason }),
    output: TicketResult,
    roles: LEADER,
    summary:
      "Raise a waiting ticket to the priority class, or move it to the front of its service's queue.",
  }),
  'override:ticket-counter': def({
    kind: 'command',
    input: command({ ticketId: Id, counterId: Id, reason: Reason }),
    output: TicketResult,
    roles: LEADER,
    summary: 'Assign a waiting ticket to a counter: only that counter calls it, first.',
  }),
  'override:counter-state': def({
    kind: 'command',
    input: command({
      counterId: Id,
      state: z.enum(['open', 'paused', 'closed']),
      pauseReason: PauseReason.optional(),
      reason: Reason,
    }),
    output: CounterResult,
    roles: LEADER,
    summary: 'Open, pause or close a counter (closing needs it free of called or served tickets).',
  }),
  'override:counter-services': def({
    kind: 'command',
    input: command({ counterId: Id, serviceIds: z.array(Id).min(1).max(20), reason: Reason }),
    output: CounterResult,
    roles: LEADER,
    summary: 'Change the services a counter serves, in order (re-staffing by load).',
  }),
  'override:sign-out': def({
    kind: 'command',
    input: command({ staffId: Id, reason: Reason }),
    output: z.object({
      staff: Staff,
      returnedTickets: z.number().int(),
      heldTickets: z.number().int(),
    }),
    roles: LEADER,
    summary:
      'Sign a staff member out: called tickets go back to the queue, tickets in service or parked pass to the duty leader.',
  }),

  'opinion:assign': def({
    kind: 'command',
    input: command({
      opinionId: Id,
      handlerStaffId: Id,
      note: Note.optional(),
    }),
    output: z.object({ opinion: Opinion }),
    roles: LEADER,
    summary: 'Give an opinion to a handler (a clerk or the duty leader).',
  }),
  'opinion:resolve': def({
    kind: 'command',
    input: command({ opinionId: Id, resolution: Text({ min: 4, max: 500, multiline: true }) }),
    output: z.object({ opinion: Opinion }),
    roles: ['duty_leader', 'clerk'],
    summary:
      'Close an opinion with what was done (its handler or the duty leader); never without a result.',
  }),

  'hall:presence': def({
    kind: 'query',
    input: query({}),
    output: z.object({
      devices: z.array(
        z.object({
          deviceId: Id,
          online: z.boolean(),
          /** Since when online or offline; null: not seen since the hall server started. */
          since: EpochMs.nullable(),
        }),
      ),
    }),
    roles: ['duty_leader', 'admin'],
    summary: 'Which paired devices are connected to the hall server now, and since when.',
  }),

  'console:call-order': def({
    kind: 'query',
    input: query({}),
    output: z.object({
      /** The hall's time the order was worked out at (the wait terms move with it). */
      at: EpochMs,
      /** Per service, its waiting tickets in the order the hall would call them. */
      queues: z.array(z.object({ serviceId: Id, tickets: z.array(CallPlace) })),
      /** Per open counter, the next few tickets it would call. */
      counters: z.array(z.object({ counterId: Id, next: z.array(Id) })),
    }),
    roles: ['duty_leader', 'admin'],
    summary:
      "Waiting tickets in calling order (the hall's calling policy, now), per service and per open counter, each with why it stands where it does.",
  }),

  'console:shift-log': def({
    kind: 'query',
    input: query({ since: z.coerce.number().int().nonnegative() }),
    output: z.object({ entries: z.array(ShiftLogEntry) }),
    roles: ['duty_leader', 'admin'],
    summary:
      "The shift's overrides, opinions, handovers and administration since a time, as readable lines (who, what in words), customer data masked.",
  }),

  'admin:save-service': def({
    kind: 'command',
    input: command({ service: ServiceInput }),
    output: z.object({ service: Service }),
    roles: ADMIN,
    summary: 'Create or change a service; takes effect on every kiosk at once.',
  }),
  'admin:save-case-type': def({
    kind: 'command',
    input: command({ caseType: CaseTypeInput }),
    output: z.object({ caseType: CaseType }),
    roles: ADMIN,
    summary:
      'Create or change a case type: names, its service, time limit and steps with their limits; cases already open keep their steps.',
  }),
  'admin:save-counter': def({
    kind: 'command',
    input: command({
      counter: z.strictObject({
        id: Id.regex(/^[a-z0-9-]+$/),
        number: z.number().int().min(1).max(999),
        name: Text({ min: 1, max: 40 }),
        serviceIds: z.array(Id).min(1).max(20),
      }),
    }),
    output: CounterResult,
    roles: ADMIN,
    summary: 'Create or change a counter and the services it serves, in order.',
  }),
  'admin:save-staff': def({
    kind: 'command',
    input: command({
      staff: z.strictObject({
        id: Id.regex(/^[a-z0-9-]+$/),
        staffNo: z
          .string()
          .trim()
          .regex(/^\d{3,8}$/, '3-8 digits'),
        name: Text({ min: 1, max: 40 }),
        roles: z.array(StaffRole).min(1),
        photoUrl: Text({ max: 300 }).nullable().default(null),
        active: z.boolean().default(true),
      }),
      /** Required for a new staff member. */
      pin: NewPin.optional(),
    }),
    output: StaffResult,
    roles: ADMIN,
    summary: 'Create or change a staff member (roles, photo, deactivate); a new one needs a PIN.',
  }),
  'admin:reset-pin': def({
    kind: 'command',
    input: command({ staffId: Id, pin: NewPin }),
    output: StaffResult,
    roles: ADMIN,
    summary: "Set a staff member's PIN and clear any sign-in lock.",
  }),
  'admin:rename-device': def({
    kind: 'command',
    input: command({ deviceId: Id, name: Text({ min: 1, max: 60 }) }),
    output: DeviceResult,
    roles: ADMIN,
    summary: 'Rename a paired device.',
  }),
  'admin:save-customer': def({
    kind: 'command',
    input: command({
      accountNo: AccountNo,
      name: Text({ min: 1, max: 40 }),
      phone: Phone.nullable().default(null),
      vip: z.boolean(),
      /** The VIP's account manager (大客户经理): an active clerk; null or absent: none. */
      accountManagerStaffId: Id.nullable().default(null),
    }),
    output: z.object({ customer: CustomerRecord }),
    roles: ADMIN,
    summary:
      "Add or change a customer on the hall's list (the VIP flag, the VIP's account manager: an active clerk).",
  }),
  'admin:customers': def({
    kind: 'query',
    input: query({
      /** Part of an account number, a name or a phone number; empty: everyone. */
      search: Text({ max: 40 }).default(''),
      vipOnly: z.boolean().default(false),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({
      customers: z.array(CustomerRecord),
      total: z.number().int(),
      /** How many VIPs each account manager has (the whole list, not only those shown). */
      managers: z.array(z.object({ staffId: Id, vips: z.number().int().nonnegative() })),
    }),
    roles: ADMIN,
    summary: "The hall's customer list, searched by account number, name or phone.",
  }),
  'admin:configure': def({
    kind: 'command',
    input: command({
      settings: z
        .strictObject({
          nameZh: Text({ min: 1, max: 60 }),
          nameEn: Text({ min: 1, max: 100 }),
          recallsBeforeNoShow: z.number().int().min(0).max(10),
          noShowAfterSec: z.number().int().min(10).max(3600),
          evaluationTimeoutSec: z.number().int().min(5).max(600),
          counterDropGraceSec: z.number().int().min(0).max(600),
          callWeights: CallWeights,
          ticketFooterZh: Text({ max: 120 }),
          ticketFooterEn: Text({ max: 200 }),
          businessHours: BusinessHours.nullable(),
          announceZh: AnnounceTemplate(80),
          announceEn: AnnounceTemplate(120),
          announceVoice: AnnounceVoice,
          sessionIdleMin: SessionIdleMin,
          sessionMaxHours: SessionMaxHours,
          caseWarning: CaseWarning,
          taskPromise: PromiseRule,
          promiseWarnPercent: z.number().int().min(10).max(95),
          notifications: NotificationSettings,
          knowledgeBlocksService: z.boolean(),
        })
        .partial(),
    }),
    output: z.object({ config: HallConfig }),
    roles: ADMIN,
    summary:
      "Change the hall's settings (calling weights, recalls, time-outs, wording); live at once.",
  }),
} as const;

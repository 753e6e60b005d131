import { z } from 'zod';
import {
  Note,
  Reason,
  Text,
  command,
  def,
  query,
  CaseResult,
  TaskResult,
  FollowUpResult,
  HandoverResult,
} from './command-kit';
import {
  AccountNo,
  Alert,
  BusinessDay,
  Case,
  CaseOutcome,
  Customer,
  EpochMs,
  Evaluation,
  EvaluationReason,
  EvaluationScore,
  Handover,
  Id,
  Opinion,
  Phone,
  Ticket,
  TicketTransition,
} from './model';

// Commands of the work post beyond the queue itself: evaluations from the pad, first-handler
// cases, support tasks to the service post, follow-ups, shift handover and the customer's
// one-stop context. The rules behind them are in apps/hall-server/src/domain (evaluations.ts,
// cases.ts, tasks.ts, handovers.ts, due.ts).

const PAD = ['pad'] as const;
const LEADER = ['duty_leader'] as const;
/** Who owns cases and support tasks: clerks, and the duty leader (who may receive a handover). */
const OWNERS = ['clerk', 'duty_leader'] as const;
const BACK_OFFICE = ['backoffice', 'duty_leader'] as const;
const STAFF = ['guide', 'clerk', 'backoffice', 'duty_leader', 'admin'] as const;

const LongText = Text({ min: 2, max: 500, multiline: true });

/** One step of a visit's path: every transition with who and where. */
export const PathStep = TicketTransition;
export type PathStep = z.infer<typeof PathStep>;

export const CustomerContext = z.object({
  /** The visit asked about, with the guide's note; null when asked by account or phone. */
  ticket: Ticket.nullable(),
  /** This visit's path: issue, calls, transfers, parks, who served, finish. */
  path: z.array(PathStep),
  /** Whom the history below is about (account number and/or phone). */
  customer: Customer,
  /** Earlier visits of the same customer, newest first (at most 20). */
  visits: z.array(Ticket),
  /** The customer's cases: open ones first, then recent closed ones (at most 20). */
  cases: z.array(Case),
  /** The customer's opinions, newest first (at most 20). */
  opinions: z.array(Opinion),
});
export type CustomerContext = z.infer<typeof CustomerContext>;

export const workCommands = {
  'evaluation:submit': def({
    kind: 'command',
    input: command({
      ticketId: Id,
      score: EvaluationScore,
      /** Only with `dissatisfied`: what the customer was unhappy about. */
      reasons: z.array(EvaluationReason).max(5).default([]),
    }),
    output: z.object({ evaluation: Evaluation }),
    roles: PAD, // a customer device's role: only a paired pad has it, never a staff desk
    summary:
      "The customer's rating on the evaluation pad of the counter that served them; once, before the time-out. 不满意 raises an alert.",
  }),

  'alert:acknowledge': def({
    kind: 'command',
    input: command({ alertId: Id, note: Note.optional() }),
    output: z.object({ alert: Alert }),
    roles: ['clerk', 'duty_leader'],
    summary:
      "The duty leader acknowledges an alert on the console; an account manager, a VIP's arrival addressed to them (their desk's notice), and no other.",
  }),

  'alert:acknowledge-many': def({
    kind: 'command',
    input: command({ alertIds: z.array(Id).min(1).max(500), note: Note.optional() }),
    output: z.object({ alerts: z.array(Alert) }),
    roles: LEADER,
    summary:
      'The duty leader acknowledges a group of alerts (one kind, one counter) at once: one change, one audit entry; those acknowledged meanwhile are left as they are, an unknown id refuses all.',
  }),

  'case:open': def({
    kind: 'command',
    input: command({
      ticketId: Id,
      caseTypeId: Id,
      summary: Text({ min: 2, max: 200 }),
      /** Contact details taken at the counter; given fields replace the ticket's. */
      customer: Customer.optional(),
    }),
    output: CaseResult.extend({
      /** The visit's phone status page token, for the QR code on the receipt slip (受理回执). */
      statusToken: z.string().nullable(),
    }),
    roles: OWNERS,
    summary:
      "Open a case from a visit the clerk owns or serves, typed by the hall's case types: steps and due date from the type; the clerk owns it until closed.",
  }),

  'case:advance': def({
    kind: 'command',
    input: command({ caseId: Id, note: Note.optional() }),
    output: CaseResult,
    roles: OWNERS,
    summary: "Mark the case's current step done (dated) and move to the next; its owner only.",
  }),

  'case:close': def({
    kind: 'command',
    input: command({ caseId: Id, outcome: CaseOutcome, result: LongText }),
    output: CaseResult,
    roles: OWNERS,
    summary:
      'Close a case with its result: `completed` once every step is done, `withdrawn` at any time; its owner only.',
  }),

  'task:create': def({
    kind: 'command',
    input: command({
      text: LongText,
      /** The promised answer time; absent: the hall's support task promise (`taskPromise`). */
      dueAt: EpochMs.optional(),
      caseId: Id.optional(),
      ticketId: Id.optional(),
    }),
    output: TaskResult,
    roles: OWNERS,
    summary:
      "Send a support task (内部联系单) to the service post with a due time (by default the hall's task promise); the asker owns it and gets the answer.",
  }),

  'task:accept': def({
    kind: 'command',
    input: command({ taskId: Id }),
    output: TaskResult,
    roles: BACK_OFFICE,
    summary: 'The service post takes an open support task.',
  }),

  'task:complete': def({
    kind: 'command',
    input: command({ taskId: Id, result: LongText }),
    output: TaskResult,
    roles: BACK_OFFICE,
    summary: 'Answer a support task one has accepted; the owner sees the result at once.',
  }),

  'task:cancel': def({
    kind: 'command',
    input: command({ taskId: Id, reason: Reason }),
    output: TaskResult,
    roles: OWNERS,
    summary: 'The owner withdraws a support task not yet answered.',
  }),

  'follow-up:create': def({
    kind: 'command',
    input: command({
      assigneeStaffId: Id,
      note: LongText,
      ticketId: Id.optional(),
      alertId: Id.optional(),
      /** Default: the end of the next business day. */
      dueAt: EpochMs.optional(),
    }),
    output: FollowUpResult,
    roles: LEADER,
    summary:
      'Give a staff member a follow-up (e.g. after a 不满意 rating); from an alert, it acknowledges the alert too.',
  }),

  'follow-up:assign': def({
    kind: 'command',
    input: command({ followUpId: Id, assigneeStaffId: Id }),
    output: FollowUpResult,
    roles: LEADER,
    summary: 'Assign an open follow-up (one opened by a 不满意 rating starts unassigned).',
  }),

  'follow-up:close': def({
    kind: 'command',
    input: command({ followUpId: Id, result: LongText }),
    output: FollowUpResult,
    roles: OWNERS,
    summary: 'Close a follow-up with what was done (its assignee or the duty leader).',
  }),

  'customer:reveal-contact': def({
    kind: 'command',
    input: command({
      subject: z.enum(['follow_up', 'opinion', 'ticket']),
      id: Id,
      /** Why the whole number is needed (e.g. 回访客户); kept in the audit log. */
      reason: Reason,
    }),
    output: z.object({ phone: z.string().nullable() }),
    roles: ['clerk', 'backoffice', 'duty_leader'],
    summary:
      "The unmasked callback phone of one follow-up, opinion or visit, for its owner (the follow-up's assignee, the opinion's handler, the visit's first handler or serving clerk) and the duty leader; the reason goes into the audit log.",
  }),

  'handover:create': def({
    kind: 'command',
    input: command({
      toStaffId: Id,
      note: LongText,
      /** Also the cases due after tomorrow, which the giver could keep while off. */
      includeKept: z.boolean().optional(),
    }),
    output: HandoverResult,
    roles: STAFF,
    summary:
      'Hand one’s open items (parked visits, cases, support tasks, follow-ups) to a named colleague or the duty leader, with a note; nothing moves until they acknowledge. Cases due after tomorrow stay with the giver unless includeKept.',
  }),

  'handover:acknowledge': def({
    kind: 'command',
    input: command({ handoverId: Id }),
    output: HandoverResult,
    roles: STAFF,
    summary: 'The receiver acknowledges a handover: the items become theirs.',
  }),

  'handover:cancel': def({
    kind: 'command',
    input: command({ handoverId: Id }),
    output: HandoverResult,
    roles: STAFF,
    summary: 'Withdraw (giver) or decline (receiver) a pending handover; nothing moves.',
  }),

  'handover:list': def({
    kind: 'query',
    input: query({ from: BusinessDay, to: BusinessDay, staffId: Id.optional() }),
    output: z.object({ handovers: z.array(Handover) }),
    roles: STAFF,
    summary: 'Handovers made on a range of business days (at most 500), optionally of one person.',
  }),

  'customer:context': def({
    kind: 'query',
    input: query({
      ticketId: Id.optional(),
      accountNo: AccountNo.optional(),
      phone: Phone.optional(),
    }).refine((q) => Boolean(q.ticketId ?? q.accountNo ?? q.phone), {
      message: 'give a ticket, an account number or a phone number',
    }),
    output: CustomerContext,
    roles: ['clerk', 'backoffice', 'duty_leader'],
    summary:
      "One-stop context: the visit's note and path, and by account number or phone the customer's earlier visits, cases and opinions.",
  }),

  'ticket:path': def({
    kind: 'query',
    input: query({ ticketId: Id }),
    output: z.object({ ticket: Ticket, path: z.array(PathStep) }),
    roles: ['guide', 'clerk', 'backoffice', 'duty_leader'],
    summary: "A visit's path: every transition with time, counter and staff.",
  }),
} as const;

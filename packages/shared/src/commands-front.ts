import { z } from 'zod';
import { IssuedTicket, Reason, Text, WaitEstimate, command, def, query } from './command-kit';
import { AccountManagerGreeting } from './commands-vip';
import {
  CaseKind,
  CaseState,
  AccountNo,
  Appointment,
  Customer,
  EpochMs,
  HallConfig,
  Id,
  Opinion,
  OpinionCategory,
  Phone,
  Ticket,
  TicketState,
} from './model';

// Commands of the hall-facing posts (kiosk, guide desk, hall display, phone page): the
// customer list, appointments, supervision-box opinions, the hall notice, finding a ticket,
// queue lengths, and a ticket's public status for the customer's phone.

const FRONT_STAFF = ['guide', 'duty_leader'] as const;

export const ServiceQueue = z.object({
  serviceId: Id,
  waiting: z.number().int().nonnegative(),
  /** How long the longest-waiting ticket has waited so far. */
  longestWaitSec: z.number().int().nonnegative(),
  /** What a ticket taken now would wait, by the same estimate as at issue (the centre). */
  estimatedWaitSec: z.number().int().nonnegative(),
  estimatedWaitLowSec: z.number().int().nonnegative(),
  estimatedWaitHighSec: z.number().int().nonnegative(),
  /** No open counter serves it now: a ticket taken now would not be called until one opens. */
  noCounterOpen: z.boolean(),
  hallOpensAt: z.number().int().nonnegative().nullable(),
  targetWaitSec: z.number().int().nonnegative(),
  /** Open counters serving it now. */
  openCounters: z.number().int().nonnegative(),
});
export type ServiceQueue = z.infer<typeof ServiceQueue>;

/**
 * A case opened from the visit as its customer's phone sees it: its number, type and promise,
 * and each new time with the reason they were told; no staff, no other customer.
 */
export const StatusCase = z.object({
  number: z.string(),
  typeNameZh: z.string(),
  typeNameEn: z.string(),
  kind: CaseKind,
  state: CaseState,
  /** The first promised time (the receipt slip's). */
  promisedAt: EpochMs,
  /** The current promised time. */
  dueAt: EpochMs,
  closedAt: EpochMs.nullable(),
  changes: z.array(z.object({ at: EpochMs, toDueAt: EpochMs, reason: z.string() })),
});
export type StatusCase = z.infer<typeof StatusCase>;

/** What the customer's phone may know: their own ticket, nothing about anyone else. */
export const TicketStatus = z.object({
  number: z.string(),
  serviceId: Id,
  serviceNameZh: z.string(),
  serviceNameEn: z.string(),
  state: TicketState,
  ...WaitEstimate,
  counter: z.object({ number: z.number().int(), name: z.string() }).nullable(),
  issuedAt: EpochMs,
  calledAt: EpochMs.nullable(),
  hallNameZh: z.string(),
  hallNameEn: z.string(),
  businessDay: z.string(),
  /** 承诺: the cases opened from this visit, with their promised times (issue 18). */
  cases: z.array(StatusCase).default([]),
  /** The hall's time zone, for the promised times. */
  timeZone: z.string().optional(),
});
export type TicketStatus = z.infer<typeof TicketStatus>;

export const FoundTicket = z.object({
  ticket: Ticket,
  statusToken: z.string(),
  ...WaitEstimate,
});
export type FoundTicket = z.infer<typeof FoundTicket>;

const NoticeText = Text({ max: 120, multiline: true }); // typed in a text area

export const frontCommands = {
  'customer:lookup': def({
    kind: 'query',
    input: query({ accountNo: AccountNo }),
    output: z.object({
      found: z.boolean(),
      vip: z.boolean(),
      /** Masked for customer-facing devices. */
      name: z.string().nullable(),
    }),
    roles: ['kiosk', 'guide', 'clerk', 'duty_leader'],
    summary: "Look an account number up in the hall's customer list (VIP recognition).",
  }),

  'appointment:create': def({
    kind: 'command',
    input: command({
      serviceId: Id,
      customer: Customer,
      windowStart: EpochMs,
      windowEnd: EpochMs,
    }).refine((a) => a.windowEnd > a.windowStart, {
      message: 'windowEnd must be after windowStart',
      path: ['windowEnd'],
    }),
    output: z.object({ appointment: Appointment }),
    roles: ['integration', 'guide', 'duty_leader'],
    summary:
      "Book a visit for a time window (the utility's website or app); returns a six-digit check-in code.",
  }),

  'appointment:cancel': def({
    kind: 'command',
    input: command({ appointmentId: Id, reason: Reason }),
    output: z.object({ appointment: Appointment }),
    roles: ['integration', 'guide', 'duty_leader'],
    summary: 'Cancel a booked appointment.',
  }),

  'appointment:check-in': def({
    kind: 'command',
    input: z.union([
      command({
        code: z
          .string()
          .trim()
          .regex(/^\d{6}$/, 'six digits'),
      }),
      command({ phone: Phone }),
    ]),
    output: IssuedTicket.extend({
      appointment: Appointment,
      /** Inside its window: the ticket has appointment priority. Late: an ordinary ticket. */
      onTime: z.boolean(),
      /** Routed to the case owner's or the VIP's manager's counter: who, and where (masked). */
      accountManager: AccountManagerGreeting.optional(),
    }),
    roles: ['kiosk', 'guide'],
    summary:
      "Check in for today's appointment by code or phone: a ticket, with appointment priority inside the window.",
  }),

  'opinion:submit': def({
    kind: 'command',
    input: command({
      category: OpinionCategory,
      text: Text({ min: 2, max: 500, multiline: true }),
      contact: Text({ min: 3, max: 60 }).optional(),
      ticketId: Id.optional(),
      /** The customer's account, to recognise repeated opinions (the contact phone counts too). */
      accountNo: AccountNo.optional(),
      /** The staff member it concerns (recorded at the duty leader's desk). */
      staffId: Id.optional(),
    }),
    output: z.object({ opinion: Opinion }),
    roles: ['kiosk', 'guide', 'duty_leader'],
    summary: "Leave an opinion in the supervision box (监督箱); it reaches the duty leader's list.",
  }),

  'hall:set-notice': def({
    kind: 'command',
    input: command({ text: NoticeText }),
    output: z.object({ config: HallConfig }),
    roles: ['duty_leader'],
    summary: 'Set the notice line on the hall display (an empty text clears it).',
  }),

  'hall:queues': def({
    kind: 'query',
    input: query({}),
    output: z.object({ queues: z.array(ServiceQueue) }),
    roles: 'paired',
    summary: 'Waiting count, longest wait and estimated wait for each active service.',
  }),

  'ticket:find': def({
    kind: 'query',
    input: query({
      number: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]\d{3,4}$/, 'like A023')
        .optional(),
      phone: Phone.optional(),
    }).refine((q) => q.number !== undefined || q.phone !== undefined, {
      message: 'give a ticket number or a phone number',
    }),
    output: z.object({ results: z.array(FoundTicket) }),
    roles: [...FRONT_STAFF, 'clerk'],
    summary: "Find today's tickets by number or by the customer's phone (for reprint and help).",
  }),

  'ticket:status': def({
    kind: 'query',
    input: query({ ticketId: Id, token: z.string().min(8).max(64) }),
    output: TicketStatus,
    roles: 'public',
    summary: "A ticket's live status for the customer's phone (the token comes from the QR code).",
  }),
} as const;

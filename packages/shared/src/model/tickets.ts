import { z } from 'zod';
import { BusinessDay, Customer, EpochMs, Id } from './common';

// A visit's ticket and the path it takes.

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

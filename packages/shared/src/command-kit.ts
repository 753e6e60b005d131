import { z } from 'zod';
import type { DeviceKind, Role } from './model';
import { Case, Counter, Device, FollowUp, Handover, Id, Staff, SupportTask, Ticket } from './model';
import { Text } from './text';

// The building blocks every command declaration uses; the command files (commands.ts and its
// siblings) declare the operations themselves.

/** Client-made, so a retry after a reconnect is recognised and answered with the first result. */
export const CommandId = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');

export { Text, textProblem } from './text';
/** Typed in a text area on the console: a newline is allowed. */
export const Reason = Text({ min: 2, max: 200, multiline: true });
export const Note = Text({ max: 200, multiline: true });

export const command = <S extends z.ZodRawShape>(shape: S) =>
  z.strictObject({ commandId: CommandId, ...shape });
/** Queries change nothing, so a command id is accepted but not needed. */
export const query = <S extends z.ZodRawShape>(shape: S) =>
  z.strictObject({ commandId: CommandId.optional(), ...shape });

export const TicketRef = { ticketId: Id };
// Most commands answer with the one record they changed, under its name.
export const TicketResult = z.object({ ticket: Ticket });
export const CounterResult = z.object({ counter: Counter });
export const CaseResult = z.object({ case: Case });
export const TaskResult = z.object({ task: SupportTask });
export const FollowUpResult = z.object({ followUp: FollowUp });
export const HandoverResult = z.object({ handover: Handover });
export const StaffResult = z.object({ staff: Staff });
export const DeviceResult = z.object({ device: Device });
/**
 * Where a waiting ticket stands: people ahead and the wait as a range (issue 15). The range is
 * honest about nobody serving: `noCounterOpen` says no open counter serves the service now (the
 * wait figures are then 0 and mean nothing), `hallOpensAt` when the hall opens next, if closed.
 */
export const WaitEstimate = {
  peopleAhead: z.number().int().nonnegative(),
  /** The centre of the range. */
  estimatedWaitSec: z.number().int().nonnegative(),
  estimatedWaitLowSec: z.number().int().nonnegative(),
  estimatedWaitHighSec: z.number().int().nonnegative(),
  noCounterOpen: z.boolean(),
  hallOpensAt: z.number().int().nonnegative().nullable(),
};
/** A newly issued ticket with where it stands, and the token for its phone status page. */
export const IssuedTicket = z.object({
  ticket: Ticket,
  ...WaitEstimate,
  statusToken: z.string(),
});
export type IssuedTicket = z.infer<typeof IssuedTicket>;

/** `public`: no device token needed. `paired`: any paired device, signed in or not. */
export type Audience = 'public' | 'paired' | readonly Role[];

export interface CommandDef<I extends z.ZodType, O extends z.ZodType> {
  kind: 'command' | 'query';
  input: I;
  output: O;
  roles: Audience;
  /** Restricts the device kinds it can come from (e.g. staff sign-in only on a desk). */
  devices?: readonly DeviceKind[];
  summary: string;
}

export const def = <I extends z.ZodType, O extends z.ZodType>(d: CommandDef<I, O>) => d;

export const STAFF_DESK = ['desk'] as const;
export const CLERK = ['clerk'] as const;
export const FRONT_DESK = ['guide', 'duty_leader'] as const;

import { z } from 'zod';
import { Records } from './commands';
import { BusinessDay, EpochMs, Id, TicketState } from './model';

// Facts the hall server pushes. Every state change carries the hall-wide sequence number `seq`
// and `prev`, the seq of the change sent before it to the same device: a device is sent only
// the changes its screen shows, so seqs it is sent have gaps, and `prev` tells a gap it was
// meant to skip (prev <= the seq it holds) from one where it missed something (prev > it).

export const HallEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ticket.issued'), ticketId: Id }),
  z.object({
    type: z.literal('ticket.called'),
    ticketId: Id,
    counterId: Id,
    recall: z.number().int().nonnegative(),
  }),
  z.object({
    type: z.literal('ticket.transitioned'),
    ticketId: Id,
    from: TicketState.nullable(),
    to: TicketState,
  }),
  z.object({ type: z.literal('business-day.started'), businessDay: BusinessDay }),
  z.object({ type: z.literal('device.revoked'), deviceId: Id }),
  /** A duty leader's override, for the affected clerk's screen: what, why, and on what. */
  z.object({
    type: z.literal('override.applied'),
    action: z.string(),
    reason: z.string(),
    byStaffId: Id,
    staffId: Id.nullable(),
    counterId: Id.nullable(),
    ticketId: Id.nullable(),
  }),
]);
export type HallEvent = z.infer<typeof HallEvent>;

export const HallChange = z.object({
  seq: z.number().int().positive(),
  /**
   * Under load the server sends the changes of one event-loop turn as one message: it covers
   * `fromSeq`..`seq` (records at their latest version, events in order). Absent: just `seq`.
   */
  fromSeq: z.number().int().positive().optional(),
  /**
   * The seq of the last change this device's view was sent before this one (or where the
   * view began): nothing between `prev` and `seq` was for it. Absent (an older server): every
   * change is sent, and a gap is `fromSeq` (or `seq`) past the next seq.
   */
  prev: z.number().int().nonnegative().optional(),
  at: EpochMs,
  events: z.array(HallEvent),
  records: Records,
});
export type HallChange = z.infer<typeof HallChange>;

export const serverEvents = {
  'hall:changed': HallChange,
  /** Sent to a socket whose device was revoked or staff session ended elsewhere. */
  'session:ended': z.object({ reason: z.enum(['device_revoked', 'signed_out']) }),
} as const;
export type ServerEventName = keyof typeof serverEvents;

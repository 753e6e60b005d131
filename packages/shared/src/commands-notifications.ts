import { z } from 'zod';
import { command, def, query } from './command-kit';
import {
  AccountNo,
  ConsentSource,
  EpochMs,
  Id,
  Notification,
  NotificationSubjectKind,
  Phone,
} from './model';

// Customer notifications (issue 18 item 3): consent recorded at the desk (the kiosk's rides on
// `ticket:issue`), the notification log of a customer or a record, and a failed one sent again.
// Phones in answers are masked: the whole number stays in the hall's database, where the outbox
// sends from it.

/** Desk staff who meet customers. */
const DESK_STAFF = ['guide', 'clerk', 'duty_leader'] as const;
const STAFF = ['guide', 'clerk', 'backoffice', 'duty_leader', 'admin'] as const;

/** A phone's consent as staff see it (the phone masked). */
export const ConsentView = z.object({
  phone: z.string(),
  given: z.boolean(),
  source: ConsentSource,
  at: EpochMs,
});
export type ConsentView = z.infer<typeof ConsentView>;

export const notificationCommands = {
  'notification:consent': def({
    kind: 'command',
    input: command({
      /** The customer's phone as typed, or the visit whose phone it is. */
      phone: Phone.optional(),
      ticketId: Id.optional(),
      accountNo: AccountNo.optional(),
      /** true: the customer agrees to be texted; false: they withdraw (opt-out). */
      given: z.boolean(),
    }).refine((c) => Boolean(c.phone ?? c.ticketId), {
      message: 'give a phone number or a ticket',
    }),
    output: z.object({ consent: ConsentView }),
    roles: DESK_STAFF,
    devices: ['desk'],
    summary:
      "Record a customer's consent to be texted (turn near, called, promise changed, follow-up), or its withdrawal (opt-out wins over any earlier consent).",
  }),

  'notification:list': def({
    kind: 'query',
    input: query({
      ticketId: Id.optional(),
      phone: Phone.optional(),
      accountNo: AccountNo.optional(),
      subjectKind: NotificationSubjectKind.optional(),
      subjectId: Id.optional(),
    })
      .refine((q) => Boolean(q.ticketId ?? q.phone ?? q.accountNo ?? q.subjectId), {
        message: 'give a ticket, a phone, an account number or a subject',
      })
      .refine((q) => (q.subjectId === undefined) === (q.subjectKind === undefined), {
        message: 'a subject needs both its kind and its id',
      }),
    output: z.object({
      /** Newest first, at most 100; phones masked. */
      notifications: z.array(Notification),
      /** The customer's consent when asked by ticket, phone or account; null: none recorded. */
      consent: ConsentView.nullable(),
    }),
    roles: STAFF,
    summary:
      "A customer's notification log (by their visit, phone or account number) or a record's (a case, a support task): purpose, time, state, attempts; with the customer's consent.",
  }),

  'notification:retry': def({
    kind: 'command',
    input: command({ notificationId: Id }),
    output: z.object({ notification: Notification }),
    roles: ['clerk', 'backoffice', 'duty_leader'],
    summary:
      'Queue a failed notification again (its attempts start afresh): the owner of what it is about, or the duty leader.',
  }),
} as const;

import { z } from 'zod';
import {
  Alert,
  Appointment,
  Case,
  CaseType,
  Counter,
  Customer,
  CustomerRecord,
  Device,
  DeviceKind,
  DisplayLayout,
  EpochMs,
  Evaluation,
  FollowUp,
  HallConfig,
  Handover,
  Id,
  Notification,
  NotifyLang,
  Opinion,
  PauseReason,
  PriorityReason,
  RemedyGrant,
  RemedyKind,
  Service,
  Snapshot,
  Staff,
  StaffSession,
  SupportTask,
  Ticket,
  TicketOutcome,
} from './model';

import {
  CLERK,
  FRONT_DESK,
  Note,
  Reason,
  STAFF_DESK,
  IssuedTicket,
  Text,
  TicketRef,
  TicketResult,
  command,
  def,
  query,
  CounterResult,
  DeviceResult,
} from './command-kit';
import { consoleCommands } from './commands-console';
import { commandPath } from './contract/paths';
import { frontCommands } from './commands-front';
import { SignInPin } from './pin-rule';
import { reportCommands } from './commands-reports';
import { SyncStatus, syncCommands } from './commands-sync';
import { workCommands } from './commands-work';
import { promiseCommands } from './commands-promises';
import { notificationCommands } from './commands-notifications';
import { remedyCommands } from './commands-remedies';
import { knowledgeCommands } from './commands-knowledge';
import { spotCheckCommands } from './commands-spot-checks';
import { AccountManagerGreeting, vipCommands } from './commands-vip';
import { deviceCommands } from './commands-devices';
import { displayCommands } from './commands-display';
import { IdentityToken, identifyCommands } from './commands-identify';

// Every operation a device or an integration can ask of the hall server, declared once.
// The socket event name is the command name; the HTTP route is derived from it.

export const Records = z.object({
  tickets: z.array(Ticket).optional(),
  counters: z.array(Counter).optional(),
  services: z.array(Service).optional(),
  staff: z.array(Staff).optional(),
  devices: z.array(Device).optional(),
  sessions: z.array(StaffSession).optional(),
  appointments: z.array(Appointment).optional(),
  opinions: z.array(Opinion).optional(),
  /** Staff only: the hall's customer list as it changes (VIP flags). */
  customers: z.array(CustomerRecord).optional(),
  /** The work post's records; staff only, except a pad's own counter's evaluations. */
  evaluations: z.array(Evaluation).optional(),
  alerts: z.array(Alert).optional(),
  caseTypes: z.array(CaseType).optional(),
  cases: z.array(Case).optional(),
  tasks: z.array(SupportTask).optional(),
  followUps: z.array(FollowUp).optional(),
  handovers: z.array(Handover).optional(),
  /** Staff only: customer notifications (issue 18), the phone masked. */
  notifications: z.array(Notification).optional(),
  /** Staff only: the remedy catalogue and grants (issue 18). */
  remedyKinds: z.array(RemedyKind).optional(),
  remedyGrants: z.array(RemedyGrant).optional(),
  /** Staff only: the upward sync and backup status (one record). */
  syncStatus: z.array(SyncStatus).optional(),
  /** Every device: the displays' layouts (issue 19). */
  displayLayouts: z.array(DisplayLayout).optional(),
  config: HallConfig.optional(),
});
export type Records = z.infer<typeof Records>;

const coreCommands = {
  'device:pair': def({
    kind: 'command',
    input: command({
      pairingCode: z
        .string()
        .trim()
        .regex(/^\d{6}$/, 'six digits'),
    }),
    output: z.object({
      deviceId: Id,
      deviceToken: z.string(),
      name: z.string(),
      kind: DeviceKind,
      counterId: Id.nullable(),
    }),
    roles: 'public',
    summary: 'Pair this device with the hall using a pairing code shown on the console.',
  }),
  'device:issue-pairing-code': def({
    kind: 'command',
    input: command({
      name: Text({ min: 1, max: 60 }),
      kind: DeviceKind,
      counterId: Id.nullable().default(null),
    }),
    output: z.object({ code: z.string(), expiresAt: EpochMs }),
    roles: ['admin', 'duty_leader'],
    summary: 'Issue a one-time pairing code for a new device (valid for 15 minutes).',
  }),
  'device:revoke': def({
    kind: 'command',
    input: command({ deviceId: Id, reason: Reason }),
    output: DeviceResult,
    roles: ['admin'],
    summary: 'Revoke a device: its next command and reconnection are refused.',
  }),
  'staff:sign-in': def({
    kind: 'command',
    input: command({
      staffNo: z.string().trim().min(1).max(20),
      pin: SignInPin,
    }),
    output: z.object({ sessionToken: z.string(), staff: Staff, session: StaffSession }),
    roles: 'paired',
    devices: STAFF_DESK,
    summary: 'Sign a staff member in on this desk with staff number and PIN.',
  }),
  'staff:sign-out': def({
    kind: 'command',
    input: command({
      /**
       * A duty leader leaving the desk's unassigned follow-ups on the desk (nobody to hand them
       * to) says why; audited, and shown to the next duty leader in the shift log.
       */
      reason: Reason.optional(),
    }),
    output: z.object({ session: StaffSession }),
    roles: ['guide', 'clerk', 'backoffice', 'duty_leader', 'admin'],
    summary:
      'Sign the current staff member out (refused while they hold items; a duty leader hands over the desk too, or keeps its follow-ups there with a reason).',
  }),
  'counter:sign-in': def({
    kind: 'command',
    input: command({ counterId: Id }),
    output: CounterResult,
    roles: CLERK,
    devices: STAFF_DESK,
    summary: 'Take a counter: the signed-in clerk works at it from now on.',
  }),
  'counter:sign-out': def({
    kind: 'command',
    input: command({}),
    output: CounterResult,
    roles: CLERK,
    summary: 'Leave the counter (it closes); refused while a ticket is called or in service.',
  }),
  'counter:open': def({
    kind: 'command',
    input: command({}),
    output: CounterResult,
    roles: CLERK,
    summary: "Open the clerk's counter, or reopen it after a pause.",
  }),
  'counter:pause': def({
    kind: 'command',
    input: command({ reason: PauseReason }),
    output: CounterResult,
    roles: CLERK,
    summary: "Pause the clerk's counter with a reason (break, meeting, system, other).",
  }),
  'counter:close': def({
    kind: 'command',
    input: command({}),
    output: CounterResult,
    roles: CLERK,
    summary: "Close the clerk's counter.",
  }),
  'ticket:issue': def({
    kind: 'command',
    input: command({
      serviceId: Id,
      customer: Customer.optional(),
      /** The green channel; a VIP is recognised from the customer list by account number. */
      priority: z.enum(['normal', 'priority']).default('normal'),
      priorityReason: PriorityReason.optional(),
      note: Note.optional(),
      targetCounterId: Id.optional(),
      /** The customer agrees to be texted about this visit (needs `customer.phone`). */
      notifyConsent: z.literal(true).optional(),
      /** The kiosk's language, kept with the consent: the visit's texts are written in it. */
      lang: NotifyLang.optional(),
      /** From `customer:identify` on this device: the customer's account without typing it. */
      identityToken: IdentityToken.optional(),
    })
      .refine((i) => !i.notifyConsent || Boolean(i.customer?.phone), {
        message: 'consent to be texted needs a phone number',
        path: ['notifyConsent'],
      })
      .refine((i) => !i.identityToken || !i.customer?.accountNo, {
        message: 'an identity token or an account number, not both',
        path: ['identityToken'],
      }),
    output: IssuedTicket.extend({
      /** A ticket that waits for its case owner's or VIP's manager's counter: who and where. */
      accountManager: AccountManagerGreeting.optional(),
    }),
    roles: ['kiosk', 'guide', 'duty_leader'],
    summary:
      "Issue a ticket for a service (a note and a target counter from guide staff only). A known VIP account number gets VIP priority; a customer whose open case's owner is at an open counter of the service (kiosk: identified only), else a VIP whose account manager is at an open counter, waits for that counter.",
  }),
  'ticket:walk-in': def({
    kind: 'command',
    input: command({ serviceId: Id, customer: Customer.optional(), note: Note.optional() }),
    output: TicketResult,
    roles: CLERK,
    summary: 'Serve a customer who came straight to the counter; the clerk becomes the owner.',
  }),
  'ticket:call-next': def({
    kind: 'command',
    input: command({}),
    output: TicketResult,
    roles: CLERK,
    summary: "Call the next ticket for the clerk's counter by the hall's calling policy.",
  }),
  'ticket:call': def({
    kind: 'command',
    input: command(TicketRef),
    output: TicketResult,
    roles: CLERK,
    summary: 'Call a specific waiting ticket to this counter.',
  }),
  'ticket:recall': def({
    kind: 'command',
    input: command(TicketRef),
    output: TicketResult,
    roles: CLERK,
    summary: 'Call the same ticket again.',
  }),
  'ticket:no-show': def({
    kind: 'command',
    input: command(TicketRef),
    output: TicketResult,
    roles: CLERK,
    summary: 'Mark a called ticket as not shown (after the configured recalls or time).',
  }),
  'ticket:start': def({
    kind: 'command',
    input: command(TicketRef),
    output: TicketResult,
    roles: CLERK,
    summary: 'Start serving a called ticket; the first clerk to start becomes its owner.',
  }),
  'ticket:finish': def({
    kind: 'command',
    input: command({
      ...TicketRef,
      outcome: TicketOutcome,
      items: z
        .array(Text({ min: 1, max: 60 }))
        .max(20)
        .default([]),
    }),
    output: TicketResult,
    roles: CLERK,
    summary: 'Finish serving with an outcome and the business items done.',
  }),
  'ticket:park': def({
    kind: 'command',
    input: command({ ...TicketRef, reason: Reason }),
    output: TicketResult,
    roles: CLERK,
    summary: 'Park a ticket in service (e.g. the customer fetches a document).',
  }),
  'ticket:resume': def({
    kind: 'command',
    input: command(TicketRef),
    output: TicketResult,
    roles: CLERK,
    summary: 'Resume serving a parked ticket.',
  }),
  'ticket:transfer': def({
    kind: 'command',
    input: command({
      ...TicketRef,
      to: z.union([z.strictObject({ serviceId: Id }), z.strictObject({ counterId: Id })]),
      note: Note.optional(),
    }),
    output: TicketResult,
    roles: CLERK,
    summary:
      'Send a ticket in service back to the queue of another service or a named counter; it keeps its place and owner.',
  }),
  'ticket:return': def({
    kind: 'command',
    input: command({ ...TicketRef, reason: Reason.optional() }),
    output: TicketResult,
    roles: CLERK,
    summary: 'Return a called ticket to the queue ahead of others.',
  }),
  'ticket:cancel': def({
    kind: 'command',
    input: command({ ...TicketRef, reason: Reason }),
    output: TicketResult,
    roles: FRONT_DESK,
    summary: 'Cancel a waiting or called ticket.',
  }),
  'ticket:reinstate': def({
    kind: 'command',
    input: command({ ...TicketRef, reason: Reason }),
    output: TicketResult,
    roles: FRONT_DESK,
    summary: 'Put a no-show or cancelled ticket back in the queue ahead of others.',
  }),
  'ticket:reassign-owner': def({
    kind: 'command',
    input: command({ ...TicketRef, staffId: Id, reason: Reason }),
    output: TicketResult,
    roles: ['duty_leader'],
    summary: "Reassign a visit's first handler (duty leader override, with a reason).",
  }),
  'hall:snapshot': def({
    kind: 'query',
    input: query({}),
    output: Snapshot,
    roles: 'paired',
    summary: "The current business day's state, masked for customer-facing devices.",
  }),
  'hall:changes-since': def({
    kind: 'query',
    input: query({ since: z.coerce.number().int().nonnegative() }),
    output: z.object({ seq: z.number().int().nonnegative(), records: Records }),
    roles: 'paired',
    summary: 'Every record changed after sequence number `since`, at their latest version.',
  }),
} as const;

export const commands = {
  ...coreCommands,
  ...frontCommands,
  ...workCommands,
  ...promiseCommands,
  ...reportCommands,
  ...consoleCommands,
  ...syncCommands,
  ...notificationCommands,
  ...remedyCommands,
  ...knowledgeCommands,
  ...spotCheckCommands,
  ...vipCommands,
  ...deviceCommands,
  ...displayCommands,
  ...identifyCommands,
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>;
/** What a caller fills in: the input without the command id, which the sender adds. */
export type CommandPayload<K extends CommandName> =
  CommandInput<K> extends infer T ? (T extends unknown ? Omit<T, 'commandId'> : never) : never;
export type CommandArgs<K extends CommandName> = z.output<Commands[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<Commands[K]['output']>;
export const commandNames: CommandName[] = Object.keys(commands).filter(isCommandName);

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commands, name);
}

/** `ticket:call-next` → `POST /api/v1/ticket/call-next`; queries are GET. */
export function httpRoute(name: CommandName): { method: 'GET' | 'POST'; path: string } {
  return { method: commands[name].kind === 'query' ? 'GET' : 'POST', path: commandPath(name) };
}

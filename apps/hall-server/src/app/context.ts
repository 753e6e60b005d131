import type {
  Alert,
  Appointment,
  Case,
  CaseType,
  CommandArgs,
  CommandName,
  CommandOutput,
  Counter,
  CustomerRecord,
  Device,
  DisplayLayout,
  Evaluation,
  FollowUp,
  HallConfig,
  HallEvent,
  Handover,
  Notification,
  Opinion,
  Records,
  RemedyGrant,
  RemedyKind,
  Role,
  Service,
  Staff,
  StaffSession,
  SupportTask,
  SyncStatus,
  Ticket,
} from '@onestop/shared';
import type { Result } from '../domain/result';
import type { NewTransition } from '../domain/tickets';
import { canServeHeld, releaseHeldVipTickets } from '../domain/vip-routing';
import type { HallState } from '../store/hall-repo';
import type { Store } from '../store/store';
import { shownNotification } from './notification-records';

/** Who is asking: the device, and the staff member signed in on it if any. */
export interface Actor {
  device: Device | null;
  session: StaffSession | null;
  staff: Staff | null;
  roles: Role[];
  /** Where the command came from (socket handshake or HTTP request), for per-address throttles. */
  address?: string | undefined;
}

/** Collects what one command writes, stamping every record with the command's sequence number. */
export class Writes {
  readonly records: Required<Omit<Records, 'config'>> & Pick<Records, 'config'> = {
    tickets: [],
    counters: [],
    services: [],
    staff: [],
    devices: [],
    sessions: [],
    appointments: [],
    opinions: [],
    customers: [],
    evaluations: [],
    alerts: [],
    caseTypes: [],
    cases: [],
    tasks: [],
    followUps: [],
    handovers: [],
    notifications: [],
    remedyKinds: [],
    remedyGrants: [],
    displayLayouts: [],
    syncStatus: [],
  };
  readonly events: HallEvent[] = [];

  constructor(
    private readonly store: Store,
    readonly seq: number,
  ) {}

  get isEmpty(): boolean {
    return (
      this.records.config === undefined &&
      Object.values(this.records).every((list) => !Array.isArray(list) || list.length === 0)
    );
  }

  newTicket(ticket: Ticket, transition: NewTransition, events: HallEvent[] = []): Ticket {
    const saved = this.store.tickets.insert(ticket, this.seq);
    this.store.tickets.addTransition(transition);
    this.records.tickets.push(saved);
    this.events.push({ type: 'ticket.issued', ticketId: saved.id }, ...events);
    return saved;
  }

  ticket(change: { ticket: Ticket; transition: NewTransition; events: HallEvent[] }): Ticket {
    const saved = this.store.tickets.save(change.ticket, this.seq);
    this.store.tickets.addTransition(change.transition);
    this.records.tickets.push(saved);
    this.events.push(...change.events);
    return saved;
  }

  counter(counter: Counter): Counter {
    const before = canServeHeld(counter) ? undefined : this.store.counters.byId(counter.id);
    const saved = this.store.counters.save(counter, this.seq);
    this.records.counters.push(saved);
    // However it stopped calling (paused, closed, its clerk gone, by whom), a VIP held for it
    // since issue goes back to the queue: never stranded (domain/vip-routing.ts).
    if (before && canServeHeld(before)) {
      const waiting = this.store.tickets.waiting();
      for (const back of releaseHeldVipTickets(waiting, before, saved, null, saved.updatedAt)) {
        this.ticket(back);
      }
    }
    return saved;
  }

  service(service: Service): Service {
    const saved = this.store.services.save(service, this.seq);
    this.records.services.push(saved);
    return saved;
  }

  device(device: Device): Device {
    const saved = this.store.devices.save(device, this.seq);
    this.records.devices.push(saved);
    return saved;
  }

  newDevice(device: Device, tokenHash: string): Device {
    const saved = { ...device, changeSeq: this.seq };
    this.store.devices.insert(saved, tokenHash);
    this.records.devices.push(saved);
    return saved;
  }

  session(session: StaffSession): StaffSession {
    const saved = this.store.devices.saveSession(session, this.seq);
    this.records.sessions.push(saved);
    return saved;
  }

  newSession(session: StaffSession, tokenHash: string): StaffSession {
    const saved = { ...session, changeSeq: this.seq };
    this.store.devices.insertSession(saved, tokenHash);
    this.records.sessions.push(saved);
    return saved;
  }

  appointment(appointment: Appointment, businessDay: string): Appointment {
    const saved = this.store.appointments.save(appointment, businessDay, this.seq);
    this.records.appointments.push(saved);
    return saved;
  }

  opinion(opinion: Opinion): Opinion {
    const saved = this.store.opinions.save(opinion, this.seq);
    this.records.opinions.push(saved);
    return saved;
  }

  /** A staff member changed (roles, name, active) or created with a PIN hash. */
  staff(staff: Staff, pinHash?: string): Staff {
    let saved: Staff;
    if (pinHash !== undefined && !this.store.staff.byId(staff.id)) {
      saved = { ...staff, changeSeq: this.seq };
      this.store.staff.insert(saved, pinHash, this.seq);
    } else {
      saved = this.store.staff.update(staff, this.seq);
      if (pinHash !== undefined) this.store.staff.setPin(staff.id, pinHash, this.seq);
    }
    this.records.staff.push(saved);
    return saved;
  }

  customer(customer: CustomerRecord): CustomerRecord {
    const saved = this.store.customers.save(customer, this.seq);
    this.records.customers.push(saved);
    return saved;
  }

  // The work post's records: evaluations, alerts, case types, cases, tasks, follow-ups, handovers.

  evaluation(record: Evaluation): Evaluation {
    const saved = this.store.evaluations.save(record, this.seq);
    this.records.evaluations.push(saved);
    return saved;
  }

  alert(record: Alert): Alert {
    const saved = this.store.alerts.save(record, this.seq);
    this.records.alerts.push(saved);
    return saved;
  }

  caseType(record: CaseType): CaseType {
    const saved = this.store.caseTypes.save(record, this.seq);
    this.records.caseTypes.push(saved);
    return saved;
  }

  case(record: Case): Case {
    const saved = this.store.cases.save(record, this.seq);
    this.records.cases.push(saved);
    return saved;
  }

  task(record: SupportTask): SupportTask {
    const saved = this.store.tasks.save(record, this.seq);
    this.records.tasks.push(saved);
    return saved;
  }

  followUp(record: FollowUp): FollowUp {
    const saved = this.store.followUps.save(record, this.seq);
    this.records.followUps.push(saved);
    return saved;
  }

  handover(record: Handover): Handover {
    const saved = this.store.handovers.save(record, this.seq);
    this.records.handovers.push(saved);
    return saved;
  }

  remedyKind(record: RemedyKind): RemedyKind {
    const saved = this.store.remedies.saveKind(record, this.seq);
    this.records.remedyKinds.push(saved);
    return saved;
  }

  /** A new grant with its customer's identifiers (`customerKeys`, whole), or a grant's handling. */
  remedyGrant(record: RemedyGrant, customerKeys?: readonly string[]): RemedyGrant {
    const saved =
      customerKeys === undefined
        ? this.store.remedies.saveGrant(record, this.seq)
        : this.store.remedies.insertGrant(record, this.seq, customerKeys);
    this.records.remedyGrants.push(saved);
    return saved;
  }

  /** A customer notification, new or changed; devices are sent it with the phone masked. */
  notification(record: Notification, isNew = false): Notification {
    const saved = { ...record, changeSeq: this.seq };
    if (isNew) this.store.notifications.insert(saved);
    else this.store.notifications.save(saved, this.seq);
    this.records.notifications.push(shownNotification(saved));
    return saved;
  }

  /** A display's chosen layout and orientation. */
  displayLayout(record: DisplayLayout): DisplayLayout {
    const saved = this.store.displayLayouts.save(record, this.seq);
    this.records.displayLayouts.push(saved);
    return saved;
  }

  /** The upward sync's status record (the sync service writes it through `runSystem`). */
  syncStatus(record: SyncStatus): SyncStatus {
    const saved = this.store.sync.saveStatus(record, this.seq);
    this.records.syncStatus.push(saved);
    return saved;
  }

  config(config: HallConfig): HallConfig {
    this.store.hall.setConfig(config, this.seq);
    this.records.config = config;
    return config;
  }

  event(event: HallEvent): void {
    this.events.push(event);
  }
}

export interface TxContext {
  store: Store;
  actor: Actor;
  now: number;
  hall: HallState;
  newId: () => string;
  write: Writes;
}

export interface PrepareContext {
  store: Store;
  actor: Actor;
  now: number;
}

export interface Handler<K extends CommandName, P = undefined> {
  /** Async work before the transaction (a PIN check); must not write hall state. */
  prepare?(ctx: PrepareContext, args: CommandArgs<K>): Promise<Result<P>>;
  /** Synchronous, inside one SQLite transaction: decide with the domain, then write. */
  // Method syntax on purpose: lets the handler table hold handlers of differing `P`.
  run(tx: TxContext, args: CommandArgs<K>, prepared: P): Result<CommandOutput<K>>;
}

export const handler = <K extends CommandName, P = undefined>(h: Handler<K, P>) => h;

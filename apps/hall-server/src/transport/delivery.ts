import type { Counter, HallChange, HallEvent, Records, Ticket } from '@onestop/shared';
import type { Actor } from '../app/context';
import { audienceOf } from '../app/handlers/query-handlers';
import { isDisplayAudience, isPadAudience, projectChange } from '../app/projection';

// Targeted delivery: each socket has ONE view, the part of the hall its screen shows, and a
// change goes to a view only when something in it is for that view. Projection (projection.ts)
// decides what an audience may see; the view only leaves out what its screen does not show, so
// a view is never wider than its audience.
//
// - `view:public`: kiosks, a desk nobody is signed in on, a pad without a counter: the public
//   projection whole (calls, waiting counts, counters, services, staff names).
// - `view:display:<deviceId>`: a hall display: the public projection and its own layout.
// - `view:pad:<counterId>`: its counter, that counter's clerk, its own evaluations, the config.
// - `view:desk:<staffId>`: a counter workstation (the page says so in its handshake): its
//   counter's queues and current ticket, the tickets its clerk serves or owns, its clerk's own
//   cases, tasks, follow-ups and handovers (owned, assigned, received), its remedy grants (made
//   or decided), its session, the alerts addressed to its clerk (a VIP's arrival for their
//   account manager), and the hall's counters, services, staff, devices, case types, remedy
//   catalogue and config.
// - `view:staff`: every other staff screen (console, back office, guide): everything.

export type View =
  | { key: 'view:public'; kind: 'public' }
  | { key: `view:pad:${string}`; kind: 'pad'; counterId: string }
  | { key: `view:display:${string}`; kind: 'display'; deviceId: string }
  | { key: 'view:staff'; kind: 'staff' }
  | { key: `view:desk:${string}`; kind: 'desk'; staffId: string };

/** What the page on a socket says it shows (`auth.screen`); only `counter` narrows a view. */
export function viewOf(actor: Actor, screen: unknown): View | null {
  if (!actor.device) return null;
  const audience = audienceOf(actor);
  if (audience === 'staff') {
    if (screen === 'counter' && actor.staff) {
      return { key: `view:desk:${actor.staff.id}`, kind: 'desk', staffId: actor.staff.id };
    }
    return { key: 'view:staff', kind: 'staff' };
  }
  if (isPadAudience(audience)) {
    const counterId = audience.slice('pad:'.length);
    return { key: `view:pad:${counterId}`, kind: 'pad', counterId };
  }
  if (isDisplayAudience(audience)) {
    const deviceId = audience.slice('display:'.length);
    return { key: `view:display:${deviceId}`, kind: 'display', deviceId };
  }
  return { key: 'view:public', kind: 'public' };
}

/** The hall as the fan-out needs it now (the store, after the change was committed). */
export interface HallLookup {
  counterById(id: string): Counter | undefined;
  counterOfStaff(staffId: string): Counter | undefined;
  ticketById(id: string): Ticket | undefined;
}

/** Which desk a record was for before this change: the fields a desk view filters on. */
interface Route {
  ticket?: Pick<Ticket, 'state' | 'serviceId' | 'targetCounterId' | 'counterId'>;
  staffIds: string[];
}

const ROUTED_KINDS = [
  'tickets',
  'cases',
  'tasks',
  'followUps',
  'handovers',
  'sessions',
  'remedyGrants',
] as const;
type RoutedKind = (typeof ROUTED_KINDS)[number];
const ROUTED: ReadonlySet<string> = new Set(ROUTED_KINDS);
/** Routed kinds whose desks are their staff fields alone. */
const STAFF_ROUTED = [
  'cases',
  'tasks',
  'followUps',
  'handovers',
  'sessions',
  'remedyGrants',
] as const;
/** Record kinds a counter workstation never reads (the console's and the back office's). */
const DESK_UNREAD: ReadonlySet<string> = new Set([
  'evaluations',
  // The workstation asks for its customer's log (notification:list); the console is sent all.
  'notifications',
  'opinions',
  'alerts',
  'appointments',
  'customers',
  'syncStatus',
]);
const PAD_KINDS: ReadonlySet<string> = new Set(['counters', 'staff', 'evaluations', 'config']);
/** Bound on remembered routes; past it they are forgotten and unknown records go to every desk. */
const MAX_ROUTES = 100_000;

function staffIdsOf(record: object): string[] {
  const ids: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'string' && (key === 'staffId' || key.endsWith('StaffId')))
      ids.push(value);
  }
  return ids;
}

function ticketRoute(t: Ticket): Route {
  const ticket = {
    state: t.state,
    serviceId: t.serviceId,
    targetCounterId: t.targetCounterId,
    counterId: t.counterId,
  };
  return { ticket, staffIds: staffIdsOf(t) };
}

interface Routed {
  kind: RoutedKind;
  record: { id: string };
  route: Route;
}

/** The routed records of a change, each with the desks it is for now. */
function routedIn(records: Records): Routed[] {
  const out: Routed[] = (records.tickets ?? []).map((t) => ({
    kind: 'tickets',
    record: t,
    route: ticketRoute(t),
  }));
  for (const kind of STAFF_ROUTED) {
    for (const record of records[kind] ?? []) {
      out.push({ kind, record, route: { staffIds: staffIdsOf(record) } });
    }
  }
  return out;
}

/** A desk's filter inputs: its clerk, the counter they are signed in at and its services. */
interface DeskScope {
  staffId: string;
  counter: Counter | undefined;
}

export function deskScopeKey(scope: DeskScope): string {
  const c = scope.counter;
  return c ? `${c.id}|${c.serviceIds.join(',')}` : '-';
}

function routeIsFor(route: Route, scope: DeskScope): boolean {
  if (route.staffIds.includes(scope.staffId)) return true;
  const t = route.ticket;
  const c = scope.counter;
  if (!t || !c) return false;
  if (t.counterId === c.id || t.targetCounterId === c.id) return true;
  return t.state === 'waiting' && t.targetCounterId === null && c.serviceIds.includes(t.serviceId);
}

/**
 * The hall adds a counter's clerk to every change that carries the counter, and the counter to
 * every change that carries its clerk, changed or not, for the pads (projection.ts). Other
 * views already hold those unchanged records: they are left out, and a change of nothing else
 * is not sent at all.
 */
function withoutCompanions(change: HallChange): HallChange {
  const from = change.fromSeq ?? change.seq;
  const { staff, counters } = change.records;
  const changed = <T extends { changeSeq: number }>(list: T[] | undefined) =>
    list?.filter((r) => r.changeSeq >= from);
  const keptStaff = changed(staff);
  const keptCounters = changed(counters);
  if (keptStaff?.length === staff?.length && keptCounters?.length === counters?.length) {
    return change;
  }
  const records = { ...change.records, staff: keptStaff, counters: keptCounters };
  if (!keptStaff?.length) delete records.staff;
  if (!keptCounters?.length) delete records.counters;
  return { ...change, records };
}

function isEmpty(change: HallChange): boolean {
  return change.events.length === 0 && Object.keys(change.records).length === 0;
}

/**
 * Projects each change per view and remembers, per routed record, which desks it was for, so
 * that a ticket leaving a desk's queue (called elsewhere, transferred) still reaches that desk.
 */
export function createDelivery(lookup: HallLookup) {
  const routes = new Map<string, Route>();
  let publicCache: { change: HallChange; out: HallChange } | null = null;

  function publicOf(change: HallChange): HallChange {
    if (publicCache?.change !== change) {
      publicCache = { change, out: projectChange(withoutCompanions(change), 'public') };
    }
    return publicCache.out;
  }

  /** The public projection, with a display's own layout when the change holds it. */
  function displayOf(change: HallChange, deviceId: string): HallChange {
    const pub = publicOf(change);
    const own = projectChange(
      { ...change, events: [], records: { displayLayouts: change.records.displayLayouts } },
      `display:${deviceId}`,
    ).records.displayLayouts;
    return own?.length ? { ...pub, records: { ...pub.records, displayLayouts: own } } : pub;
  }

  /** Whether a change holds anything a pad shows (else each of 60 pads projects it for nothing). */
  let padCache: { change: HallChange; any: boolean } | null = null;
  function anyForPads(change: HallChange): boolean {
    if (padCache?.change !== change) {
      const { counters, staff, evaluations, config } = change.records;
      const any =
        Boolean(counters?.length || staff?.length || evaluations?.length) ||
        config !== undefined ||
        change.events.some((e) => e.type === 'business-day.started');
      padCache = { change, any };
    }
    return padCache.any;
  }

  function padOf(change: HallChange, counterId: string): HallChange | null {
    if (!anyForPads(change)) return null;
    const projected = projectChange(change, `pad:${counterId}`);
    const counter = lookup.counterById(counterId);
    const evaluations = projected.records.evaluations ?? [];
    const clerks = new Set([counter?.staffId, ...evaluations.map((e) => e.staffId)]);
    const records: Records = {};
    for (const [kind, list] of Object.entries(projected.records)) {
      if (!PAD_KINDS.has(kind) || list === undefined) continue;
      Object.assign(records, { [kind]: list });
    }
    const counters = records.counters?.filter((c) => c.id === counterId);
    const staff = records.staff?.filter((s) => clerks.has(s.id));
    if (counters?.length) records.counters = counters;
    else delete records.counters;
    if (staff?.length) records.staff = staff;
    else delete records.staff;
    const events = projected.events.filter((e) => e.type === 'business-day.started');
    return { ...projected, events, records };
  }

  function deskOf(whole: HallChange, scope: DeskScope): HallChange {
    const change = withoutCompanions(whole);
    const records: Records = {};
    const ticketIds = new Set<string>();
    const issued = new Set(
      change.events.flatMap((e) => (e.type === 'ticket.issued' ? [e.ticketId] : [])),
    );
    for (const [kind, list] of Object.entries(change.records)) {
      if (list === undefined || DESK_UNREAD.has(kind) || ROUTED.has(kind)) continue;
      Object.assign(records, { [kind]: list });
    }
    const kept = new Map<RoutedKind, { id: string }[]>();
    for (const { kind, record, route } of routedIn(change.records)) {
      if (!routeIsFor(route, scope)) {
        // A grant's desks only grow (its granter, then its decider): none held it before.
        if (kind === 'remedyGrants') continue;
        const before = routes.get(`${kind}:${record.id}`);
        // Never seen: it may have been on this desk's screen, unless it is new.
        const mayHaveHeld = before
          ? routeIsFor(before, scope)
          : !(kind === 'tickets' && issued.has(record.id));
        if (!mayHaveHeld) continue;
      }
      const list = kept.get(kind);
      if (list) list.push(record);
      else kept.set(kind, [record]);
      if (kind === 'tickets') ticketIds.add(record.id);
    }
    for (const [kind, mine] of kept) Object.assign(records, { [kind]: mine });
    // Alerts addressed to this desk's clerk (a VIP's arrival for their account manager,
    // docs/vip-account-managers.md); the rest are the console's.
    const addressed = change.records.alerts?.filter((a) => a.staffId === scope.staffId);
    if (addressed?.length) records.alerts = addressed;
    // A follow-up or case names its ticket by number: the ticket comes along when the desk's
    // copy may not hold it (served at another counter).
    const named = [
      ...(records.followUps ?? []),
      ...(records.cases ?? []),
      ...(records.alerts ?? []),
    ]
      .map((r) => r.ticketId)
      .filter((id): id is string => typeof id === 'string' && !ticketIds.has(id));
    for (const id of new Set(named)) {
      const t = lookup.ticketById(id);
      if (t) (records.tickets ??= []).push(t);
    }
    const counterId = scope.counter?.id ?? null;
    const events = change.events.filter((e: HallEvent) => {
      switch (e.type) {
        case 'ticket.issued':
        case 'ticket.called':
        case 'ticket.transitioned':
          return ticketIds.has(e.ticketId);
        case 'override.applied':
          return e.staffId === scope.staffId || (counterId !== null && e.counterId === counterId);
        case 'business-day.started':
          return true;
        case 'device.revoked':
          return false;
      }
    });
    return { ...change, events, records };
  }

  return {
    /** The change as `view` is sent it, or null when nothing in it is for that view. */
    project(change: HallChange, view: View, scope?: DeskScope): HallChange | null {
      let out: HallChange | null;
      if (view.kind === 'staff') out = change;
      else if (view.kind === 'public') out = publicOf(change);
      else if (view.kind === 'pad') out = padOf(change, view.counterId);
      else if (view.kind === 'display') out = displayOf(change, view.deviceId);
      else out = deskOf(change, scope ?? this.scopeOf(view.staffId));
      return out === null || isEmpty(out) ? null : out;
    },

    scopeOf(staffId: string): DeskScope {
      return { staffId, counter: lookup.counterOfStaff(staffId) };
    },

    /** After every view got a change: its records' routes are what the next change leaves. */
    remember(change: HallChange): void {
      if (change.events.some((e) => e.type === 'business-day.started')) routes.clear();
      if (routes.size > MAX_ROUTES) routes.clear();
      for (const { kind, record, route } of routedIn(change.records)) {
        routes.set(`${kind}:${record.id}`, route);
      }
    },

    /** For the memory figures: how many routes are remembered. */
    routeCount: () => routes.size,
  };
}

export type Delivery = ReturnType<typeof createDelivery>;

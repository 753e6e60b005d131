import {
  maskCustomer,
  type Appointment,
  type Counter,
  type Evaluation,
  type HallChange,
  type HallEvent,
  type Records,
  type Snapshot,
  type Staff,
  type Ticket,
} from '@onestop/shared';
import { RECORD_KINDS } from '../store/records';

// Each audience gets only what its screen shows. Customer-facing devices (kiosk, display, pad,
// a desk nobody is signed in on) see customer data masked, none of the staff's free text (a
// ticket's note, state reason and business items, an override's reason), staff as a name and a
// photo (no staff number, no roles), and only the record kinds declared `shown: { to: 'public' }`
// (store/records/): nothing of devices, staff sessions, appointments, opinions or any record
// kind added later unless it is declared so on purpose. An evaluation pad sees, besides, its own counter's evaluations (no customer data in
// them) and the staff number of its own counter's clerk, which DESIGN.md has it show. A hall
// display sees, besides, its own rows of the kinds declared `shown: { to: 'display' }` (its
// layout: keyed by its device id); no other customer-facing device sees those kinds.

export type Audience = 'staff' | 'public' | `pad:${string}` | `display:${string}`;

export function displayAudience(deviceId: string): Audience {
  return `display:${deviceId}`;
}

export function isDisplayAudience(room: string): room is `display:${string}` {
  return room.startsWith('display:');
}

function displayDeviceId(audience: Audience): string | null {
  return isDisplayAudience(audience) ? audience.slice('display:'.length) : null;
}

export function padAudience(counterId: string): Audience {
  return `pad:${counterId}`;
}

export function isPadAudience(room: string): room is `pad:${string}` {
  return room.startsWith('pad:');
}

function padCounterId(audience: Audience): string | null {
  return isPadAudience(audience) ? audience.slice('pad:'.length) : null;
}

function ownEvaluations(evaluations: readonly Evaluation[], audience: Audience): Evaluation[] {
  const counterId = padCounterId(audience);
  return counterId === null ? [] : evaluations.filter((e) => e.counterId === counterId);
}

/** The staff a pad shows with their staff number: its counter's clerk, its questions' clerk. */
function ownClerks(
  counters: readonly Counter[],
  evaluations: readonly Evaluation[],
  audience: Audience,
): ReadonlySet<string> {
  const counterId = padCounterId(audience);
  const ids = new Set<string>();
  if (counterId === null) return ids;
  for (const c of counters) if (c.id === counterId && c.staffId) ids.add(c.staffId);
  for (const e of ownEvaluations(evaluations, audience)) if (e.staffId) ids.add(e.staffId);
  return ids;
}

/** The record kinds every device is sent, and the hall's configuration. */
const PUBLIC_KINDS: ReadonlySet<string> = new Set([
  ...RECORD_KINDS.flatMap(({ shown }) => (shown?.to === 'public' ? [shown.as] : [])),
  'config',
]);

/** The record kinds a display is sent its own rows of (keyed by its device id). */
const DISPLAY_KINDS: readonly (keyof Records & keyof Snapshot)[] = RECORD_KINDS.flatMap(
  ({ shown }) => (shown?.to === 'display' ? [shown.as as keyof Records & keyof Snapshot] : []),
);

/** A display's own rows of the display kinds, for a display audience (nothing for the rest). */
function ownDisplayRows(
  from: Partial<Record<string, readonly { id: string }[] | unknown>>,
  audience: Audience,
): Record<string, { id: string }[]> {
  const deviceId = displayDeviceId(audience);
  const out: Record<string, { id: string }[]> = {};
  if (deviceId === null) return out;
  for (const kind of DISPLAY_KINDS) {
    const list = from[kind];
    if (!Array.isArray(list)) continue;
    out[kind] = (list as { id: string }[]).filter((r) => r.id === deviceId);
  }
  return out;
}

function publicTicket(t: Ticket): Ticket {
  // items: the business done, typed by the clerk at finish (free text, as note and stateReason).
  return { ...t, customer: maskCustomer(t.customer), note: null, stateReason: null, items: [] };
}

/** Name and photo for the screens; the staff number only for a pad's own clerk. */
function publicStaff(s: Staff, clerks: ReadonlySet<string>): Staff {
  return { ...s, staffNo: clerks.has(s.id) ? s.staffNo : '', roles: [] };
}

/** Overrides carry the duty leader's reason: for the clerk's screen, not the hall's. */
function publicEvents(events: readonly HallEvent[]): HallEvent[] {
  return events.filter((e) => e.type !== 'override.applied');
}

export function projectRecords(records: Records, audience: Audience): Records {
  if (audience === 'staff') return records;
  const visible = Object.fromEntries(
    Object.entries(records).filter(([kind]) => PUBLIC_KINDS.has(kind)),
  ) as Records;
  if (visible.tickets) visible.tickets = visible.tickets.map(publicTicket);
  const clerks = ownClerks(records.counters ?? [], records.evaluations ?? [], audience);
  if (visible.staff) visible.staff = visible.staff.map((s) => publicStaff(s, clerks));
  const evaluations = ownEvaluations(records.evaluations ?? [], audience);
  if (evaluations.length > 0) visible.evaluations = evaluations;
  for (const [kind, own] of Object.entries(ownDisplayRows(records, audience))) {
    if (own.length > 0) Object.assign(visible, { [kind]: own });
  }
  return visible;
}

export function projectChange(change: HallChange, audience: Audience): HallChange {
  return audience === 'staff'
    ? change
    : {
        ...change,
        events: publicEvents(change.events),
        records: projectRecords(change.records, audience),
      };
}

export function projectSnapshot(snapshot: Snapshot, audience: Audience): Snapshot {
  if (audience === 'staff') return snapshot;
  const visible = Object.fromEntries(
    Object.entries(snapshot).map(([kind, value]) => [
      kind,
      Array.isArray(value) && !PUBLIC_KINDS.has(kind) ? [] : value,
    ]),
  ) as Snapshot;
  const clerks = ownClerks(snapshot.counters, snapshot.evaluations, audience);
  return {
    ...visible,
    tickets: snapshot.tickets.map(publicTicket),
    staff: snapshot.staff.map((s) => publicStaff(s, clerks)),
    evaluations: ownEvaluations(snapshot.evaluations, audience),
    ...ownDisplayRows(snapshot, audience),
  };
}

/** A command's result as its asker may see it: a kiosk's own ticket comes back masked too. */
export function projectResult(data: unknown, audience: Audience): unknown {
  if (audience === 'staff' || !data || typeof data !== 'object') return data;
  const d = data as { ticket?: Ticket; appointment?: Appointment };
  return {
    ...d,
    ...(d.ticket ? { ticket: publicTicket(d.ticket) } : {}),
    ...(d.appointment
      ? { appointment: { ...d.appointment, customer: maskCustomer(d.appointment.customer) } }
      : {}),
  };
}

import {
  maskCustomer,
  type Appointment,
  type HallChange,
  type Records,
  type Snapshot,
  type Ticket,
} from '@onestop/shared';

// Customer-facing devices (kiosk, display, pad, a desk nobody is signed in on) see customer
// data masked, no notes for the clerk, and only the record kinds listed here: nothing of
// devices, staff sessions, appointments, opinions or any record kind added later unless it is
// added to this list on purpose.

export type Audience = 'staff' | 'public';

const PUBLIC_KINDS: ReadonlySet<string> = new Set([
  'tickets',
  'counters',
  'services',
  'staff',
  'config',
]);

function publicTicket(t: Ticket): Ticket {
  return { ...t, customer: maskCustomer(t.customer), note: null };
}

export function projectRecords(records: Records, audience: Audience): Records {
  if (audience === 'staff') return records;
  const visible = Object.fromEntries(
    Object.entries(records).filter(([kind]) => PUBLIC_KINDS.has(kind)),
  ) as Records;
  return visible.tickets ? { ...visible, tickets: visible.tickets.map(publicTicket) } : visible;
}

export function projectChange(change: HallChange, audience: Audience): HallChange {
  return audience === 'staff'
    ? change
    : { ...change, records: projectRecords(change.records, audience) };
}

export function projectSnapshot(snapshot: Snapshot, audience: Audience): Snapshot {
  if (audience === 'staff') return snapshot;
  const visible = Object.fromEntries(
    Object.entries(snapshot).map(([kind, value]) => [
      kind,
      Array.isArray(value) && !PUBLIC_KINDS.has(kind) ? [] : value,
    ]),
  ) as Snapshot;
  return { ...visible, tickets: snapshot.tickets.map(publicTicket) };
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

import {
  maskCustomer,
  type HallChange,
  type Records,
  type Snapshot,
  type Ticket,
} from '@onestop/shared';

// Customer-facing devices (kiosk, display, pad, a desk nobody is signed in on) see customer
// data masked, no notes for the clerk, and nothing of devices or staff sessions.

export type Audience = 'staff' | 'public';

function publicTicket(t: Ticket): Ticket {
  return { ...t, customer: maskCustomer(t.customer), note: null };
}

export function projectRecords(records: Records, audience: Audience): Records {
  if (audience === 'staff') return records;
  const { devices: _devices, sessions: _sessions, ...rest } = records;
  return rest.tickets ? { ...rest, tickets: rest.tickets.map(publicTicket) } : rest;
}

export function projectChange(change: HallChange, audience: Audience): HallChange {
  return audience === 'staff'
    ? change
    : { ...change, records: projectRecords(change.records, audience) };
}

export function projectSnapshot(snapshot: Snapshot, audience: Audience): Snapshot {
  if (audience === 'staff') return snapshot;
  return { ...snapshot, tickets: snapshot.tickets.map(publicTicket), devices: [], sessions: [] };
}

/** A command's result as its asker may see it: a kiosk's own ticket comes back masked too. */
export function projectResult(data: unknown, audience: Audience): unknown {
  if (audience === 'staff' || !data || typeof data !== 'object' || !('ticket' in data)) return data;
  const d = data as { ticket: Ticket };
  return { ...d, ticket: publicTicket(d.ticket) };
}

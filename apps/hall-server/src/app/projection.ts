import {
  maskCustomer,
  type Appointment,
  type Evaluation,
  type HallChange,
  type Records,
  type Snapshot,
  type Ticket,
} from '@onestop/shared';

// Customer-facing devices (kiosk, display, pad, a desk nobody is signed in on) see customer
// data masked, no notes for the clerk, and only the record kinds listed here: nothing of
// devices, staff sessions, appointments, opinions or any record kind added later unless it is
// added to this list on purpose. An evaluation pad sees, besides, its own counter's
// evaluations (no customer data in them): the question it must ask, and when it is answered.

export type Audience = 'staff' | 'public' | `pad:${string}`;

export function padAudience(counterId: string): Audience {
  return `pad:${counterId}`;
}

export function isPadAudience(room: string): room is `pad:${string}` {
  return room.startsWith('pad:');
}

function ownEvaluations(evaluations: Evaluation[], audience: Audience): Evaluation[] {
  if (!isPadAudience(audience)) return [];
  const counterId = audience.slice('pad:'.length);
  return evaluations.filter((e) => e.counterId === counterId);
}

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
  if (visible.tickets) visible.tickets = visible.tickets.map(publicTicket);
  const evaluations = ownEvaluations(records.evaluations ?? [], audience);
  if (evaluations.length > 0) visible.evaluations = evaluations;
  return visible;
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
  return {
    ...visible,
    tickets: snapshot.tickets.map(publicTicket),
    evaluations: ownEvaluations(snapshot.evaluations, audience),
  };
}

/**
 * One change for every customer-facing device: the public projection for the `public` room and
 * for pads the change has nothing of theirs for, and each pad with its own evaluations apart.
 */
export function publicFanOut(
  change: HallChange,
  padRooms: readonly string[],
): { rooms: string[]; change: HallChange }[] {
  const shared = projectChange(change, 'public');
  const concerned = new Set(
    (change.records.evaluations ?? []).map((e) => padAudience(e.counterId)),
  );
  const own = padRooms.filter((r) => concerned.has(r as Audience));
  return [
    { rooms: ['public', ...padRooms.filter((r) => !concerned.has(r as Audience))], change: shared },
    ...own.map((room) => ({ rooms: [room], change: projectChange(change, room as Audience) })),
  ];
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

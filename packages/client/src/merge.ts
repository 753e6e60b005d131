import type { HallChange, Records, Snapshot } from '@onestop/shared';

// Applying the hall server's changes to a device's copy of the hall, by sequence number.
// Pure functions: the connection decides when to call them.

type Keyed = { id: string };

/** Replaces records by id and appends new ones; the server always sends a record whole. */
export function upsertById<T extends Keyed>(list: T[], changed: readonly T[]): T[] {
  if (changed.length === 0) return list;
  const index = new Map(list.map((r, i) => [r.id, i]));
  const next = [...list];
  for (const record of changed) {
    const i = index.get(record.id);
    if (i === undefined) {
      index.set(record.id, next.length);
      next.push(record);
    } else {
      next[i] = record;
    }
  }
  return next;
}

/** Merges a set of changed records into a snapshot; record kinds the snapshot lacks are added. */
export function applyRecords(snapshot: Snapshot, records: Records, seq: number): Snapshot {
  const next: Snapshot = { ...snapshot, seq };
  if (records.config) next.config = records.config;
  for (const [key, value] of Object.entries(records)) {
    if (key === 'config' || !isKeyedList(value)) continue;
    const current: unknown = Reflect.get(next, key);
    Object.assign(next, { [key]: upsertById(isKeyedList(current) ? current : [], value) });
  }
  return next;
}

/** A list of records, each with its id (every record kind in a snapshot is one). */
function isKeyedList(value: unknown): value is Keyed[] {
  return (
    Array.isArray(value) &&
    value.every(
      (r: unknown) => typeof r === 'object' && r !== null && 'id' in r && typeof r.id === 'string',
    )
  );
}

export type ChangeVerdict =
  /** The next change in order: apply it. */
  | 'apply'
  /** Already seen (a duplicate after a catch-up): ignore it. */
  | 'stale'
  /** Changes were missed: catch up with `hall:changes-since` before applying more. */
  | 'gap'
  /** A new business day began: take a fresh snapshot. */
  | 'resync';

/**
 * `prev` is the seq of the change the server sent this device's view before this one: if the
 * device holds at least that, whatever lies between was not for its screen. Without `prev`
 * (every change sent), the change must start right after what the device holds.
 */
export function judgeChange(currentSeq: number, change: HallChange): ChangeVerdict {
  if (change.events.some((e) => e.type === 'business-day.started')) return 'resync';
  if (change.seq <= currentSeq) return 'stale';
  const before = change.prev ?? (change.fromSeq ?? change.seq) - 1;
  if (before > currentSeq) return 'gap';
  // A merged change that starts at or before what we have: its records are the latest
  // versions, so applying them again is harmless.
  return 'apply';
}

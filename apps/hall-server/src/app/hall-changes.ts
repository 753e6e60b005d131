import { Records, type HallChange } from '@onestop/shared';
import type { Store } from '../store/store';
import type { Writes } from './context';
import { withClerks } from './handlers/query-handlers';

// What one command (or one turn of commands) changed, as the message every screen receives.

type ListKey = Exclude<keyof Records, 'config'>;
type Row = { [K in ListKey]: NonNullable<Records[K]>[number] };
type Lists = { [K in ListKey]?: Row[K][] };

const listKeys = Records.keyof().options.filter((k): k is ListKey => k !== 'config');

function appendList<K extends ListKey>(into: Lists, from: Lists, key: K): void {
  const list = from[key];
  if (!list) return;
  const have = into[key];
  if (have) have.push(...list);
  else Object.assign(into, { [key]: [...list] });
}

/** Consecutive changes as one: records concatenated in order (later versions last). */
export function mergeChanges(changes: readonly HallChange[]): HallChange {
  const first = changes[0]!;
  const last = changes[changes.length - 1]!;
  const lists: Lists = {};
  let config: Records['config'];
  for (const c of changes) {
    for (const key of listKeys) appendList(lists, c.records, key);
    config = c.records.config ?? config;
  }
  return {
    seq: last.seq,
    fromSeq: first.fromSeq ?? first.seq,
    at: last.at,
    events: changes.flatMap((c) => c.events),
    records: { ...lists, ...(config ? { config } : {}) },
  };
}

export function changeOf(store: Store, write: Writes, now: number): HallChange {
  const records: Records = {};
  for (const [key, list] of Object.entries(write.records)) {
    if (Array.isArray(list) && list.length > 0) Object.assign(records, { [key]: list });
  }
  if (write.records.config) records.config = write.records.config;
  // A counter travels with its clerk so that its pad can show the clerk's staff number.
  return { seq: write.seq, at: now, events: write.events, records: withClerks(store, records) };
}

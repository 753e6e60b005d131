import type { Records, Snapshot } from '@onestop/shared';
import { startOfBusinessDay } from '../../domain/business-day';
import { accept } from '../../domain/result';
import type { Store } from '../../store/store';
import { handler, type Actor, type TxContext } from '../context';
import {
  displayAudience,
  padAudience,
  projectRecords,
  projectSnapshot,
  type Audience,
} from '../projection';
import { workChangesSince, workSnapshot } from './work-records';

export function audienceOf(actor: Actor): Audience {
  if (actor.staff) return 'staff';
  const device = actor.device;
  if (device?.kind === 'display') return displayAudience(device.id);
  return device?.kind === 'pad' && device.counterId ? padAudience(device.counterId) : 'public';
}

/**
 * Records that carry a counter also carry its clerk, and records that carry a staff member at a
 * counter also carry that counter, so that a pad can tell its own clerk (whose staff number it
 * shows) from a change alone. Staff screens get the extra records unchanged.
 */
export function withClerks(store: Store, records: Records): Records {
  const staff = [...(records.staff ?? [])];
  const counters = [...(records.counters ?? [])];
  const staffIds = new Set(staff.map((s) => s.id));
  const counterIds = new Set(counters.map((c) => c.id));
  const clerkIds = [
    ...counters.map((c) => c.staffId),
    ...(records.evaluations ?? []).map((e) => e.staffId),
  ];
  for (const id of clerkIds) {
    if (id === null || staffIds.has(id)) continue;
    const s = store.staff.byId(id);
    if (s) staff.push(s);
    staffIds.add(id);
  }
  if (records.staff?.length) {
    for (const c of store.counters.all()) {
      if (c.staffId !== null && staffIds.has(c.staffId) && !counterIds.has(c.id)) counters.push(c);
    }
  }
  return {
    ...records,
    ...(staff.length > 0 ? { staff } : {}),
    ...(counters.length > 0 ? { counters } : {}),
  };
}

function buildSnapshot(tx: TxContext): Snapshot {
  const { store, hall } = tx;
  const dayStart = startOfBusinessDay(hall.businessDay, hall.config.timeZone);
  return {
    seq: hall.seq,
    businessDay: hall.businessDay,
    config: hall.config,
    services: store.services.all(),
    counters: store.counters.all(),
    staff: store.staff.all(),
    tickets: store.tickets.visible(hall.businessDay),
    devices: store.devices.all(),
    sessions: store.devices.openSessions(),
    appointments: store.appointments.ofDay(hall.businessDay),
    opinions: store.opinions.current(dayStart),
    ...workSnapshot(store, dayStart, hall.businessDay),
    displayLayouts: store.displayLayouts.all(),
  };
}

// A snapshot is built once per hall seq and shared: the whole hall is read once, and each
// audience's projection once, however many devices ask at that seq. Everything a snapshot holds
// is written with a new seq, so a new seq is the only invalidation needed; at most one seq's
// snapshots are kept (one per audience: staff, public and one per pad).
interface SnapshotCache {
  seq: number;
  full: Snapshot | null;
  byAudience: Map<Audience, Snapshot>;
  builds: number;
}
const MAX_AUDIENCES = 256;
const caches = new WeakMap<Store, SnapshotCache>();

function cacheOf(store: Store, seq: number): SnapshotCache {
  let cache = caches.get(store);
  if (!cache) {
    cache = { seq, full: null, byAudience: new Map(), builds: 0 };
    caches.set(store, cache);
  }
  if (cache.seq !== seq) {
    cache.seq = seq;
    cache.full = null;
    cache.byAudience.clear();
  }
  return cache;
}

/** How many times the whole hall was read for a snapshot (for tests and the health page). */
export function snapshotBuilds(store: Store): number {
  return caches.get(store)?.builds ?? 0;
}

/** Drops the cached snapshots: a batch that failed to commit may have been read into them. */
export function forgetSnapshots(store: Store): void {
  caches.delete(store);
}

function snapshotFor(tx: TxContext, audience: Audience): Snapshot {
  const cache = cacheOf(tx.store, tx.hall.seq);
  const cached = cache.byAudience.get(audience);
  if (cached) return cached;
  if (!cache.full) {
    cache.full = buildSnapshot(tx);
    cache.builds++;
  }
  const projected = projectSnapshot(cache.full, audience);
  if (cache.byAudience.size < MAX_AUDIENCES) cache.byAudience.set(audience, projected);
  return projected;
}

export const queryHandlers = {
  'hall:snapshot': handler<'hall:snapshot'>({
    run(tx) {
      return accept(snapshotFor(tx, audienceOf(tx.actor)));
    },
  }),

  'hall:changes-since': handler<'hall:changes-since'>({
    run(tx, { since }) {
      const { store, hall } = tx;
      const records: Records = {
        tickets: store.tickets.changedSince(since),
        counters: store.counters.changedSince(since),
        services: store.services.changedSince(since),
        staff: store.staff.changedSince(since),
        devices: store.devices.changedSince(since),
        sessions: store.devices.sessionsChangedSince(since),
        appointments: store.appointments.changedSince(since),
        opinions: store.opinions.changedSince(since),
        ...workChangesSince(store, since),
        syncStatus: store.sync.statusChangedSince(since),
        displayLayouts: store.displayLayouts.changedSince(since),
        ...(hall.configChangeSeq > since ? { config: hall.config } : {}),
      };
      const audience = audienceOf(tx.actor);
      const shown = audience === 'staff' ? records : withClerks(store, records);
      return accept({ seq: hall.seq, records: projectRecords(shown, audience) });
    },
  }),
};

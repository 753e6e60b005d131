import type { Counter } from '@onestop/shared';
import type { Db } from './db';
import { json, num, str, strOrNull, type Row } from './rows';

function toCounter(r: Row): Counter {
  return {
    id: str(r.id),
    number: num(r.number),
    name: str(r.name),
    serviceIds: json<string[]>(r.service_ids),
    state: str(r.state) as Counter['state'],
    pauseReason: strOrNull(r.pause_reason) as Counter['pauseReason'],
    staffId: strOrNull(r.staff_id),
    updatedAt: num(r.updated_at),
    changeSeq: num(r.change_seq),
  };
}

export function createCountersRepo(db: Db) {
  const all = db.prepare('SELECT * FROM counters ORDER BY number');
  const byId = db.prepare('SELECT * FROM counters WHERE id = ?');
  const byStaff = db.prepare('SELECT * FROM counters WHERE staff_id = ?');
  const since = db.prepare('SELECT * FROM counters WHERE change_seq > ?');
  const upsert =
    db.prepare(`INSERT INTO counters (id, number, name, service_ids, state, pause_reason,
      staff_id, updated_at, change_seq)
    VALUES (@id, @number, @name, @serviceIds, @state, @pauseReason, @staffId, @updatedAt, @changeSeq)
    ON CONFLICT (id) DO UPDATE SET number = excluded.number, name = excluded.name,
      service_ids = excluded.service_ids, state = excluded.state, pause_reason = excluded.pause_reason,
      staff_id = excluded.staff_id, updated_at = excluded.updated_at, change_seq = excluded.change_seq`);

  return {
    all: (): Counter[] => (all.all() as Row[]).map(toCounter),
    byId: (id: string): Counter | undefined => {
      const r = byId.get(id) as Row | undefined;
      return r && toCounter(r);
    },
    byStaff: (staffId: string): Counter | undefined => {
      const r = byStaff.get(staffId) as Row | undefined;
      return r && toCounter(r);
    },
    changedSince: (seq: number): Counter[] => (since.all(seq) as Row[]).map(toCounter),
    save(counter: Counter, changeSeq: number): Counter {
      const saved = { ...counter, changeSeq };
      upsert.run({ ...saved, serviceIds: JSON.stringify(saved.serviceIds) });
      return saved;
    },
  };
}
export type CountersRepo = ReturnType<typeof createCountersRepo>;

import type { Service } from '@onestop/shared';
import type { Db } from './db';
import { bool, int, num, numOrNull, str, type Row } from './rows';

function toService(r: Row): Service {
  return {
    id: str(r.id),
    prefix: str(r.prefix),
    nameZh: str(r.name_zh),
    nameEn: str(r.name_en),
    category: str(r.category),
    descriptionZh: str(r.description_zh),
    descriptionEn: str(r.description_en),
    targetWaitSec: num(r.target_wait_sec),
    targetHandleSec: num(r.target_handle_sec),
    dailyCap: numOrNull(r.daily_cap),
    active: bool(r.active),
    sortOrder: num(r.sort_order),
    changeSeq: num(r.change_seq),
  };
}

export function createServicesRepo(db: Db) {
  const all = db.prepare('SELECT * FROM services ORDER BY sort_order, prefix');
  const byId = db.prepare('SELECT * FROM services WHERE id = ?');
  const since = db.prepare('SELECT * FROM services WHERE change_seq > ?');
  const upsert =
    db.prepare(`INSERT INTO services (id, prefix, name_zh, name_en, category, description_zh,
      description_en, target_wait_sec, target_handle_sec, daily_cap, active, sort_order, change_seq)
    VALUES (@id, @prefix, @nameZh, @nameEn, @category, @descriptionZh, @descriptionEn, @targetWaitSec,
      @targetHandleSec, @dailyCap, @active, @sortOrder, @changeSeq)
    ON CONFLICT (id) DO UPDATE SET prefix = excluded.prefix, name_zh = excluded.name_zh,
      name_en = excluded.name_en, category = excluded.category, description_zh = excluded.description_zh,
      description_en = excluded.description_en, target_wait_sec = excluded.target_wait_sec,
      target_handle_sec = excluded.target_handle_sec, daily_cap = excluded.daily_cap,
      active = excluded.active, sort_order = excluded.sort_order, change_seq = excluded.change_seq`);

  return {
    all: (): Service[] => (all.all() as Row[]).map(toService),
    byId: (id: string): Service | undefined => {
      const r = byId.get(id) as Row | undefined;
      return r && toService(r);
    },
    changedSince: (seq: number): Service[] => (since.all(seq) as Row[]).map(toService),
    save(service: Service, changeSeq: number): Service {
      const saved = { ...service, changeSeq };
      upsert.run({ ...saved, active: int(saved.active) });
      return saved;
    },
  };
}
export type ServicesRepo = ReturnType<typeof createServicesRepo>;

import type { Db } from './db';
import type { Row } from './rows';

// A table of whole records keyed by `id` and stamped with `change_seq`: the upsert, the lookup
// by id and "changed since N", from one list of columns and a codec. Repositories add their
// own queries with `select`.

export interface Codec<T> {
  fromRow(r: Row): T;
  /** Keyed by column name; exactly the table's columns. */
  toRow(record: T): Record<string, unknown>;
}

export function recordTable<T extends { id: string; changeSeq: number }>(
  db: Db,
  table: string,
  columns: readonly string[],
  codec: Codec<T>,
) {
  const updates = columns.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`);
  const upsert = db.prepare(`INSERT INTO ${table} (${columns.join(', ')})
    VALUES (${columns.map((c) => `@${c}`).join(', ')})
    ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`);
  const byId = db.prepare(`SELECT * FROM ${table} WHERE id = ?`);
  const since = db.prepare(`SELECT * FROM ${table} WHERE change_seq > ?`);
  const many = (rows: unknown[]) => (rows as Row[]).map((r) => codec.fromRow(r));

  return {
    byId(id: string): T | undefined {
      const r = byId.get(id) as Row | undefined;
      return r && codec.fromRow(r);
    },
    changedSince: (seq: number): T[] => many(since.all(seq)),
    /** A prepared query returning records: `select('WHERE state = ?')('open')`. */
    select(clause: string): (...params: unknown[]) => T[] {
      const statement = db.prepare(`SELECT * FROM ${table} ${clause}`);
      return (...params) => many(statement.all(...params));
    },
    save(record: T, changeSeq: number): T {
      const saved = { ...record, changeSeq };
      upsert.run(codec.toRow(saved));
      return saved;
    },
  };
}

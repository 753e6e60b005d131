import type { Db } from './db';
import type { Codec, SqlParams, SqlRow, SqlValue } from './fields';
import type { AppendOnlyKind, VersionedKind } from './record-kind';

// A record kind's table, from its declaration (store/records/): lookups by key, "changed since
// N", the writes, and `select` for a repository's own queries, every row read through the kind's
// codec. Repositories add what their aggregate needs on top.

/** Values of a kind's local columns (a token hash, a business day) written beside the record. */
export type LocalValues<L extends string> = Partial<Record<L, SqlValue>>;

const params = (columns: readonly string[]) => columns.map((c) => `@${c}`).join(', ');

/** Statements prepared on first use, one per set of local columns written. */
function preparedPer(db: Db, sql: (local: string[]) => string) {
  const statements = new Map<string, ReturnType<Db['prepare']>>();
  return (local: object) => {
    const columns = Object.keys(local).sort();
    const key = columns.join(',');
    let statement = statements.get(key);
    if (!statement) {
      statement = db.prepare(sql(columns));
      statements.set(key, statement);
    }
    return statement;
  };
}

function reader<T>(db: Db, table: string, codec: Codec<T>) {
  return {
    /** A prepared query of whole records: `select<[string]>('WHERE state = ?')('open')`. */
    select<P extends unknown[] = []>(clause: string): (...params: P) => T[] {
      const statement = db.prepare<unknown[], SqlRow>(`SELECT * FROM ${table} ${clause}`);
      return (...params) => statement.all(...params).map((r) => codec.read(r));
    },
    /** The same, for at most one record. */
    first<P extends unknown[] = []>(clause: string): (...params: P) => T | undefined {
      const statement = db.prepare<unknown[], SqlRow>(`SELECT * FROM ${table} ${clause}`);
      return (...params) => {
        const row = statement.get(...params);
        return row && codec.read(row);
      };
    },
  };
}

export function recordTable<T extends { changeSeq: number }, L extends string>(
  db: Db,
  kind: VersionedKind<T, L>,
) {
  const { table, codec, keyColumn } = kind;
  const { select, first } = reader(db, table, codec);
  const changing = codec.changing.filter((c) => c !== keyColumn);
  const set = changing.map((c) => `${c} = @${c}`).join(', ');
  const conflict = changing.map((c) => `${c} = excluded.${c}`).join(', ');
  const insert = preparedPer(db, (local) => {
    const columns = [...codec.columns, ...local];
    return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${params(columns)})`;
  });
  const upsert = preparedPer(db, (local) => {
    const columns = [...codec.columns, ...local];
    return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${params(columns)})
      ON CONFLICT (${keyColumn}) DO UPDATE SET ${conflict}`;
  });
  const update = db.prepare<[SqlParams]>(
    `UPDATE ${table} SET ${set} WHERE ${keyColumn} = @${keyColumn}`,
  );
  const byKey = first<[string]>(`WHERE ${keyColumn} = ?`);
  const since = select<[number]>('WHERE change_seq > ?');

  return {
    select,
    first,
    byKey,
    changedSince: since,
    /** A new record (refused if its key is taken), with any local columns beside it. */
    insert(record: T, local: LocalValues<L> = {}): void {
      insert(local).run({ ...codec.write(record), ...local });
    },
    /** Rewrites a stored record's changing columns, stamped with `changeSeq`. */
    update(record: T, changeSeq: number): T {
      const saved = { ...record, changeSeq };
      update.run(codec.write(saved));
      return saved;
    },
    /** Inserts or rewrites the record's changing columns, stamped with `changeSeq`. */
    save(record: T, changeSeq: number, local: LocalValues<L> = {}): T {
      const saved = { ...record, changeSeq };
      upsert(local).run({ ...codec.write(saved), ...local });
      return saved;
    },
  };
}

export function appendOnlyTable<T, L extends string>(db: Db, kind: AppendOnlyKind<T, L>) {
  const { table, codec } = kind;
  const insert = preparedPer(db, (local) => {
    const columns = [...codec.columns, ...local];
    return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${params(columns)})`;
  });
  return {
    ...reader(db, table, codec),
    /** Adds a row; SQLite numbers it. */
    add(record: T, local: LocalValues<L> = {}): void {
      insert(local).run({ ...codec.write(record), ...local });
    },
  };
}

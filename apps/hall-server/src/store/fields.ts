import type { z } from 'zod';

// How a record's fields map to a table's columns, each field declared once with its column and
// codec (store/records/ declares every record kind with these). A field reads its column(s) from
// a row as better-sqlite3 returns it, checking what it finds, and writes them as named
// statement parameters. A value the field does not expect (an enum value the contract does not
// know, text where a number belongs, JSON of another shape) is a RowError naming the table's
// column, never a value silently passed on as something it is not.

/** A value as better-sqlite3 binds it. */
export type SqlValue = string | number | bigint | Buffer | null;
/** A row as read, before its fields check it. */
export type SqlRow = Readonly<Record<string, unknown>>;
/** Named statement parameters: column name → value (`@column` in the SQL). */
export type SqlParams = Record<string, SqlValue>;

/** A row holds a value its record kind does not allow: the database is damaged or foreign. */
export class RowError extends Error {
  override name = 'RowError';
}

export interface Field<T> {
  /** The columns it reads and writes, in order. */
  readonly columns: readonly string[];
  /** Written when the record is first stored, never changed by a later save. */
  readonly once: boolean;
  read(row: SqlRow): T;
  write(value: T, into: SqlParams): void;
  /** The same field, written once: the record's later saves leave its column(s) as they are. */
  writtenOnce(): Field<T>;
}

/** A field per property of T: the mapped type makes every property's field hold its type. */
export type Shape<T> = { readonly [K in keyof T]-?: Field<T[K]> };

function make<T>(
  columns: readonly string[],
  read: (row: SqlRow) => T,
  write: (value: T, into: SqlParams) => void,
  once = false,
): Field<T> {
  return { columns, once, read, write, writtenOnce: () => make(columns, read, write, true) };
}

/** One column: `decode` returns the value or throws a plain message, `encode` binds it. */
function column<T>(
  name: string,
  decode: (v: unknown) => T,
  encode: (value: T) => SqlValue,
): Field<T> {
  return make(
    [name],
    (row) => {
      try {
        return decode(row[name]);
      } catch (err) {
        throw new RowError(`column ${name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
    (value, into) => {
      into[name] = encode(value);
    },
  );
}

const quoted = (v: unknown): string =>
  typeof v === 'string' ? `'${v.slice(0, 40)}'` : v === undefined ? 'no such column' : String(v);

function text(v: unknown): string {
  if (typeof v !== 'string') throw new Error(`expected text, found ${quoted(v)}`);
  return v;
}

function integer(v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v))
    throw new Error(`expected an integer, found ${quoted(v)}`);
  return v;
}

function orNull<T>(decode: (v: unknown) => T): (v: unknown) => T | null {
  return (v) => (v === null ? null : decode(v));
}

const same = <T extends SqlValue>(value: T): SqlValue => value;

function member<S extends z.ZodEnum>(schema: S): (v: unknown) => z.output<S> {
  // A set lookup rather than a parse per value: rows are read on every command.
  const values = new Set<unknown>(schema.options);
  const isMember = (v: unknown): v is z.output<S> => values.has(v);
  return (v) => {
    if (!isMember(v))
      throw new Error(`${quoted(v)} is not one of ${schema.options.map(String).join(', ')}`);
    return v;
  };
}

function document<S extends z.ZodType>(schema: S): (v: unknown) => z.output<S> {
  return (v) => {
    let value: unknown;
    try {
      value = JSON.parse(text(v));
    } catch {
      throw new Error(`expected JSON, found ${quoted(v)}`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new Error(`JSON of another shape: ${parsed.error.message}`);
    return parsed.data;
  };
}

/** Reads every property of T with its field; T is exactly what the shape's fields produce. */
function readShape<T>(shape: Shape<T>, row: SqlRow): T {
  const out: Partial<T> = {};
  for (const key in shape) out[key] = shape[key].read(row);
  // Every key of T has a field (Shape<T> maps them all) and each wrote its T[K]: out is a T.
  return out as T;
}

function writeShape<T>(shape: Shape<T>, value: T, into: SqlParams): void {
  for (const key in shape) shape[key].write(value[key], into);
}

function columnsOf<T>(shape: Shape<T>): string[] {
  const columns: string[] = [];
  for (const key in shape) columns.push(...shape[key].columns);
  return columns;
}

export const field = {
  text: (name: string): Field<string> => column(name, text, same),
  textOrNull: (name: string): Field<string | null> => column(name, orNull(text), same),
  int: (name: string): Field<number> => column(name, integer, same),
  intOrNull: (name: string): Field<number | null> => column(name, orNull(integer), same),
  /** 0 or 1. */
  bool: (name: string): Field<boolean> =>
    column(
      name,
      (v) => {
        if (v !== 0 && v !== 1) throw new Error(`expected 0 or 1, found ${quoted(v)}`);
        return v === 1;
      },
      (value) => (value ? 1 : 0),
    ),
  /** Text holding one of the contract's enum values. */
  enum: <S extends z.ZodEnum>(name: string, schema: S): Field<z.output<S>> =>
    column(name, member(schema), (value) => String(value)),
  enumOrNull: <S extends z.ZodEnum>(name: string, schema: S): Field<z.output<S> | null> =>
    column(name, orNull(member(schema)), (value) => (value === null ? null : String(value))),
  /** JSON text of a value the contract's schema checks as it is read. */
  json: <S extends z.ZodType>(name: string, schema: S): Field<z.output<S>> =>
    column(name, document(schema), (value) => JSON.stringify(value)),
  /** An append-only row's `INTEGER PRIMARY KEY`, read as a text id; written NULL: SQLite numbers it. */
  rowId: (name: string): Field<string> =>
    column(
      name,
      (v) => String(integer(v)),
      () => null,
    ),
  /** Several columns as one nested object (a customer's phone, account number and name). */
  object: <T>(shape: Shape<T>): Field<T> =>
    make(
      columnsOf(shape),
      (row) => readShape(shape, row),
      (value, into) => writeShape(shape, value, into),
    ),
};

/** A record kind's fields, as one reader and writer of whole rows. */
export interface Codec<T> {
  /** Every column the record is stored in, in declaration order. */
  readonly columns: readonly string[];
  /** The columns a later save rewrites (the others are written once). */
  readonly changing: readonly string[];
  /** The row as a record; a RowError (naming the table) for a value the record cannot hold. */
  read(row: SqlRow): T;
  /** The record as named parameters, one per column. */
  write(record: T): SqlParams;
}

export function codecOf<T>(table: string, shape: Shape<T>): Codec<T> {
  const changing: string[] = [];
  for (const key in shape) if (!shape[key].once) changing.push(...shape[key].columns);
  return {
    columns: columnsOf(shape),
    changing,
    read(row) {
      try {
        return readShape(shape, row);
      } catch (err) {
        if (!(err instanceof RowError)) throw err;
        const id = typeof row.id === 'string' || typeof row.id === 'number' ? ` ${row.id}` : '';
        throw new RowError(`${table}${id}: ${err.message}`, { cause: err });
      }
    },
    write(record) {
      const into: SqlParams = {};
      writeShape(shape, record, into);
      return into;
    },
  };
}

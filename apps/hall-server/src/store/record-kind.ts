import type { Records } from '@onestop/shared';
import { codecOf, type Codec, type Shape } from './fields';

// What a record kind declares once (store/records/): its table, each field's column and codec,
// how it goes up to the regional center and who is sent it. The repositories, the sync's table
// list, a restore's list and the audience projection are derived from these declarations.

/** How a row's business day is found. The center partitions by it, so it never changes. */
export type DayRule =
  /** A `YYYY-MM-DD` business-day column. */
  | { kind: 'column'; column: string }
  /** An epoch-ms column written once (created at, started at): its local date in the hall. */
  | { kind: 'time'; column: string }
  /** The business day of the ticket whose id is in `column`. */
  | { kind: 'ticket'; column: string };

/** How a record kind goes up to the regional center. */
export interface SyncRule {
  day: DayRule;
  /** Columns never sent: secrets that have no business leaving the hall. */
  omit?: readonly string[];
}

/** Who is sent a record kind's changes and snapshot. */
export interface Shown {
  /** Its name in a change's records and in the snapshot. */
  as: keyof Records;
  /**
   * `public`: every device, customer-facing ones too (masked: see app/projection.ts);
   * `display`: staff desks, and each hall display its own record (keyed by its device id);
   * `staff`: staff desks only.
   */
  to: 'public' | 'display' | 'staff';
}

/** What every record kind has, whatever its record type. */
export interface RecordKindInfo {
  table: string;
  /**
   * `versioned`: keyed by `key`, rewritten with the `change_seq` of each command that changes it.
   * `append-only`: rows are only ever added (triggers refuse the rest); read by row number.
   */
  kind: 'versioned' | 'append-only';
  /** Columns of the table that are no part of the record (secrets, hall-local facts). */
  local: readonly string[];
  /** How it goes up to the center, or 'hall-local': it never leaves the hall. */
  sync: SyncRule | 'hall-local';
  /** Who is sent it, or null: no device is (append-only kinds). */
  shown: Shown | null;
  codec: Pick<Codec<unknown>, 'columns'>;
}

/** The properties of T holding text: what may key a table. */
export type TextKey<T> = { [K in keyof T]-?: T[K] extends string ? K : never }[keyof T] & string;

interface Declaration<T, L extends string> {
  table: string;
  fields: Shape<T>;
  local?: readonly L[];
  sync: SyncRule | 'hall-local';
}

export interface VersionedKind<
  T extends { changeSeq: number },
  L extends string = string,
> extends RecordKindInfo {
  kind: 'versioned';
  codec: Codec<T>;
  local: readonly L[];
  /** The column keying the table (`id`; a customer's `account_no`). */
  keyColumn: string;
}

export interface AppendOnlyKind<T, L extends string = string> extends RecordKindInfo {
  kind: 'append-only';
  codec: Codec<T>;
  local: readonly L[];
}

/** A record kind keyed by `key` and stamped with the `change_seq` of the command that wrote it. */
export function versioned<T extends { changeSeq: number }, L extends string = never>(
  declared: Declaration<T, L> & { key: TextKey<T>; shown: Shown | null },
): VersionedKind<T, L> {
  const [keyColumn, ...more] = declared.fields[declared.key].columns;
  if (keyColumn === undefined || more.length > 0)
    throw new Error(`${declared.table}: the key ${declared.key} must be one column`);
  return {
    table: declared.table,
    kind: 'versioned',
    local: declared.local ?? [],
    sync: declared.sync,
    shown: declared.shown,
    codec: codecOf(declared.table, declared.fields),
    keyColumn,
  };
}

/** A record kind whose rows are only ever added, numbered by SQLite (`id INTEGER PRIMARY KEY`). */
export function appendOnly<T, L extends string = never>(
  declared: Declaration<T, L>,
): AppendOnlyKind<T, L> {
  return {
    table: declared.table,
    kind: 'append-only',
    local: declared.local ?? [],
    sync: declared.sync,
    shown: null,
    codec: codecOf(declared.table, declared.fields),
  };
}

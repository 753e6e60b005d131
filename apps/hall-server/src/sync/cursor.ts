import type { SyncCursor } from '@onestop/shared';

// Cursors: how far each table has been sent. A versioned table is read in (change_seq, id)
// order, so the cursor is the last (change_seq, id) sent; any later write to a record gives it
// a higher change_seq and brings it past the cursor again. An append-only table is read by row
// number, so the cursor is the last row number sent (its key is '').

export const START: SyncCursor = { pos: 0, key: '' };

export function compareCursors(a: SyncCursor, b: SyncCursor): number {
  if (a.pos !== b.pos) return a.pos < b.pos ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export function laterCursor(a: SyncCursor, b: SyncCursor): SyncCursor {
  return compareCursors(a, b) >= 0 ? a : b;
}

/**
 * After a restore from a backup, rows an append-only table adds get row numbers the lost
 * timeline may already have sent up. Their position on the wire is moved past each restore
 * point of the table, by this much per restore point below the row.
 */
export const TIMELINE_OFFSET = 1_000_000_000;

/** A row's position (and id) on the wire, given the table's restore points (sorted boundaries). */
export function wirePosition(rowNumber: number, boundaries: readonly number[]): number {
  const below = boundaries.filter((b) => b < rowNumber).length;
  return rowNumber + below * TIMELINE_OFFSET;
}

/**
 * The inverse for reading: the last local row number whose wire position is at or before
 * `wirePos`, so the rows to send are those after it. Wire positions grow with row numbers, so
 * this is the largest row number in the highest segment that still fits.
 */
export function lastRowAtOrBefore(wirePos: number, boundaries: readonly number[]): number {
  const bounds = [...boundaries].sort((a, b) => a - b);
  for (let segment = bounds.length; segment >= 0; segment--) {
    const low = segment === 0 ? 0 : bounds[segment - 1]!; // rows above `low`…
    const high = segment === bounds.length ? Infinity : bounds[segment]!; // …up to `high`
    const fits = Math.min(high, wirePos - segment * TIMELINE_OFFSET);
    if (fits > low || (segment === 0 && fits >= 0)) return fits;
  }
  return 0;
}

// Sorting a report table by any column: one click sorts, a second reverses. Missing values
// (no ratings, nothing closed) stay at the bottom either way.

export type SortDir = 'asc' | 'desc';
export interface SortState {
  key: string;
  dir: SortDir;
}
export type SortValue = number | string | null;

/** Numbers start with the largest first (who served most); text from A. */
export function nextSort(current: SortState | null, key: string, numeric: boolean): SortState {
  if (current?.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: numeric ? 'desc' : 'asc' };
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

function compare(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** A sorted copy; ties keep their order. */
export function sortRows<T>(rows: readonly T[], value: (row: T) => SortValue, dir: SortDir): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, v: value(row) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) {
        return a.v === b.v ? a.index - b.index : a.v === null ? 1 : -1;
      }
      return sign * compare(a.v, b.v) || a.index - b.index;
    })
    .map((x) => x.row);
}

export function ariaSort(
  state: SortState | null,
  key: string,
): 'ascending' | 'descending' | 'none' {
  if (state?.key !== key) return 'none';
  return state.dir === 'asc' ? 'ascending' : 'descending';
}

// Business days as the center handles them: `YYYY-MM-DD` calendar dates.

export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** A real calendar date in `YYYY-MM-DD` (not 2026-02-30). */
export function isRealDay(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && addDays(day, 0) === day;
}

/** The day partition's table name: `hall_records_d20261124`. */
export function partitionName(day: string): string {
  if (!isRealDay(day)) throw new Error(`not a business day: ${day}`);
  return `hall_records_d${day.replace(/-/g, '')}`;
}

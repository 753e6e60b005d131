// How report figures read in the tables (and their CSV): shares as percentages, durations in
// minutes with one decimal, hours as the span 09:00–10:00, a dash where there is nothing to
// show. The hall server's exports write them the same way (hall-server reports/readable.ts).

export const DASH = '—';

export function percent(share: number | null): string {
  return share === null ? DASH : `${(share * 100).toFixed(1)}%`;
}

export function minutes(sec: number | null): string {
  return sec === null ? DASH : (sec / 60).toFixed(1);
}

export function signedMinutes(sec: number): string {
  const m = (sec / 60).toFixed(1);
  return sec > 0 ? `+${m}` : m;
}

export function decimal(n: number): string {
  return n.toFixed(1);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** 9 → `09:00–10:00`: the hour a row covers, as people say it (and Excel keeps it as text). */
export const hourSpan = (hour: number) => `${pad2(hour)}:00–${pad2(hour + 1)}:00`;

/** The report's per-hour keys (`09:00`) as spans; anything else is left as it is. */
export function hourKeySpan(key: string): string {
  const m = /^(\d{2}):00$/.exec(key);
  return m ? hourSpan(Number(m[1])) : key;
}

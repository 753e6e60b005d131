// How report figures read in the tables (and their CSV): shares as percentages, durations in
// minutes with one decimal, a dash where there is nothing to show.

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

// Small helpers for mapping SQLite rows (0/1 integers, JSON text) to records.

export const bool = (v: unknown): boolean => v === 1;
export const int = (v: boolean): number => (v ? 1 : 0);
export const json = <T>(v: unknown): T => JSON.parse(String(v)) as T;
export type Row = Record<string, unknown>;
export const str = (v: unknown): string => String(v);
export const strOrNull = (v: unknown): string | null =>
  v === null || v === undefined ? null : String(v);
export const num = (v: unknown): number => Number(v);
export const numOrNull = (v: unknown): number | null =>
  v === null || v === undefined ? null : Number(v);

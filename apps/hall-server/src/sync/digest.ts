import { createHash } from 'node:crypto';
import type { SyncDigest } from '@onestop/shared';

// The per-day reconciliation checksum: for each row, the first 60 bits of md5("<id>:<version>")
// as an integer; summed modulo 2^60. Order does not matter, so the hall (here) and the center
// (in SQL: `('x' || substr(md5(id || ':' || version), 1, 15))::bit(60)::bigint`) compute the
// same value from the same rows however they read them.

const MOD = 1n << 60n;

export function rowHash(id: string, version: number): bigint {
  const hex = createHash('md5').update(`${id}:${version}`).digest('hex');
  return BigInt(`0x${hex.slice(0, 15)}`);
}

export function digestOf(rows: Iterable<{ id: string; v: number }>): SyncDigest {
  let count = 0;
  let sum = 0n;
  for (const r of rows) {
    count++;
    sum = (sum + rowHash(r.id, r.v)) % MOD;
  }
  return { count, checksum: sum.toString() };
}

export const EMPTY_DIGEST: SyncDigest = { count: 0, checksum: '0' };

/** The same digest, built one row at a time. */
export function digestBuilder() {
  let count = 0;
  let sum = 0n;
  return {
    add(id: string, version: number): void {
      count++;
      sum = (sum + rowHash(id, version)) % MOD;
    },
    digest: (): SyncDigest => ({ count, checksum: sum.toString() }),
  };
}

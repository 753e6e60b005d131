import { HealthAnswer } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { healthOf, type HealthReport } from './health';

// The health answer as the contract declares it (HealthAnswer), serving and not.

const report = (over: Partial<HealthReport['database']> = {}, freeBytes = 1e9): HealthReport => ({
  database: { quickCheck: 'ok', quickCheckAt: 1, lastWriteFault: null, walBytes: 0, ...over },
  disk: { freeBytes, minFreeBytes: 64 * 1024 * 1024 },
  clock: { trusted: true, offsetMs: 0, jumps: 0, lastJump: null },
});
const hall = { seq: 12, businessDay: '2026-12-03', version: '0.1.0' };
const refusedAnonymous = { total: 0, byCommand: [] };

describe('healthOf', () => {
  it.each([
    ['serving', report(), 200, true, undefined],
    [
      'a failed write',
      report({ lastWriteFault: { code: 'database_fault', detail: 'SQLITE_IOERR: x', at: 2 } }),
      503,
      false,
      'database_fault',
    ],
    ['a full disk', report({}, 1000), 503, false, 'storage_full'],
    ['a failed check', report({ quickCheck: 'row 3 missing' }), 503, false, 'database_fault'],
  ])('%s → %i, as the contract says', (_what, r, status, ok, code) => {
    const { status: s, body } = healthOf(r, hall);
    expect(s).toBe(status);
    const answer = HealthAnswer.parse({ ...body, data: { ...body.data, refusedAnonymous } });
    expect(answer.ok).toBe(ok);
    if (!answer.ok) expect(answer.code).toBe(code);
  });

  it('refuses an answer missing its data', () => {
    expect(HealthAnswer.safeParse({ ok: true }).success).toBe(false);
  });
});

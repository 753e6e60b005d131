import { describe, expect, it } from 'vitest';
import { SyncBatch, SyncColumns } from './sync-protocol';

describe('a record’s columns on the wire', () => {
  it.each([
    [{}, true],
    [{ id: 'a', n: 3, x: null, f: 1.5, s: '' }, true],
    [{ ['c'.repeat(64)]: 1 }, true],
    [{ ['c'.repeat(65)]: 1 }, false],
    [{ x: { y: 1 } }, false],
    [{ x: [1] }, false],
    [{ x: true }, false],
    [{ x: undefined }, false],
    [{ x: Number.POSITIVE_INFINITY }, false],
    [{ x: Number.NaN }, false],
    [[1, 2], false],
    [null, false],
    ['text', false],
  ])('%j accepted: %s', (columns, accepted) => {
    expect(SyncColumns.safeParse(columns).success).toBe(accepted);
  });

  it('names the row whose columns are wrong', () => {
    const row = (d: unknown) => ({ t: 'tickets', id: 'a', day: '2026-11-20', v: 1, d });
    const parsed = SyncBatch.safeParse({
      batchId: 'b-12345678',
      cursors: {},
      rows: [row({ ok: 1 }), { ...row({ bad: {} }), id: 'b' }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['rows', 1, 'd']);
  });
});

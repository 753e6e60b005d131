import type { HallChange, Snapshot, Ticket } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { applyRecords, judgeChange, upsertById } from './merge';

const change = (seq: number, events: HallChange['events'] = []): HallChange => ({
  seq,
  at: 0,
  events,
  records: {},
});

describe('judgeChange', () => {
  it.each([
    { current: 4, seq: 5, verdict: 'apply' },
    { current: 4, seq: 4, verdict: 'stale' },
    { current: 4, seq: 2, verdict: 'stale' },
    { current: 4, seq: 6, verdict: 'gap' },
    { current: 4, seq: 40, verdict: 'gap' },
  ] as const)('at $current, change $seq → $verdict', ({ current, seq, verdict }) => {
    expect(judgeChange(current, change(seq))).toBe(verdict);
  });

  it.each([
    { current: 4, fromSeq: 5, seq: 9, verdict: 'apply' },
    { current: 6, fromSeq: 5, seq: 9, verdict: 'apply' },
    { current: 9, fromSeq: 5, seq: 9, verdict: 'stale' },
    { current: 3, fromSeq: 5, seq: 9, verdict: 'gap' },
  ] as const)(
    'a merged change $fromSeq..$seq at $current → $verdict',
    ({ current, fromSeq, seq, verdict }) => {
      expect(judgeChange(current, { ...change(seq), fromSeq })).toBe(verdict);
    },
  );

  // A filtered stream: prev is the seq this device's view was sent before; seqs between were
  // for other screens.
  it.each([
    { current: 4, prev: 4, seq: 9, verdict: 'apply' },
    { current: 6, prev: 4, seq: 9, verdict: 'apply' },
    { current: 8, prev: 8, seq: 9, verdict: 'apply' },
    { current: 9, prev: 4, seq: 9, verdict: 'stale' },
    { current: 12, prev: 4, seq: 9, verdict: 'stale' },
    { current: 3, prev: 4, seq: 9, verdict: 'gap' },
    { current: 8, prev: 9, seq: 9, verdict: 'gap' },
  ] as const)(
    'a change $seq sent after $prev, at $current → $verdict',
    ({ current, prev, seq, verdict }) => {
      expect(judgeChange(current, { ...change(seq), prev })).toBe(verdict);
    },
  );

  it('a new business day always means a fresh snapshot', () => {
    expect(
      judgeChange(4, change(5, [{ type: 'business-day.started', businessDay: '2026-11-25' }])),
    ).toBe('resync');
  });
});

describe('upsertById and applyRecords', () => {
  it('replaces by id, appends new records, keeps order', () => {
    const list = [
      { id: 'a', v: 1 },
      { id: 'b', v: 1 },
    ];
    expect(
      upsertById(list, [
        { id: 'b', v: 2 },
        { id: 'c', v: 1 },
      ]),
    ).toEqual([
      { id: 'a', v: 1 },
      { id: 'b', v: 2 },
      { id: 'c', v: 1 },
    ]);
    expect(upsertById(list, [])).toBe(list);
  });

  it('merges every record kind, including kinds the snapshot did not have yet', () => {
    const snapshot = { seq: 3, tickets: [{ id: 't1', state: 'waiting' }] } as unknown as Snapshot;
    const merged = applyRecords(
      snapshot,
      {
        tickets: [{ id: 't1', state: 'called' } as unknown as Ticket],
        ...({ opinions: [{ id: 'o1' }] } as object),
      },
      4,
    ) as unknown as Record<string, unknown>;
    expect(merged.seq).toBe(4);
    expect(merged.tickets).toEqual([{ id: 't1', state: 'called' }]);
    expect(merged.opinions).toEqual([{ id: 'o1' }]);
    expect(snapshot.tickets).toEqual([{ id: 't1', state: 'waiting' }]); // not mutated
  });
});

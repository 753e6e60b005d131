import type { HallChange } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { mergeChanges } from './hall-changes';

const change = (seq: number, over: Partial<HallChange> = {}): HallChange => ({
  seq,
  at: seq * 1000,
  events: [],
  records: {},
  ...over,
});

describe('merging the changes of one turn', () => {
  it('covers the first to the last sequence number, events in order, later versions last', () => {
    const ticket = (id: string, state: string) => ({ id, state }) as never;
    const merged = mergeChanges([
      change(5, {
        events: [{ type: 'ticket.issued', ticketId: 'a' }],
        records: { tickets: [ticket('a', 'waiting')] },
      }),
      change(6, {
        events: [{ type: 'ticket.called', ticketId: 'a', counterId: 'ctr-1', recall: 0 }],
        records: { tickets: [ticket('a', 'called')], counters: [] },
      }),
      change(7, { records: { config: { notice: 'x' } as never } }),
    ]);
    expect(merged.seq).toBe(7);
    expect(merged.fromSeq).toBe(5);
    expect(merged.at).toBe(7000);
    expect(merged.events.map((e) => e.type)).toEqual(['ticket.issued', 'ticket.called']);
    expect(merged.records.tickets).toEqual([ticket('a', 'waiting'), ticket('a', 'called')]);
    expect(merged.records.config).toEqual({ notice: 'x' });
  });
});

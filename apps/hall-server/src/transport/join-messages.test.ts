import type { HallChange } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { joinMessages } from './socket-views';

const msg = (seq: number, prev: number, ticketId: string): HallChange => ({
  seq,
  prev,
  at: seq * 1000,
  events: [{ type: 'ticket.issued', ticketId }],
  records: {},
});

describe('joinMessages (changes for one view that go out as one message)', () => {
  it.each([
    { first: [7, 4], second: [9, 7], joined: { seq: 9, fromSeq: 7, prev: 4 } },
    // The second demands a catch-up of its own (a desk whose counter changed): it wins.
    { first: [7, 4], second: [9, 9], joined: { seq: 9, fromSeq: 7, prev: 9 } },
  ])('$first + $second → $joined', ({ first, second, joined }) => {
    const out = joinMessages(msg(first[0]!, first[1]!, 'a'), msg(second[0]!, second[1]!, 'b'));
    expect(out).toMatchObject(joined);
    expect(out.events.map((e) => (e as { ticketId: string }).ticketId)).toEqual(['a', 'b']);
  });

  it('sends a record changed in both once, at its latest version', () => {
    const ticket = (id: string, state: string) => ({ id, state }) as never;
    const a = {
      ...msg(7, 4, 'a'),
      records: { tickets: [ticket('t1', 'waiting'), ticket('t2', 'waiting')] },
    };
    const b = { ...msg(9, 7, 'b'), records: { tickets: [ticket('t1', 'called')] } };
    expect(joinMessages(a, b).records.tickets).toEqual([
      ticket('t2', 'waiting'),
      ticket('t1', 'called'),
    ]);
  });
});

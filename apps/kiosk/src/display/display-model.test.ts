import type { Counter, Ticket } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { counter as counterRecord, ticket as ticketRecord } from '../../test-support/records';
import { counterBoards, currentCall, recentCalls } from './display-model';

const counter = (n: number, state: Counter['state'] = 'open') =>
  counterRecord({ id: `ctr-${n}`, number: n, name: `${n}号窗口`, state });

const ticket = (
  number: string,
  state: Ticket['state'],
  counterId: string | null,
  calledAt: number | null,
) =>
  ticketRecord({
    id: `t-${number}`,
    serviceId: 'svc',
    number,
    state,
    counterId,
    calledAt,
    firstCalledAt: calledAt,
  });

describe('the counter boards', () => {
  it.each([
    ['nothing called: open counter idle', [], 'idle', null],
    ['a called ticket', [ticket('A001', 'called', 'ctr-1', 10)], 'called', 'A001'],
    ['a ticket in service', [ticket('A001', 'serving', 'ctr-1', 10)], 'serving', 'A001'],
    ['a finished ticket is gone', [ticket('A001', 'done', 'ctr-1', 10)], 'idle', null],
    ['a no-show is gone', [ticket('A001', 'no_show', 'ctr-1', 10)], 'idle', null],
    [
      'the latest call wins (a parked one aside)',
      [ticket('A001', 'serving', 'ctr-1', 10), ticket('A002', 'called', 'ctr-1', 20)],
      'called',
      'A002',
    ],
    ['another counter’s ticket is not ours', [ticket('B001', 'called', 'ctr-2', 10)], 'idle', null],
  ] as const)('%s', (_, tickets, state, number) => {
    const [board] = counterBoards([counter(1)], tickets);
    expect(board!.state).toBe(state);
    expect(board!.ticket?.number ?? null).toBe(number);
  });

  it('orders counters by number and shows paused and closed ones as such', () => {
    const boards = counterBoards([counter(3, 'closed'), counter(1), counter(2, 'paused')], []);
    expect(boards.map((b) => [b.counter.number, b.state])).toEqual([
      [1, 'idle'],
      [2, 'paused'],
      [3, 'closed'],
    ]);
  });
});

describe('the recent calls', () => {
  it('lists the latest calls first, with the counter number, up to the limit', () => {
    const calls = recentCalls(
      [
        ticket('A001', 'done', 'ctr-1', 10),
        ticket('A002', 'waiting', null, null),
        ticket('B001', 'called', 'ctr-2', 30),
        ticket('A003', 'serving', 'ctr-1', 20),
      ],
      [counter(1), counter(2)],
      2,
    );
    expect(calls.map((c) => `${c.number}→${c.counterNumber}`)).toEqual(['B001→2', 'A003→1']);
  });
});

describe('the current call', () => {
  it.each([
    ['no call yet', [ticket('A001', 'waiting', null, null)], null],
    [
      'the latest call',
      [ticket('A001', 'serving', 'ctr-1', 10), ticket('B001', 'called', 'ctr-2', 20)],
      'B001→2',
    ],
    [
      'a finished ticket is no current call',
      [ticket('A001', 'done', 'ctr-1', 30), ticket('B001', 'serving', 'ctr-2', 20)],
      'B001→2',
    ],
    ['a ticket at an unknown counter is left out', [ticket('A001', 'called', 'ctr-9', 30)], null],
  ] as const)('%s', (_, tickets, shown) => {
    const call = currentCall(tickets, [counter(1), counter(2)]);
    expect(call ? `${call.number}→${call.counterNumber}` : null).toBe(shown);
  });
});

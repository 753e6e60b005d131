import type { HallChange, HallEvent } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { actionKeyOf, addNotices, noticesFor } from './override-notices';

const override = (over: Partial<Extract<HallEvent, { type: 'override.applied' }>>): HallEvent => ({
  type: 'override.applied',
  action: 'counter-state:paused',
  reason: '临时会议',
  byStaffId: 'stf-leader',
  staffId: null,
  counterId: null,
  ticketId: null,
  ...over,
});
const change = (seq: number, events: HallEvent[]): HallChange => ({
  seq,
  at: 1_000 * seq,
  events,
  records: {},
});
const me = { staffId: 'stf-1001', counterId: 'ctr-1' };

describe('override notices for the workstation', () => {
  it.each([
    ['this counter', override({ counterId: 'ctr-1' }), 1],
    ['this clerk, at no counter', override({ staffId: 'stf-1001' }), 1],
    ['another counter', override({ counterId: 'ctr-2', staffId: 'stf-1002' }), 0],
    ['a waiting ticket only', override({ action: 'ticket-priority:front', ticketId: 't1' }), 0],
    ['a ticket sent here', override({ action: 'ticket-counter', counterId: 'ctr-1' }), 1],
    ['another event', { type: 'ticket.issued', ticketId: 't1' } as HallEvent, 0],
  ])('%s', (_, event, count) => {
    expect(noticesFor(change(5, [event]), me)).toHaveLength(count);
  });

  it('keeps the leader, the reason and the change’s time', () => {
    expect(noticesFor(change(7, [override({ counterId: 'ctr-1' })]), me)).toEqual([
      {
        seq: 7,
        at: 7_000,
        actionKey: 'counter-state_paused',
        reason: '临时会议',
        byStaffId: 'stf-leader',
        ticketId: null,
      },
    ]);
  });

  it.each([
    ['counter-state:closed', 'counter-state_closed'],
    ['ticket-priority:front', 'ticket-priority_front'],
    ['sign-out', 'sign-out'],
    ['something-new', 'other'],
  ])('names %s as %s', (action, key) => {
    expect(actionKeyOf(action)).toBe(key);
  });

  it('keeps the newest three, newest first', () => {
    const n = (seq: number) => noticesFor(change(seq, [override({ counterId: 'ctr-1' })]), me);
    const list = [1, 2, 3, 4].reduce((acc, seq) => addNotices(acc, n(seq)), addNotices([], []));
    expect(list.map((x) => x.seq)).toEqual([4, 3, 2]);
  });
});

import { describe, expect, it } from 'vitest';
import { counter, ticket } from '../../../../test-support/fixtures';
import { availableActions, type WorkState } from './available-actions';
import type { WorkAction } from './shortcuts';

const now = 1_000_000;
const base: WorkState = {
  online: true,
  counter: counter(),
  current: null,
  parked: [],
  recallsBeforeNoShow: 2,
  noShowAfterSec: 180,
  now,
};
const called = (over = {}) =>
  ticket({ state: 'called', counterId: 'ctr-1', calledAt: now - 10_000, ...over });
const serving = ticket({ state: 'serving', counterId: 'ctr-1' });

function live(s: Partial<WorkState>): WorkAction[] {
  const all = availableActions({ ...base, ...s });
  return (Object.keys(all) as WorkAction[]).filter((k) => all[k]).sort();
}

/** What an open counter with nobody in front offers. */
const atFreeCounter: WorkAction[] = [
  'callNext',
  'callTicket',
  'closeCounter',
  'createTask',
  'lookup',
  'pauseCounter',
  'walkIn',
];

describe('availableActions', () => {
  it.each([
    {
      case: 'open counter, nobody in front',
      state: {},
      live: atFreeCounter,
    },
    {
      case: 'a ticket just called',
      state: { current: called() },
      live: ['createTask', 'lookup', 'pauseCounter', 'recall', 'returnToQueue', 'start'],
    },
    {
      case: 'called and recalled as often as configured: no-show too',
      state: { current: called({ recallCount: 2 }) },
      live: ['createTask', 'lookup', 'noShow', 'pauseCounter', 'recall', 'returnToQueue', 'start'],
    },
    {
      case: 'called long enough ago: no-show too',
      state: { current: called({ calledAt: now - 180_000 }) },
      live: ['createTask', 'lookup', 'noShow', 'pauseCounter', 'recall', 'returnToQueue', 'start'],
    },
    {
      case: 'in service',
      state: { current: serving },
      live: ['createTask', 'finish', 'lookup', 'openCase', 'park', 'pauseCounter', 'transfer'],
    },
    {
      case: 'a parked ticket and nothing in front',
      state: { parked: [ticket({ state: 'parked' })] },
      live: [...atFreeCounter, 'resume'],
    },
    {
      case: 'paused',
      state: { counter: counter({ state: 'paused', pauseReason: 'break' }) },
      live: ['closeCounter', 'createTask', 'lookup', 'openCounter'],
    },
    {
      case: 'closed',
      state: { counter: counter({ state: 'closed' }) },
      live: ['createTask', 'lookup', 'openCounter'],
    },
    { case: 'offline: nothing is sent', state: { online: false, current: serving }, live: [] },
  ] as { case: string; state: Partial<WorkState>; live: WorkAction[] }[])(
    '$case',
    ({ state, live: expected }) => {
      expect(live(state)).toEqual([...expected].sort());
    },
  );
});

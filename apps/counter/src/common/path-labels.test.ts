import { describe, expect, it } from 'vitest';
import { pathEvent } from './path-labels';

describe('pathEvent', () => {
  it.each([
    { from: null, to: 'waiting', event: 'issued' },
    { from: 'waiting', to: 'called', event: 'called' },
    { from: 'called', to: 'called', event: 'recalled' },
    { from: 'called', to: 'serving', event: 'started' },
    { from: 'serving', to: 'parked', event: 'parked' },
    { from: 'parked', to: 'serving', event: 'resumed' },
    { from: 'serving', to: 'waiting', event: 'transferred' },
    { from: 'called', to: 'waiting', event: 'returned' },
    { from: 'serving', to: 'done', event: 'finished' },
    { from: 'called', to: 'no_show', event: 'noShow' },
    { from: 'waiting', to: 'cancelled', event: 'cancelled' },
    { from: 'no_show', to: 'waiting', event: 'reinstated' },
    { from: 'cancelled', to: 'waiting', event: 'reinstated' },
    { from: 'waiting', to: 'waiting', event: 'moved' },
  ] as const)('$from → $to: $event', ({ from, to, event }) => {
    expect(pathEvent(from, to)).toBe(event);
  });
});

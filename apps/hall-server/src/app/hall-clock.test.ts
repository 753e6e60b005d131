import { describe, expect, it } from 'vitest';
import { createHallClock, type ClockJump } from './hall-clock';

const MIN = 60_000;

/** Runs steps of [wall change, real time passed] and returns the hall times and jumps seen. */
function run(steps: [number, number][], floor?: number) {
  let wall = 1_000_000_000;
  let mono = 0;
  const jumps: ClockJump[] = [];
  const clock = createHallClock({
    wall: () => wall,
    monotonic: () => mono,
    floor,
    onJump: (j) => jumps.push(j),
  });
  const start = clock.now();
  const times = steps.map(([wallStep, real]) => {
    wall += wallStep;
    mono += real;
    return clock.now() - start;
  });
  return { times, jumps: jumps.map((j) => j.byMs), state: clock.state() };
}

describe('the hall clock', () => {
  it.each([
    [
      'follows a wall clock that agrees',
      [
        [MIN, MIN],
        [MIN, MIN],
      ],
      [MIN, 2 * MIN],
      [],
    ],
    [
      'absorbs a small step back (never backwards)',
      [
        [-MIN, 0],
        [2 * MIN, 2 * MIN],
      ],
      [0, MIN],
      [],
    ],
    [
      'keeps real time after a step back of an hour',
      [
        [-60 * MIN, 0],
        [MIN, MIN],
      ],
      [0, MIN],
      [-60 * MIN],
    ],
    [
      'keeps real time after a leap ahead',
      [
        [20 * 60 * MIN, 0],
        [MIN, MIN],
      ],
      [0, MIN],
      [20 * 60 * MIN],
    ],
    [
      'trusts the wall clock again when the jump is undone',
      [
        [60 * MIN, 0],
        [-60 * MIN + MIN, MIN],
        [MIN, MIN],
      ],
      [0, MIN, 2 * MIN],
      [60 * MIN],
    ],
    [
      'tells a second jump',
      [
        [60 * MIN, 0],
        [60 * MIN, 0],
      ],
      [0, 0],
      [60 * MIN, 60 * MIN],
    ],
  ] as [string, [number, number][], number[], number[]][])('%s', (_, steps, times, jumps) => {
    const result = run(steps);
    expect(result.times).toEqual(times);
    expect(result.jumps).toEqual(jumps);
  });

  it('never starts before the last write, and says the wall clock is behind', async () => {
    let said = 0;
    const clock = createHallClock({
      wall: () => 1_000,
      monotonic: () => 0,
      floor: 10 * MIN,
      onJump: () => said++,
    });
    expect(clock.now()).toBe(10 * MIN);
    await new Promise((r) => setImmediate(r));
    expect(said).toBe(1);
    expect(clock.state().trusted).toBe(false);
  });

  it('starts untrusted from a remembered hall time, says so once, and trusts a wall clock that comes back', async () => {
    const hour = 60 * MIN;
    let wall = 20 * hour;
    let mono = 0;
    const jumps: ClockJump[] = [];
    const clock = createHallClock({
      wall: () => wall,
      monotonic: () => mono,
      untrustedFrom: 10 * MIN,
      onJump: (j) => jumps.push(j),
    });
    expect(clock.now()).toBe(10 * MIN);
    mono += MIN;
    wall += MIN;
    expect(clock.now()).toBe(11 * MIN);
    await new Promise((r) => setImmediate(r));
    expect(jumps).toHaveLength(1);
    expect(clock.state().trusted).toBe(false);
    wall = 11 * MIN + 30_000; // a person set the clock right
    expect(clock.now()).toBe(11 * MIN + 30_000);
    expect(clock.state().trusted).toBe(true);
    expect(jumps).toHaveLength(1);
  });

  it('takes virtual time (no monotonic reference) as given, except backwards', () => {
    let wall = 0;
    const clock = createHallClock({
      wall: () => wall,
      monotonic: null,
      onJump: () => {
        throw new Error('virtual time is never a jump');
      },
    });
    wall = 24 * 60 * MIN;
    expect(clock.now()).toBe(24 * 60 * MIN);
    wall = 0;
    expect(clock.now()).toBe(24 * 60 * MIN);
  });
});

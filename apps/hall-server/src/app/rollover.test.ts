import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/db';
import { createStore, type Store } from '../store/store';
import { rollover } from './rollover';
import { demoSeed, seedHall } from './seed';

// The business-day check every command makes: a new day starts at the hall's local midnight,
// on days of 23 and 25 hours too, never when the clock steps back, and in the time zone the
// hall has now (the day's end is kept between commands, so a changed zone must not reuse it).

const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.db.close();
});

async function hallIn(timeZone: string, seededAt: string): Promise<Store> {
  const store = createStore(openDatabase(':memory:'));
  stores.push(store);
  await seedHall(store, demoSeed(Date.parse(seededAt), { timeZone }));
  return store;
}

/** The business day after a rollover check at each instant in turn (null: no new day). */
function checks(store: Store, instants: string[]): (string | null)[] {
  return instants.map((at) => {
    const change = rollover(store, Date.parse(at));
    const started = change?.events.find((e) => e.type === 'business-day.started');
    return started && 'businessDay' in started ? started.businessDay : null;
  });
}

describe('rollover', () => {
  it.each([
    {
      what: 'an ordinary day in Shanghai',
      timeZone: 'Asia/Shanghai',
      seededAt: '2026-12-03T10:00:00+08:00',
      instants: ['2026-12-03T23:59:59.999+08:00', '2026-12-04T00:00:00+08:00'],
      days: [null, '2026-12-04'],
    },
    {
      what: 'a day of 23 hours (clocks go forward)',
      timeZone: 'America/New_York',
      seededAt: '2026-03-08T01:00:00-05:00',
      instants: ['2026-03-08T23:59:59.999-04:00', '2026-03-09T00:00:00-04:00'],
      days: [null, '2026-03-09'],
    },
    {
      what: 'a day of 25 hours (clocks go back)',
      timeZone: 'America/New_York',
      seededAt: '2026-11-01T00:30:00-04:00',
      instants: [
        '2026-11-01T01:30:00-05:00', // the repeated hour
        '2026-11-01T23:59:59.999-05:00',
        '2026-11-02T00:00:00-05:00',
      ],
      days: [null, null, '2026-11-02'],
    },
    {
      what: 'a clock that stepped back a day, then came right',
      timeZone: 'Asia/Shanghai',
      seededAt: '2026-12-03T10:00:00+08:00',
      instants: [
        '2026-12-02T12:00:00+08:00',
        '2026-12-03T11:00:00+08:00',
        '2026-12-05T09:00:00+08:00',
      ],
      days: [null, null, '2026-12-05'],
    },
  ])(
    'starts a new day at local midnight: $what',
    async ({ timeZone, seededAt, instants, days }) => {
      const store = await hallIn(timeZone, seededAt);
      expect(checks(store, instants)).toEqual(days);
      expect(store.hall.state().businessDay).toBe(days.findLast((d) => d !== null));
    },
  );

  it('checks in the time zone the hall has now, not the one the day began in', async () => {
    // 2026-12-03 in Los Angeles ends at 16:00 on the 4th in Shanghai.
    const store = await hallIn('America/Los_Angeles', '2026-12-03T10:00:00-08:00');
    expect(checks(store, ['2026-12-03T12:00:00-08:00'])).toEqual([null]);
    const hall = store.hall.state();
    store.hall.setConfig({ ...hall.config, timeZone: 'Asia/Shanghai' }, hall.seq);
    // 01:00 on the 4th in Shanghai is still the 3rd in Los Angeles: a new day all the same.
    expect(checks(store, ['2026-12-04T01:00:00+08:00'])).toEqual(['2026-12-04']);
  });
});

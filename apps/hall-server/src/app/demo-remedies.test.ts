import { RemedyKind } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/db';
import { migrate } from '../store/migrate';
import { createStore } from '../store/store';
import { demoRemedyKinds } from './demo-remedies';
import { demoSeed, realHallSeed, seedHall } from './seed';

// The demo hall's remedy catalogue is one an admin could have saved; a real hall has none.

const T0 = Date.parse('2026-11-24T09:00:00+08:00');

async function seeded(seed: Parameters<typeof seedHall>[1]) {
  const db = openDatabase(':memory:');
  migrate(db);
  const store = createStore(db);
  await seedHall(store, seed);
  return store;
}

describe('the remedy catalogue at first start', () => {
  it('a real hall (npm run setup) starts with none', async () => {
    const store = await seeded(
      realHallSeed(
        T0,
        { hallId: 'hall-1', nameZh: '营业厅', nameEn: 'Hall', timeZone: 'Asia/Shanghai' },
        { id: 'stf-admin', staffNo: '9000', name: '管理员', pin: '482915' },
      ),
    );
    expect(store.remedies.allKinds()).toEqual([]);
  });

  it('the demo hall has the five of docs/remedies.md, each valid', async () => {
    const store = await seeded(demoSeed(T0));
    const kinds = store.remedies.allKinds();
    expect(kinds.map((k) => k.id)).toEqual([
      'waive-penalty',
      'refund-overcharge',
      'crew-today',
      'appointment-ahead',
      'written-apology',
    ]);
    for (const k of kinds) expect(RemedyKind.safeParse(k).success).toBe(true);
  });

  it.each(
    demoRemedyKinds.flatMap((k) =>
      Object.entries(k.limits).map(([role, l]) => [k.id, role, l] as const),
    ),
  )('%s, %s: one grant within the day and the month', (_, __, limits) => {
    if (!limits) return;
    expect(limits.perGrant).toBeLessThanOrEqual(limits.perCustomerPerDay);
    expect(limits.perGrant).toBeLessThanOrEqual(limits.perStaffPerMonth);
  });

  it('the clerk may waive up to 200 yuan a grant and a customer a day, 2,000 a month', () => {
    expect(demoRemedyKinds[0]?.limits.clerk).toEqual({
      perGrant: 20_000,
      perCustomerPerDay: 20_000,
      perStaffPerMonth: 200_000,
    });
  });
});

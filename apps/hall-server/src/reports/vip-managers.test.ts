import type { HallReport } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { withClerkVips, type VipServiceFacts } from './vip-managers';

const row = (staffId: string) => ({ staffId }) as HallReport['clerks'][number];
const visit = (managerStaffId: string, servedByStaffId: string | null): VipServiceFacts => ({
  managerStaffId,
  servedByStaffId,
});

describe('withClerkVips', () => {
  it.each([
    { name: 'no VIP visits: rows unchanged', facts: [], expected: [{}, {}] },
    {
      name: 'served by the manager, and by a colleague',
      facts: [visit('m1', 'm1'), visit('m1', 'c2'), visit('m1', 'm1')],
      expected: [{ vipServedOwn: 2, vipServedByOthers: 1 }, {}],
    },
    {
      name: 'a colleague serving another manager’s VIP counts for that manager only',
      facts: [visit('c2', 'm1')],
      expected: [{}, { vipServedOwn: 0, vipServedByOthers: 1 }],
    },
    {
      name: 'served by nobody recorded: by others',
      facts: [visit('m1', null)],
      expected: [{ vipServedOwn: 0, vipServedByOthers: 1 }, {}],
    },
  ])('$name', ({ facts, expected }) => {
    const out = withClerkVips([row('m1'), row('c2')], facts);
    expect(
      out.map(({ vipServedOwn, vipServedByOthers }) =>
        vipServedOwn === undefined ? {} : { vipServedOwn, vipServedByOthers },
      ),
    ).toEqual(expected);
  });
});

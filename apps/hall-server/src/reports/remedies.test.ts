import { RemedyReport, type HallReport } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { demoContext, weekReport } from './bulletin-fixture';
import { reportToBulletinHtml } from './bulletin';
import {
  remediesByClassTable,
  remediesReport,
  withClerkRemedies,
  yuanOf,
  type RemedyFacts,
} from './remedies';

const fact = (over: Partial<RemedyFacts> = {}): RemedyFacts => ({
  grantedByStaffId: 'clerk-1',
  remedyKindId: 'waive-penalty',
  nameZh: '减免违约金',
  nameEn: 'Waive penalty',
  unit: 'yuan',
  amount: 10_000,
  state: 'granted',
  complaintClass: 'billing',
  ...over,
});

const crew = (over: Partial<RemedyFacts> = {}) =>
  fact({
    remedyKindId: 'crew-today',
    nameZh: '当日派修',
    nameEn: 'Repair crew today',
    unit: 'count',
    amount: 1,
    complaintClass: 'outage',
    ...over,
  });

describe('remediesReport', () => {
  it.each([
    { case: 'nothing granted', facts: [], given: 0, yuanFen: 0, acts: 0 },
    { case: 'one granted at once', facts: [fact()], given: 1, yuanFen: 10_000, acts: 0 },
    {
      case: 'an approved one counts',
      facts: [fact({ state: 'approved' })],
      given: 1,
      yuanFen: 10_000,
      acts: 0,
    },
    {
      case: 'pending, rejected, expired, cancelled cost nothing',
      facts: (['pending', 'rejected', 'expired', 'cancelled'] as const).map((state) =>
        fact({ state }),
      ),
      given: 0,
      yuanFen: 0,
      acts: 0,
    },
    {
      case: 'money and acts apart',
      facts: [fact(), crew(), crew()],
      given: 3,
      yuanFen: 10_000,
      acts: 2,
    },
  ])('$case', ({ facts, given, yuanFen, acts }) => {
    expect(remediesReport(facts)).toMatchObject({ given, yuanFen, acts });
  });

  it('counts every state made in the range', () => {
    const r = remediesReport([fact(), fact({ state: 'pending' }), fact({ state: 'pending' })]);
    expect(r.byState).toEqual({
      granted: 1,
      pending: 2,
      approved: 0,
      rejected: 0,
      cancelled: 0,
      expired: 0,
    });
    // Every state is named: the contract's record of states is exhaustive.
    expect(RemedyReport.safeParse(r).success).toBe(true);
  });

  it('puts the costliest complaint class first: money, then acts, then grants', () => {
    const r = remediesReport([
      crew(),
      crew(),
      crew(),
      fact({ complaintClass: 'meter', amount: 50_000 }),
      fact({ complaintClass: 'billing', amount: 20_000 }),
      fact({ complaintClass: 'billing', amount: 20_000 }),
      fact({ complaintClass: 'service_attitude', unit: 'count', amount: 1 }),
    ]);
    expect(r.byClass.map((c) => [c.complaintClass, c.grants, c.yuanFen, c.acts])).toEqual([
      ['meter', 1, 50_000, 0],
      ['billing', 2, 40_000, 0],
      ['outage', 3, 0, 3],
      ['service_attitude', 1, 0, 1],
    ]);
  });

  it('sums each kind given', () => {
    const r = remediesReport([
      fact(),
      fact({ amount: 5_000 }),
      crew(),
      fact({ state: 'rejected' }),
    ]);
    expect(r.byKind.map((k) => [k.remedyKindId, k.grants, k.amount])).toEqual([
      ['waive-penalty', 2, 15_000],
      ['crew-today', 1, 1],
    ]);
  });
});

describe('withClerkRemedies (the appraisal)', () => {
  const row = (staffId: string) =>
    ({ staffId, name: staffId, staffNo: '1' }) as HallReport['clerks'][number];
  it.each([
    { clerk: 'clerk-1', grants: 2, yuanFen: 10_000, acts: 1, pending: 1 },
    { clerk: 'clerk-2', grants: 0, yuanFen: 0, acts: 0, pending: 0 },
  ])('$clerk: $grants given, $yuanFen fen, $acts acts, $pending pending', (c) => {
    const facts = [
      fact(),
      crew(),
      fact({ state: 'pending' }),
      fact({ grantedByStaffId: 'clerk-3' }),
    ];
    const [out] = withClerkRemedies([row(c.clerk)], facts);
    expect(out).toMatchObject({
      remedyGrants: c.grants,
      remedyYuanFen: c.yuanFen,
      remedyActs: c.acts,
      remedyPending: c.pending,
    });
  });

  it('leaves the rows as they are when nothing was granted', () => {
    const rows = [row('clerk-1')];
    expect(withClerkRemedies(rows, [])).toBe(rows);
  });
});

it.each([
  [0, '0.00'],
  [12345, '123.45'],
  [20_000, '200.00'],
])('yuanOf(%s) = %s', (fen, text) => expect(yuanOf(fen)).toBe(text));

describe('the bulletin’s "which problems cost most"', () => {
  const remedies = remediesReport([
    fact({ complaintClass: 'meter', amount: 50_000 }),
    crew(),
    fact({ complaintClass: 'billing', amount: 12_345 }),
  ]);
  it.each([
    ['zh', '补救成本:哪些问题代价最高', '计量表计', '500.00'],
    ['en', 'Remedies: which problems cost most', 'Meter', '123.45'],
  ] as const)('%s: a table, the costliest first', (lang, title, first, money) => {
    const html = reportToBulletinHtml({ ...weekReport, remedies }, demoContext(lang));
    expect(html).toContain(title);
    expect(html).toContain(money);
    const section = html.slice(html.indexOf(title));
    expect(section.indexOf(first)).toBeLessThan(section.indexOf(lang === 'zh' ? '停电' : 'Outage'));
  });

  it('is left out when nothing was granted', () => {
    const html = reportToBulletinHtml(weekReport, demoContext('en'));
    expect(html).not.toContain('which problems cost most');
  });

  it('names the classes from a fixed list, in the reader’s language', () => {
    const table = remediesByClassTable(remedies, 'en');
    expect(table.rows.map((r) => r[0])).toEqual(['Meter', 'Billing', 'Outage']);
  });
});

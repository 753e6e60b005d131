import { describe, expect, it } from 'vitest';
import {
  caseFactsOf,
  opinionFactsOf,
  ticketFactsOf,
  type CaseRow,
  type TicketRow,
} from './queries';
import { day1, ticket } from './report-fixture';

// From a row to the facts a report is computed from.

const DAY = 86_400_000;
/** A range of two days judged at its end: [0, 2 days). */
const range = { fromMs: 0, toMs: 2 * DAY, asOf: 2 * DAY };

const caseRow = (over: Partial<CaseRow>): CaseRow => ({
  ownerStaffId: 'c1',
  caseTypeId: 'ct-fault',
  openedAt: DAY,
  dueAt: DAY + 1000,
  closedAt: null,
  outcome: null,
  ...over,
});

describe('a case in the range', () => {
  it.each([
    [
      'closed completed by its due date: on time',
      { closedAt: DAY + 1000, outcome: 'completed' },
      { openedInRange: true, closedOnTime: true, overdue: false },
    ],
    [
      'closed completed after it: late',
      { closedAt: DAY + 1001, outcome: 'completed' },
      { openedInRange: true, closedOnTime: false, overdue: false },
    ],
    [
      'withdrawn in time: not on time',
      { closedAt: DAY + 500, outcome: 'withdrawn' },
      { openedInRange: true, closedOnTime: false, overdue: false },
    ],
    [
      'still open past its due date: overdue',
      {},
      { openedInRange: true, closedOnTime: null, overdue: true },
    ],
    [
      'open, not yet due',
      { dueAt: 3 * DAY },
      { openedInRange: true, closedOnTime: null, overdue: false },
    ],
    [
      'closed after the range: open (and overdue) in it',
      { closedAt: 2 * DAY, outcome: 'completed' },
      { openedInRange: true, closedOnTime: null, overdue: true },
    ],
    [
      'opened before the range, closed in it on time',
      { openedAt: -DAY, dueAt: DAY, closedAt: DAY, outcome: 'completed' },
      { openedInRange: false, closedOnTime: true, overdue: false },
    ],
  ] satisfies [string, Partial<CaseRow>, object][])('%s', (_, over, expected) => {
    expect(caseFactsOf(caseRow(over), range)).toEqual({
      ownerStaffId: 'c1',
      caseTypeId: 'ct-fault',
      ...expected,
    });
  });

  it('is judged now when now is before the range’s end', () => {
    expect(caseFactsOf(caseRow({}), { ...range, asOf: DAY + 1000 }).overdue).toBe(false);
  });
});

/** A ticket's row: the fixture's ticket, its second of the day left to be worked out. */
const ticketRow = (noCounterOpen: number | null, issuedAt: number): TicketRow => ({
  ...ticket(day1, { issued: [0, 0], issuedAt, issuedSecOfDay: -1 }),
  estimatedWaitHighSec: null,
  naiveWaitSec: null,
  noCounterOpen,
});

describe('a ticket row', () => {
  it.each([
    [1, 9 * 3600_000, true, 9 * 3600],
    [0, 1500, false, 1.5],
    [null, 0, false, 0], // issued before no_counter_open was kept
    [0, -5000, false, 0], // issued before the day began (a clock step): its first second
  ])(
    'no_counter_open %s issued at +%d ms: told no counter %s, %d s into the day',
    (flag, at, told, sec) => {
      const facts = ticketFactsOf(ticketRow(flag, at), 0);
      expect([facts.noCounterOpen, facts.issuedSecOfDay]).toEqual([told, sec]);
    },
  );
});

describe('an opinion row', () => {
  it.each([
    [1, true],
    [0, false],
  ] as const)('is_repeated %d is repeated: %s', (isRepeated, repeated) => {
    const row = {
      category: 'praise',
      source: 'kiosk',
      state: 'open',
      createdAt: 1,
      closedAt: null,
      ownerStaffId: null,
    } as const;
    expect(opinionFactsOf({ ...row, isRepeated })).toEqual({ ...row, repeated });
  });
});

import type { Ack, SpotCheck } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { clockedDemoHalls } from '../test-support/clocked-hall';
import { ok, send, sendRaw, type HallClient, type TestHall } from '../test-support/hall-harness';

// Hostile: spot checks and the appraisal's trend (抽查, issue 19). A clerk checking, a leader
// checking a visit not finished, not existing or their own, checking twice, scores outside the
// checklist's range or for items not on it, an edit slipped past the command, a clerk reading
// another's checks, a kiosk asking for a trend, a trend of 10,000 months. Each is refused with
// its code and nothing changes.

const DAY = 86_400_000;
const { clock, hallAt, device, staffOn } = clockedDemoHalls('2025-03-03T09:00:00+08:00');

const code = (a: Ack<unknown>) => (a.ok ? 'ok' : a.code);

/** The default checklist, every item given `score` (clamped to its points when `fit`). */
const scores = (score: number) => [
  { itemId: 'courtesy', score },
  { itemId: 'accuracy', score },
  { itemId: 'told-once', score },
  { itemId: 'first-handler', score },
  { itemId: 'time-limit', score },
];
const check = (ticketId: string, over: Record<string, unknown> = {}) => ({
  ticketId,
  scores: scores(10),
  comment: '用语规范,一次告知到位',
  ...over,
});

/** A visit the clerk calls, starts and (unless `open`) finishes. */
async function visitOf(
  clerk: HallClient,
  guide: HallClient,
  serviceId = 'svc-billing',
  open = false,
) {
  const { ticket } = ok(await send(guide, 'ticket:issue', { serviceId }));
  ok(await send(clerk, 'ticket:call', { ticketId: ticket.id }));
  ok(await send(clerk, 'ticket:start', { ticketId: ticket.id }));
  if (!open)
    ok(
      await send(clerk, 'ticket:finish', { ticketId: ticket.id, outcome: 'completed', items: [] }),
    );
  return ticket.id;
}

const allChecks = (hall: TestHall): SpotCheck[] =>
  hall.server.hall.store.spotChecks.between('2000-01-01', '2999-12-31', null);

async function setUp() {
  const hall = await hallAt();
  const url = hall.server.url;
  const clerk = (await staffOn(url, 'demo-desk-1', '1001', 'ctr-1')).socket;
  const other = (await staffOn(url, 'demo-desk-2', '1002', 'ctr-2')).socket;
  const leader = (await staffOn(url, 'demo-console', '8001')).socket;
  const guide = (await staffOn(url, 'demo-guide', '7001')).socket;
  return { hall, url, clerk, other, leader, guide };
}

describe('who may spot-check what', () => {
  it('a clerk cannot spot-check, not even a colleague’s finished visit', async () => {
    const { hall, clerk, other, guide } = await setUp();
    const ticketId = await visitOf(clerk, guide);
    expect(code(await send(other, 'spot-check:save', check(ticketId)))).toBe('forbidden');
    expect(code(await send(other, 'spot-check:candidates', {}))).toBe('forbidden');
    expect(allChecks(hall)).toEqual([]);
  });

  it('a leader cannot check a visit still being served, or one that does not exist', async () => {
    const { hall, clerk, leader, guide } = await setUp();
    const serving = await visitOf(clerk, guide, 'svc-billing', true);
    expect(code(await send(leader, 'spot-check:save', check(serving)))).toBe(
      'spot_check_not_finished',
    );
    expect(code(await send(leader, 'spot-check:save', check('no-such-ticket')))).toBe('not_found');
    expect(
      code(
        await send(leader, 'spot-check:save', {
          ...check(serving),
          ticketId: undefined,
          caseId: 'no-such-case',
        }),
      ),
    ).toBe('not_found');
    expect(allChecks(hall)).toEqual([]);
  });

  it('a check names exactly one piece of work', async () => {
    const { hall, clerk, leader, guide } = await setUp();
    const ticketId = await visitOf(clerk, guide);
    const { case: c } = ok(
      await send(clerk, 'case:open', { ticketId, caseTypeId: 'ct-fault', summary: '停电报修' }),
    );
    expect(code(await send(leader, 'spot-check:save', { ...check(ticketId), caseId: c.id }))).toBe(
      'invalid_payload',
    );
    expect(
      code(await send(leader, 'spot-check:save', { ...check(ticketId), ticketId: undefined })),
    ).toBe('invalid_payload');
    expect(allChecks(hall)).toEqual([]);
  });

  it('a leader cannot spot-check their own work', async () => {
    const { hall, url, leader, guide } = await setUp();
    // The duty leader, a clerk too, serves at counter 3, then checks the visit from the console.
    const atCounter = (await staffOn(url, 'demo-desk-3', '8001', 'ctr-3')).socket;
    const ticketId = await visitOf(atCounter, guide, 'svc-connection');
    expect(code(await send(leader, 'spot-check:save', check(ticketId)))).toBe(
      'spot_check_own_work',
    );
    const { candidates } = ok(await send(leader, 'spot-check:candidates', {}));
    expect(candidates.map((c) => c.id)).not.toContain(ticketId);
    expect(allChecks(hall)).toEqual([]);
  });

  it('work older than 31 days cannot be checked, nor listed', async () => {
    const { hall, clerk, leader, guide } = await setUp();
    const ticketId = await visitOf(clerk, guide);
    const day = hall.server.hall.store.tickets.byId(ticketId)!.businessDay;
    clock.now += 32 * DAY;
    // Sessions do not last a month: the duty leader signs in again.
    leader.disconnect();
    const later = (await staffOn(hall.server.url, 'demo-console', '8001')).socket;
    expect(code(await send(later, 'spot-check:save', check(ticketId)))).toBe('spot_check_too_old');
    expect(code(await send(later, 'spot-check:candidates', { day }))).toBe('spot_check_too_old');
    expect(allChecks(hall)).toEqual([]);
  });
});

describe('scores', () => {
  it.each([
    {
      why: 'above an item’s points',
      scores: scores(10).map((s, i) => (i === 0 ? { ...s, score: 21 } : s)),
      detail: 'courtesy must be from 0 to 20',
    },
    { why: 'negative', scores: scores(-1), detail: 'courtesy must be from 0 to 20' },
    {
      why: 'for an item not on the checklist',
      scores: [...scores(5), { itemId: 'smile', score: 5 }],
      detail: 'smile is not on the checklist',
    },
    {
      why: 'for an item twice',
      scores: [...scores(5), { itemId: 'courtesy', score: 5 }],
      detail: 'courtesy is scored twice',
    },
    { why: 'with an item left out', scores: scores(5).slice(1), detail: 'courtesy is not scored' },
  ])('refuses scores $why', async ({ scores: given, detail }) => {
    const { hall, clerk, leader, guide } = await setUp();
    const ticketId = await visitOf(clerk, guide);
    const ack = await send(leader, 'spot-check:save', check(ticketId, { scores: given }));
    expect(code(ack)).toBe('invalid_payload');
    expect(!ack.ok && ack.message).toContain(detail);
    expect(allChecks(hall)).toEqual([]);
  });

  it.each([
    { why: 'a fraction', payload: { scores: [{ itemId: 'courtesy', score: 1.5 }] } },
    { why: 'a text score', payload: { scores: [{ itemId: 'courtesy', score: '20' }] } },
    { why: 'no comment', payload: { comment: '' } },
    { why: 'a field not in the contract', payload: { totalPct: 100 } },
    {
      why: '13 items',
      payload: { scores: Array.from({ length: 13 }, (_, i) => ({ itemId: `i${i}`, score: 1 })) },
    },
  ])('refuses a malformed check: $why', async ({ payload }) => {
    const { hall, clerk, leader, guide } = await setUp();
    const ticketId = await visitOf(clerk, guide);
    const ack = await sendRaw(leader, 'spot-check:save', {
      commandId: `cmd-${Math.random().toString(36).slice(2, 12)}`,
      ...check(ticketId),
      ...payload,
    });
    expect(code(ack)).toBe('invalid_payload');
    expect(allChecks(hall)).toEqual([]);
  });
});

describe('a saved check is final', () => {
  it('a second check of the same visit is refused, the first kept', async () => {
    const { hall, clerk, leader, guide } = await setUp();
    const ticketId = await visitOf(clerk, guide);
    const { spotCheck } = ok(await send(leader, 'spot-check:save', check(ticketId)));
    expect(spotCheck).toMatchObject({ staffId: 'stf-clerk-1', leaderStaffId: 'stf-leader' });
    expect(spotCheck.totalPct).toBe(Math.round(((10 + 10 + 10 + 10 + 10) / 100) * 100));
    const again = await send(leader, 'spot-check:save', check(ticketId, { scores: scores(0) }));
    expect(code(again)).toBe('spot_check_exists');
    expect(allChecks(hall)).toEqual([spotCheck]);
  });

  it('the database refuses an edit or a delete that slips past the commands', async () => {
    const { hall, clerk, leader, guide } = await setUp();
    const ticketId = await visitOf(clerk, guide);
    const { spotCheck } = ok(await send(leader, 'spot-check:save', check(ticketId)));
    const db = hall.server.hall.store.db;
    expect(() => db.prepare('UPDATE spot_checks SET total_pct = 100').run()).toThrow(/final/);
    expect(() => db.prepare('DELETE FROM spot_checks').run()).toThrow(/final/);
    expect(allChecks(hall)).toEqual([spotCheck]);
  });

  it('a checklist changed later leaves the checks already saved as scored', async () => {
    const { hall, url, clerk, leader, guide } = await setUp();
    const ticketId = await visitOf(clerk, guide);
    const { spotCheck } = ok(await send(leader, 'spot-check:save', check(ticketId)));
    const admin = (await staffOn(url, 'demo-backoffice', '9000')).socket;
    const items = [{ id: 'smile', nameZh: '微笑', nameEn: 'Smile', weight: 10 }];
    ok(await send(admin, 'admin:save-spot-checklist', { serviceId: 'svc-billing', items }));
    expect(allChecks(hall)).toEqual([spotCheck]);
    // The next check of a billing visit is scored on the new list.
    const next = await visitOf(clerk, guide);
    const old = await send(leader, 'spot-check:save', check(next));
    expect(code(old)).toBe('invalid_payload');
    const { spotCheck: second } = ok(
      await send(
        leader,
        'spot-check:save',
        check(next, { scores: [{ itemId: 'smile', score: 7 }] }),
      ),
    );
    expect(second.totalPct).toBe(70);
  });
});

describe('checklists', () => {
  it.each([
    {
      why: 'an item id twice',
      items: [
        { id: 'a', nameZh: '一', nameEn: 'A', weight: 5 },
        { id: 'a', nameZh: '二', nameEn: 'B', weight: 5 },
      ],
      expected: 'invalid_payload',
    },
    {
      why: 'a weight of 0',
      items: [{ id: 'a', nameZh: '一', nameEn: 'A', weight: 0 }],
      expected: 'invalid_payload',
    },
    {
      why: 'an odd id',
      items: [{ id: '../A', nameZh: '一', nameEn: 'A', weight: 5 }],
      expected: 'invalid_payload',
    },
  ])('the admin cannot save a checklist with $why', async ({ items, expected }) => {
    const { url, leader } = await setUp();
    const admin = (await staffOn(url, 'demo-backoffice', '9000')).socket;
    expect(
      code(await send(admin, 'admin:save-spot-checklist', { serviceId: 'svc-billing', items })),
    ).toBe(expected);
    const { checklists } = ok(await send(leader, 'spot-check:checklists', {}));
    expect(checklists.find((l) => l.serviceId === 'svc-billing')?.custom).toBe(false);
  });

  it('a duty leader cannot change a checklist', async () => {
    const { leader } = await setUp();
    const items = [{ id: 'a', nameZh: '一', nameEn: 'A', weight: 5 }];
    expect(
      code(await send(leader, 'admin:save-spot-checklist', { serviceId: 'svc-billing', items })),
    ).toBe('forbidden');
  });
});

describe('reading checks and trends', () => {
  it('a clerk reads only their own checks, whoever they ask for', async () => {
    const { clerk, other, leader, guide } = await setUp();
    const ticketId = await visitOf(clerk, guide);
    ok(await send(leader, 'spot-check:save', check(ticketId)));
    const mine = ok(await send(clerk, 'spot-check:list', {}));
    expect(mine.spotChecks).toHaveLength(1);
    const asked = ok(await send(other, 'spot-check:list', { staffId: 'stf-clerk-1' }));
    expect(asked.spotChecks).toEqual([]);
  });

  it('a kiosk cannot ask for a clerk’s trend, nor their checks', async () => {
    const { url } = await setUp();
    const kiosk = await device(url, 'demo-kiosk-1');
    expect(
      code(await send(kiosk, 'report:clerk-trend', { staffId: 'stf-clerk-1', months: 3 })),
    ).toBe('forbidden');
    expect(code(await send(kiosk, 'spot-check:list', {}))).toBe('forbidden');
    const stranger = await device(url);
    expect(
      code(await send(stranger, 'report:clerk-trend', { staffId: 'stf-clerk-1', months: 3 })),
    ).toBe('not_paired');
  });

  it.each([10_000, 25, 0, -1, 1.5])('a trend of %s months is refused', async (months) => {
    const { leader } = await setUp();
    expect(code(await send(leader, 'report:clerk-trend', { staffId: 'stf-clerk-1', months }))).toBe(
      'invalid_payload',
    );
  });

  it('a trend of 24 months answers every month, the check in the last', async () => {
    const { clerk, leader, guide } = await setUp();
    const ticketId = await visitOf(clerk, guide);
    ok(await send(leader, 'spot-check:save', check(ticketId)));
    const trend = ok(
      await send(leader, 'report:clerk-trend', { staffId: 'stf-clerk-1', months: 24 }),
    );
    expect(trend.months).toHaveLength(24);
    expect(trend.months.at(-1)).toMatchObject({
      month: '2025-03',
      served: 1,
      spotChecks: 1,
      spotCheckAvgPct: 50,
    });
    expect(
      code(await send(leader, 'report:clerk-trend', { staffId: 'no-such-staff', months: 2 })),
    ).toBe('not_found');
  });
});

import type { Case } from '@onestop/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { demoSeed } from './app/seed';
import {
  clerkAtCounter,
  connectClient,
  ok,
  send,
  startTestHall,
  type HallClient,
  type TestHall,
} from './test-support/hall-harness';

// 限时办结 over the hall's own clock (issue 15 item 7): a case due at T raises case_due_soon
// within the warning before T and case_overdue once past T; both are open alerts the console
// counts, and the overdue case counts against the reports' 工单按期率. The warning is a hall
// setting: hours before the due time (24 by default) or a share of the time promised.

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 24, 1, 0); // 09:00 in Shanghai

let hall: TestHall;
let now: number;

afterEach(async () => {
  await hall?.close();
});

async function startHall(): Promise<void> {
  now = T0;
  hall = await startTestHall({ clock: () => now, seed: demoSeed(now) });
}

/** A case of `caseTypeId` opened now by clerk 100n at counter n from a served visit. */
async function openCase(caseTypeId: string, n = 1): Promise<Case> {
  const url = hall.server.url;
  const kiosk = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
  const clerk = await clerkAtCounter(url, {
    deviceToken: `demo-desk-${n}`,
    staffNo: `100${n}`,
    pin: `100${n}`,
    counterId: `ctr-${n}`,
  });
  const { ticket } = ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' }));
  ok(await send(clerk.socket, 'ticket:call', { ticketId: ticket.id }));
  ok(await send(clerk.socket, 'ticket:start', { ticketId: ticket.id }));
  const opened = ok(
    await send(clerk.socket, 'case:open', { ticketId: ticket.id, caseTypeId, summary: '表箱漏电' }),
  ).case;
  ok(await send(clerk.socket, 'ticket:finish', { ticketId: ticket.id, outcome: 'completed' }));
  kiosk.disconnect();
  clerk.socket.disconnect();
  return opened;
}

/** The duty leader signed in afresh (the clock may have passed their session's limits). */
async function leader(): Promise<HallClient> {
  const socket = await connectClient(hall.server.url, { deviceToken: 'demo-console' });
  ok(await send(socket, 'staff:sign-in', { staffNo: '8001', pin: '8001' }));
  return socket;
}

/** The sweep at `at`, then the open alerts about the case, by kind. */
async function alertsAt(at: number, caseId: string): Promise<string[]> {
  now = at;
  hall.server.alerts.runOnce();
  const console_ = await leader();
  const snapshot = ok(await send(console_, 'hall:snapshot', {}));
  console_.disconnect();
  return snapshot.alerts
    .filter((a) => a.subjectId === caseId && a.acknowledgedAt === null)
    .map((a) => a.kind);
}

describe('a case due at T, by the hall clock', () => {
  it('warns 24 h before, alerts at T, and counts against the on-time rate', async () => {
    await startHall();
    const c = await openCase('ct-fault');
    const T = c.dueAt;
    expect(await alertsAt(T - 25 * HOUR, c.id)).toEqual([]);
    expect(await alertsAt(T - 23 * HOUR, c.id)).toEqual(['case_due_soon']);
    // Still due soon at T itself: the limit is kept up to its last moment.
    expect(await alertsAt(T, c.id)).toEqual(['case_due_soon']);
    const due = await leader();
    const dueDay = ok(await send(due, 'hall:snapshot', {})).businessDay;
    const before = ok(await send(due, 'report:get', { from: dueDay, to: dueDay })).cases;
    expect(before).toMatchObject({ open: 1, overdue: 0, onTimeRate: null });
    due.disconnect();

    // Past T: the next business day; yesterday's warning expired, the overdue alert is live.
    expect(await alertsAt(T + 1, c.id)).toEqual(['case_overdue']);
    const late = await leader();
    const snapshot = ok(await send(late, 'hall:snapshot', {}));
    expect(snapshot.alerts.filter((a) => a.acknowledgedAt === null).map((a) => a.kind)).toContain(
      'case_overdue',
    );
    const report = ok(
      await send(late, 'report:get', { from: dueDay, to: snapshot.businessDay }),
    ).cases;
    expect(report).toMatchObject({ overdue: 1, onTimeRate: 0 });
    late.disconnect();
  }, 30_000);
});

/** The admin signed in afresh on the back office's desk. */
async function admin(): Promise<HallClient> {
  const socket = await connectClient(hall.server.url, { deviceToken: 'demo-backoffice' });
  ok(await send(socket, 'staff:sign-in', { staffNo: '9000', pin: '9000' }));
  return socket;
}

describe('the warning as a hall setting', () => {
  it('warns a share of the promised time before T, or a set number of hours', async () => {
    await startHall();
    let settings = await admin();
    ok(
      await send(settings, 'admin:configure', {
        settings: { caseWarning: { by: 'share', percent: 50 } },
      }),
    );
    expect(ok(await send(settings, 'hall:snapshot', {})).config.caseWarning).toEqual({
      by: 'share',
      percent: 50,
    });
    settings.disconnect();
    const c = await openCase('ct-account'); // 5 days: promised from now to the 5th day's end
    const half = (c.dueAt - c.openedAt) / 2;
    expect(await alertsAt(c.dueAt - half - HOUR, c.id)).toEqual([]);
    expect(await alertsAt(c.dueAt - half + HOUR, c.id)).toEqual(['case_due_soon']);

    settings = await admin();
    ok(
      await send(settings, 'admin:configure', {
        settings: { caseWarning: { by: 'hours', hours: 6 } },
      }),
    );
    settings.disconnect();
    const repair = await openCase('ct-fault', 2);
    expect(await alertsAt(repair.dueAt - 7 * HOUR, repair.id)).toEqual([]);
    expect(await alertsAt(repair.dueAt - 5 * HOUR, repair.id)).toEqual(['case_due_soon']);
  }, 30_000);

  it('refuses a warning out of range or of an unknown kind', async () => {
    await startHall();
    const settings = await admin();
    for (const caseWarning of [
      { by: 'hours', hours: 0 },
      { by: 'hours', hours: 1000 },
      { by: 'hours', hours: 2.5 },
      { by: 'share', percent: 0 },
      { by: 'share', percent: 95 },
      { by: 'days', days: 1 },
      { by: 'share', percent: 50, hours: 4 },
    ]) {
      const refused = await send(settings, 'admin:configure', {
        settings: { caseWarning } as never,
      });
      expect(refused, JSON.stringify(caseWarning)).toMatchObject({
        ok: false,
        code: 'invalid_payload',
      });
    }
    expect(ok(await send(settings, 'hall:snapshot', {})).config.caseWarning).toBeUndefined();
    settings.disconnect();
  });
});

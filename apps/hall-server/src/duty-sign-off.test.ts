import { beforeAll, describe, expect, it } from 'vitest';
import { clerkAtCounter, ok, send, type HallClient } from './test-support/hall-harness';
import {
  dissatisfiedRating,
  servedVisit,
  suiteHall,
  type SignedInStaff,
} from './test-support/suite-hall';

// The duty leader's sign-off (issue 15 item 12): a 不满意 follow-up nobody is assigned is on
// the duty leader's desk, so the leader cannot sign off while it is open; the refusal names what
// is left (the desk's follow-ups and the open alerts). A handover to the next duty leader, once
// acknowledged, gives them the follow-ups and lets the leader go; with nobody to hand to, the
// leader keeps them on the desk with a reason the audit log and the shift log keep.

describe("the duty leader's sign-off", () => {
  const hall = suiteHall();
  let kiosk: HallClient;
  let pad: HallClient;
  let clerk: SignedInStaff;
  let leader: HallClient;
  let admin: HallClient;

  /** A finished visit at counter 1 rated 不满意: an unassigned follow-up and an alert. */
  async function dissatisfiedVisit(watcher: HallClient): Promise<string> {
    const customer = { phone: null, accountNo: null, name: null };
    const ticket = await servedVisit(kiosk, clerk.socket, 'svc-billing', customer);
    return dissatisfiedRating(pad, watcher, ticket.id);
  }

  beforeAll(async () => {
    kiosk = await hall.device('demo-kiosk-1');
    pad = await hall.device('demo-pad-1');
    clerk = await hall.staffOn('demo-desk-1', '1001', 'ctr-1');
    leader = (await hall.staffOn('demo-console', '8001')).socket;
    admin = (await hall.staffOn('demo-backoffice', '9000')).socket;
    ok(
      await send(admin, 'admin:save-staff', {
        staff: { id: 'stf-leader-2', staffNo: '8002', name: '李值班', roles: ['duty_leader'] },
        pin: '739258',
      }),
    );
  });

  it('is refused while the desk holds a follow-up nobody is assigned, naming what is left', async () => {
    const before = ok(await send(leader, 'hall:snapshot', {}));
    const openAlertsBefore = before.alerts.filter((a) => a.acknowledgedAt === null).length;
    await dissatisfiedVisit(leader);
    const refused = await send(leader, 'staff:sign-out', {});
    expect(refused).toMatchObject({ ok: false, code: 'handover_required' });
    const message = refused.ok ? '' : refused.message;
    expect(message).toMatch(/1 follow-up\(s\) with no assignee on the duty desk/);
    expect(message).toMatch(new RegExp(`${openAlertsBefore + 1} open alert`));
    // The same follow-up is not the clerk's: they sign off freely.
    const desk2 = await hall.staffOn('demo-desk-2', '1002');
    ok(await send(desk2.socket, 'staff:sign-out', {}));
    desk2.socket.disconnect();
  });

  it('goes through once the next duty leader has acknowledged the handover, who then holds the follow-up', async () => {
    const snapshot = ok(await send(leader, 'hall:snapshot', {}));
    const deskFollowUps = snapshot.followUps.filter(
      (f) => f.state === 'open' && f.assigneeStaffId === null,
    );
    expect(deskFollowUps.length).toBeGreaterThan(0);

    // Only a duty leader takes the desk.
    expect(
      await send(leader, 'handover:create', { toStaffId: 'stf-clerk-2', note: '交班' }),
    ).toMatchObject({ ok: false, code: 'receiver_unfit' });
    const { handover } = ok(
      await send(leader, 'handover:create', {
        toStaffId: 'stf-leader-2',
        note: '不满意回访两件,请今天联系客户',
      }),
    );
    expect(handover.items.filter((i) => i.kind === 'desk_follow_up').map((i) => i.id)).toEqual(
      deskFollowUps.map((f) => f.id),
    );
    expect(handover.items.some((i) => i.kind === 'alert')).toBe(true);
    const waiting = await send(leader, 'staff:sign-out', {});
    expect(waiting).toMatchObject({ ok: false, code: 'handover_required' });
    expect(waiting.ok ? '' : waiting.message).toMatch(/awaits acknowledgement by stf-leader-2/);

    const next = await clerkAtCounter(hall.server.url, {
      deviceToken: 'demo-guide',
      staffNo: '8002',
      pin: '739258',
    });
    const seen = ok(await send(next.socket, 'hall:snapshot', {}));
    expect(seen.handovers.find((h) => h.id === handover.id)?.state).toBe('pending');
    ok(await send(next.socket, 'handover:acknowledge', { handoverId: handover.id }));

    const after = ok(await send(next.socket, 'hall:snapshot', {}));
    for (const f of deskFollowUps) {
      expect(after.followUps.find((x) => x.id === f.id)?.assigneeStaffId).toBe('stf-leader-2');
    }
    ok(await send(leader, 'staff:sign-out', {}));

    // Now they are the next leader's own: their sign-off is refused until handed on.
    const theirs = await send(next.socket, 'staff:sign-out', {});
    expect(theirs).toMatchObject({ ok: false, code: 'handover_required' });
    expect(theirs.ok ? '' : theirs.message).toContain('不满意评价');
    next.socket.disconnect();
  });

  it('with nobody to hand to, keeps the desk’s follow-ups there with a reason, audited', async () => {
    leader = (await hall.staffOn('demo-console', '8001')).socket;
    const followUpId = await dissatisfiedVisit(leader);
    expect(await send(leader, 'staff:sign-out', { reason: '' })).toMatchObject({
      ok: false,
      code: 'invalid_payload',
    });
    ok(await send(leader, 'staff:sign-out', { reason: '今日无接班人,明早值班长回访' }));
    const snapshot = ok(await send(admin, 'hall:snapshot', {}));
    expect(snapshot.followUps.find((f) => f.id === followUpId)?.assigneeStaffId).toBeNull();
    const log = ok(await send(admin, 'console:shift-log', { since: 0 }));
    const line = log.entries.find((e) => e.command === 'staff:sign-out');
    expect(line?.reason).toBe('今日无接班人,明早值班长回访');
  });
});

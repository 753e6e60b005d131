import { beforeAll, describe, expect, it } from 'vitest';
import { ok, send, type HallClient } from './test-support/hall-harness';
import {
  dissatisfiedRating,
  servedVisit,
  suiteHall,
  type SignedInStaff,
} from './test-support/suite-hall';

// A 不满意 follow-up that a clerk can work: Chinese text, the customer's callback phone masked,
// and the whole number revealed to its owner and the duty leader only, with a reason the audit
// log keeps.

describe('working a 不满意 follow-up', () => {
  const hall = suiteHall();
  let kiosk: HallClient;
  let pad: HallClient;
  let clerk: SignedInStaff;
  let other: SignedInStaff;
  let leader: HallClient;
  let followUpId: string;
  let ticketId: string;

  beforeAll(async () => {
    kiosk = await hall.device('demo-kiosk-1');
    pad = await hall.device('demo-pad-1');
    clerk = await hall.staffOn('demo-desk-1', '1001', 'ctr-1');
    other = await hall.staffOn('demo-desk-2', '1002');
    leader = (await hall.staffOn('demo-console', '8001')).socket;
    const customer = { phone: '13912345678', accountNo: null, name: null };
    ticketId = (await servedVisit(kiosk, clerk.socket, 'svc-billing', customer)).id;
    followUpId = await dissatisfiedRating(pad, leader, ticketId, ['waiting', 'attitude']);
  });

  it('reads in Chinese and carries the callback phone masked', async () => {
    const snapshot = ok(await send(leader, 'hall:snapshot', {}));
    const f = snapshot.followUps.find((x) => x.id === followUpId)!;
    expect(f.note).toBe('不满意评价:等候时间、服务态度');
    expect(f.callbackPhone).toBe('139****5678');
  });

  it('shows the whole number to its assignee and the duty leader, each time with a reason', async () => {
    // Unassigned, it is the duty leader's: a clerk cannot see it yet.
    expect(
      await send(clerk.socket, 'customer:reveal-contact', {
        subject: 'follow_up',
        id: followUpId,
        reason: '回访客户',
      }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    ok(await send(leader, 'follow-up:assign', { followUpId, assigneeStaffId: clerk.staffId }));

    expect(
      ok(
        await send(clerk.socket, 'customer:reveal-contact', {
          subject: 'follow_up',
          id: followUpId,
          reason: '回访客户,致歉',
        }),
      ),
    ).toEqual({ phone: '13912345678' });
    expect(
      ok(
        await send(leader, 'customer:reveal-contact', {
          subject: 'follow_up',
          id: followUpId,
          reason: '值班领导抽查回访',
        }),
      ),
    ).toEqual({ phone: '13912345678' });
  });

  it('refuses another clerk, and a reveal without a reason', async () => {
    expect(
      await send(other.socket, 'customer:reveal-contact', {
        subject: 'follow_up',
        id: followUpId,
        reason: '想看看',
      }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect(
      await send(other.socket, 'customer:reveal-contact', {
        subject: 'ticket',
        id: ticketId,
        reason: '想看看',
      }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    for (const reason of ['', ' ', 'x']) {
      expect(
        await send(clerk.socket, 'customer:reveal-contact', {
          subject: 'follow_up',
          id: followUpId,
          reason,
        }),
      ).toMatchObject({ ok: false, code: 'invalid_payload' });
    }
    expect(
      await send(clerk.socket, 'customer:reveal-contact', {
        subject: 'follow_up',
        id: 'no-such-follow-up',
        reason: '回访客户',
      }),
    ).toMatchObject({ ok: false, code: 'not_found' });
    // The visit's own clerk may see the visit's number.
    expect(
      ok(
        await send(clerk.socket, 'customer:reveal-contact', {
          subject: 'ticket',
          id: ticketId,
          reason: '核对联系方式',
        }),
      ),
    ).toEqual({ phone: '13912345678' });
  });

  it('leaves each reveal, granted or refused, in the audit log with its reason and no number', () => {
    const rows = hall.server.hall.store.log
      .auditSince(0, 1000)
      .filter((a) => a.command === 'customer:reveal-contact');
    const summary = rows.map((a) => [a.staffId, a.reason, a.result]);
    expect(summary).toEqual(
      expect.arrayContaining([
        [clerk.staffId, '回访客户,致歉', 'ok'],
        ['stf-leader', '值班领导抽查回访', 'ok'],
        [other.staffId, '想看看', 'forbidden'],
      ]),
    );
    for (const a of rows) expect(JSON.stringify(a)).not.toContain('13912345678');
  });
});

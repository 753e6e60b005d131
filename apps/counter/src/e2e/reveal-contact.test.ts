import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clerkAtCounter,
  connectClient,
  nextChange,
  ok,
  send,
  type HallClient,
} from '@onestop/hall-server/test-support/hall-harness';
import { hasChromium, sizes } from '../../test-support/browser';
import { clerkAt, kioskSocket, leaderAt } from '../../test-support/demo-staff';
import { useCounterScene } from '../../test-support/scene';

// Revealing a follow-up's callback phone on its owner's desk at 1366x768 (issue 15 item 5): the
// number is masked until the owner gives a reason; then it shows whole, and the audit log and
// the duty leader's shift log keep who saw it and why. Another clerk is refused.

const PHONE = '13912345678';

const scene = useCounterScene();
let desk: Page;
let leader: HallClient;
let other: HallClient;
let followUpId: string;

const store = () => scene.store();
const staffId = scene.staffId;

beforeAll(async () => {
  if (!hasChromium) return;
  const url = scene.url;
  // A visit with a callback phone served at counter 2, rated 不满意 on its pad.
  const kiosk = await kioskSocket(url);
  const pad = await connectClient(url, { deviceToken: 'demo-pad-2' });
  const server = await clerkAt(url, 2);
  leader = (await leaderAt(url)).socket;
  other = (await clerkAtCounter(url, { deviceToken: 'demo-desk-3', staffNo: '1003', pin: '1003' }))
    .socket;
  const { ticket } = ok(
    await send(kiosk, 'ticket:issue', {
      serviceId: 'svc-billing',
      customer: { phone: PHONE, accountNo: null, name: null },
    }),
  );
  ok(await send(server.socket, 'ticket:call', { ticketId: ticket.id }));
  ok(await send(server.socket, 'ticket:start', { ticketId: ticket.id }));
  ok(await send(server.socket, 'ticket:finish', { ticketId: ticket.id, outcome: 'completed' }));
  const raised = nextChange(leader, (c) => (c.records.followUps?.length ?? 0) > 0);
  ok(
    await send(pad, 'evaluation:submit', {
      ticketId: ticket.id,
      score: 'dissatisfied',
      reasons: ['attitude'],
    }),
  );
  followUpId = (await raised).records.followUps![0]!.id;
  // The duty leader gives the follow-up to clerk 1001, who works it on desk 1.
  ok(await send(leader, 'follow-up:assign', { followUpId, assigneeStaffId: staffId('1001') }));
  for (const s of [kiosk, pad, server.socket]) s.disconnect();

  desk = await scene.desk(1);
}, 60_000);

afterAll(async () => {
  leader?.disconnect();
  other?.disconnect();
});

describe.skipIf(!hasChromium)("revealing a follow-up's callback phone on the owner's desk", () => {
  it('needs a reason, then shows the whole number; the audit and shift log keep who and why', async () => {
    expect(sizes.workstation).toEqual({ width: 1366, height: 768 });
    await desk.locator('[data-tab="mine"]').click();
    const item = desk.getByTestId('my-follow-up').filter({ hasText: '服务态度' });
    const phone = item.getByTestId('callback-phone');
    await phone.filter({ hasText: '139****5678' }).waitFor();
    expect(await item.textContent()).not.toContain(PHONE);

    await phone.getByRole('button', { name: '显示号码' }).click();
    const confirm = phone.getByRole('button', { name: '显示', exact: true });
    expect(await confirm.isDisabled()).toBe(true);
    await phone.getByLabel('查看原因').fill('x');
    expect(await confirm.isDisabled()).toBe(true);
    const reason = '回访客户,为服务态度致歉';
    await phone.getByLabel('查看原因').fill(reason);
    await confirm.click();
    const shown = item.getByTestId('revealed-phone');
    await shown.filter({ hasText: PHONE }).waitFor();
    expect(await shown.textContent()).toContain('请用办公电话回拨');
    const box = await shown.boundingBox();
    expect(box && box.x + box.width <= 1366 && box.y + box.height <= 768).toBe(true);

    const audited = store()
      .log.auditSince(0, 2000)
      .filter((e) => e.command === 'customer:reveal-contact' && e.result === 'ok');
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ staffId: staffId('1001'), reason });
    const log = ok(await send(leader, 'console:shift-log', { since: 0 }));
    const line = log.entries.find((e) => e.command === 'customer:reveal-contact');
    expect(line).toMatchObject({ reason, who: { name: '李明' } });
    expect(line?.zh).toContain('查看客户完整号码(回访)');
    expect(JSON.stringify(log)).not.toContain(PHONE);
  }, 60_000);

  it('refuses another clerk, whose desk never shows the number', async () => {
    const refused = await send(other, 'customer:reveal-contact', {
      subject: 'follow_up',
      id: followUpId,
      reason: '帮同事回访',
    });
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
    const theirs = await scene.desk(4);
    await theirs.locator('[data-tab="mine"]').click();
    await theirs.getByTestId('mine').waitFor();
    expect(await theirs.getByTestId('my-follow-up').count()).toBe(0);
    expect(await theirs.content()).not.toContain(PHONE);
    const refusals = store()
      .log.auditSince(0, 2000)
      .filter((e) => e.command === 'customer:reveal-contact' && e.result !== 'ok');
    expect(refusals.map((e) => e.staffId)).toContain(staffId('1003'));
    await theirs.context().close();
  }, 60_000);
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ok, send, type HallClient } from '@onestop/hall-server/test-support/hall-harness';
import { openScreen, signIn } from '../../../../test-support/browser';
import { clerkAt, openConsole, openTab, serveAndRate } from '../../../../test-support/console-hall';
import { adminSocket, consoleHall, hasChromium } from './console-e2e';

// The duty leader's sign-off on the console at the smaller desk screen, 1366x768 (issue 15
// item 12): a 不满意 rating leaves a follow-up nobody is assigned and an alert; the shift tab
// lists what is left, the sign-off is refused naming it, the desk is handed to the next duty
// leader (only duty leaders are offered), who sees the items and acknowledges; then the leader
// signs off. With nobody to take over, the follow-ups stay on the desk with a reason.

const size = { width: 1366, height: 768 } as const;
const NEXT_PIN = '739258';

let leader: Page;
let clerk2: HallClient;
let admin: HallClient;
const world = consoleHall({
  ready: async ({ browser, url, sockets }) => {
    clerk2 = (await clerkAt(url, 2)).socket;
    admin = await adminSocket(url);
    sockets.push(clerk2, admin);
    ok(
      await send(admin, 'admin:save-staff', {
        staff: { id: 'stf-leader-2', staffNo: '8002', name: '李值班', roles: ['duty_leader'] },
        pin: NEXT_PIN,
      }),
    );
    leader = await openConsole(browser, url, '8001', size);
  },
});

/** A visit at counter 2 rated 不满意 (a follow-up and an alert); the leader opens the shift tab. */
async function dissatisfiedOnShiftTab(reason: 'waiting' | 'attitude') {
  await serveAndRate(world.url, {
    counter: 2,
    clerk: clerk2,
    serviceId: 'svc-billing',
    score: 'dissatisfied',
    reasons: [reason],
  });
  await openTab(leader, 'shift');
}

const onScreen = async (page: Page, testId: string) => {
  const box = await page.getByTestId(testId).first().boundingBox();
  return box !== null && box.x >= 0 && box.x + box.width <= size.width;
};

describe.skipIf(!hasChromium)("the duty leader's sign-off at 1366x768", () => {
  it('lists what is left, is refused naming it, and hands the desk to the next duty leader', async () => {
    const url = world.url;
    await dissatisfiedOnShiftTab('waiting');
    const left = leader.getByTestId('what-is-left');
    await left.getByTestId('desk-follow-ups').filter({ hasText: '不满意评价' }).waitFor();
    await left.getByTestId('open-alerts').filter({ hasText: '不满意评价 × 1' }).waitFor();
    expect(await onScreen(leader, 'what-is-left')).toBe(true);

    // Signing off now is refused, and the refusal names what is left.
    await leader.getByTestId('sign-off').click();
    const refusal = leader.locator('[data-testid="refusal"][data-code="handover_required"]');
    await refusal.filter({ hasText: '1 follow-up(s) with no assignee' }).waitFor();
    expect(await refusal.textContent()).toMatch(/open alert/);

    // The desk goes to a duty leader only: no clerk is offered.
    const form = leader.getByTestId('new-handover');
    const receivers = await form.getByRole('combobox').locator('option').allTextContents();
    expect(receivers.some((r) => r.includes('李值班 (8002)'))).toBe(true);
    expect(receivers.some((r) => r.includes('(1002)'))).toBe(false);
    await form.getByRole('combobox').selectOption('stf-leader-2');
    await form.getByLabel('交接说明').fill('不满意回访一件,请今天联系客户');
    await form.getByRole('button', { name: '提交交接' }).click();
    await leader.getByTestId('my-handover').filter({ hasText: '李值班' }).waitFor();

    // The next duty leader sees the handover with the desk's items, and acknowledges it.
    const next = await openScreen(world.browser, `${url}/console?token=demo-guide`, size);
    await signIn(next, '8002', NEXT_PIN);
    await next.getByTestId('console').waitFor();
    await openTab(next, 'shift');
    const incoming = next.getByTestId('incoming-handover');
    await incoming
      .locator('li[data-kind="desk_follow_up"]')
      .filter({ hasText: '不满意评价' })
      .waitFor();
    await incoming.locator('li[data-kind="alert"]').filter({ hasText: '不满意评价' }).waitFor();
    expect(await onScreen(next, 'incoming-handover')).toBe(true);
    await incoming.getByRole('button', { name: '确认接收' }).click();
    await incoming.waitFor({ state: 'detached' });
    // Now the follow-up is theirs, listed as their own at their sign-off.
    await next
      .getByTestId('what-is-left')
      .locator('li[data-kind="follow_up"]')
      .filter({ hasText: '不满意评价' })
      .waitFor();
    expect(await next.getByTestId('desk-follow-ups').count()).toBe(0);

    // The leader may go now.
    await leader.getByTestId('sign-off').click();
    await leader.getByTestId('sign-in').waitFor();
    await next.context().close();
  }, 120_000);

  it('with nobody to take over, keeps the desk’s follow-ups on the desk with a reason', async () => {
    await signIn(leader, '8001');
    await leader.getByTestId('console').waitFor();
    await dissatisfiedOnShiftTab('attitude');
    const keep = leader.getByTestId('keep-on-desk');
    await keep.waitFor();
    const button = keep.getByRole('button', { name: '留在值班台并退出' });
    expect(await button.isDisabled()).toBe(true);
    const reason = '今日最后一班,明早值班领导回访';
    await keep.getByLabel('留在值班台的原因').fill(reason);
    await button.click();
    await leader.getByTestId('sign-in').waitFor();
    const audited = world.store.log
      .auditSince(0, 2000)
      .filter((e) => e.command === 'staff:sign-out' && e.result === 'ok')
      .at(-1);
    expect(audited?.reason).toBe(reason);
    const log = ok(await send(admin, 'console:shift-log', { since: 0 }));
    expect(log.entries.find((e) => e.command === 'staff:sign-out')?.reason).toBe(reason);
  }, 120_000);
});

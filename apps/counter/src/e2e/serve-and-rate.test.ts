import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, signIn, sizes } from '../../test-support/browser';
import {
  button,
  callAndStart,
  finishVisit,
  openCounter,
  useCounterScene,
} from '../../test-support/scene';

// The clerk's day at counter 1 in Chromium: sign in, take the counter, open it, call, start,
// finish with an outcome; the counter's pad asks the customer, and what the customer taps (or
// does not tap) is what the hall server stores. The hall's clock is injected so the pad's
// time-out passes without waiting.

let offset = 0;
const clock = () => Date.now() + offset;
const scene = useCounterScene({ clock });
let desk: Page;
let pad: Page;

const store = () => scene.store();
const ticketById = (id: string) => store().tickets.byId(id)!;
const issue = () => scene.issue('svc-billing');

/** Calls the next customer, starts and finishes with the default outcome, by the buttons. */
async function serveOne(number: string) {
  await callAndStart(desk, number);
  await finishVisit(desk);
}

describe.skipIf(!hasChromium)('serving and rating at counter 1', () => {
  it('signs the clerk in, opens the counter, calls, starts and finishes with an outcome and items; the pad then asks with four buttons and the rating reaches the server', async () => {
    pad = await scene.pad(1);
    await pad.locator('[data-screen="closed"]').waitFor();

    desk = await scene.open('/counter?token=demo-desk-1', sizes.workstation);
    await desk.getByTestId('sign-in').waitFor();
    await signIn(desk, '1001');
    await desk.getByTestId('counter-chooser').waitFor();
    await desk.locator('button[data-counter="1"]').click();
    await desk.getByTestId('workstation').waitFor();
    expect(await button(desk, 'callNext').isDisabled()).toBe(true); // not open yet
    await openCounter(desk);
    expect(store().counters.byId('ctr-1')).toMatchObject({ state: 'open' });

    // The pad shows the clerk while nobody is being served.
    await pad.locator('[data-screen="idle"]').waitFor();
    expect(await pad.getByTestId('pad-clerk').textContent()).toBe('李明');

    const ticket = await issue();
    await button(desk, 'callNext').click();
    await desk.getByTestId('current-number').filter({ hasText: ticket.number }).waitFor();
    expect(ticketById(ticket.id)).toMatchObject({ state: 'called', counterId: 'ctr-1' });
    await button(desk, 'start').click();
    await desk.getByTestId('current-owner').filter({ hasText: '李明 (1001)' }).waitFor();
    expect(ticketById(ticket.id)).toMatchObject({ state: 'serving' });
    expect(ticketById(ticket.id).ownerStaffId).toBe(scene.staffId('1001'));

    // No rating from the workstation: the pad asks only after the finish.
    expect(await desk.getByRole('button', { name: '满意' }).count()).toBe(0);
    expect(await pad.locator('[data-screen="ask"]').count()).toBe(0);

    await button(desk, 'finish').click();
    const finish = desk.getByTestId('finish-dialog');
    await finish.getByLabel('当场办结').check();
    await finish.getByLabel('缴纳电费').check();
    await finish.getByLabel('其他事项').fill('打印缴费凭证');
    await finish.getByRole('button', { name: '添加' }).click();
    await finish.getByRole('button', { name: '办结', exact: true }).click();
    await desk.getByTestId('no-ticket').waitFor();
    expect(ticketById(ticket.id)).toMatchObject({
      state: 'done',
      outcome: 'completed',
      items: ['缴纳电费', '打印缴费凭证'],
    });

    await pad.locator('[data-screen="ask"]').waitFor();
    const scores = pad.locator('.pad-scores button');
    expect(await scores.allTextContents()).toEqual(['非常满意', '满意', '一般', '不满意']);
    expect(await pad.locator('.pad-clerk').textContent()).toContain('李明');
    expect(store().evaluations.byTicket(ticket.id)).toMatchObject({ state: 'pending' });

    await pad.getByRole('button', { name: '满意', exact: true }).click();
    await pad.locator('[data-screen="thanks"]').waitFor();
    expect(store().evaluations.byTicket(ticket.id)).toMatchObject({
      state: 'rated',
      score: 'satisfied',
      reasons: [],
    });
  }, 120_000);

  it('takes 不满意 with its reasons and raises an alert and a follow-up for the duty leader', async () => {
    const ticket = await issue();
    await serveOne(ticket.number);
    await pad.locator('[data-screen="ask"]').waitFor();
    await pad.getByRole('button', { name: '不满意' }).click();
    await pad.locator('[data-screen="reasons"]').waitFor();
    const reasons = pad.locator('div.pad-reasons button');
    expect(await reasons.allTextContents()).toEqual([
      '服务态度',
      '等候时间',
      '办事效率',
      '专业水平',
      '其他',
    ]);
    await pad.getByRole('button', { name: '服务态度' }).click();
    await pad.getByRole('button', { name: '等候时间' }).click();
    expect(await pad.getByRole('button', { name: '等候时间' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await pad.getByRole('button', { name: '提交评价' }).click();
    await pad.locator('[data-screen="thanks"]').waitFor();

    const evaluation = store().evaluations.byTicket(ticket.id)!;
    expect(evaluation).toMatchObject({
      state: 'rated',
      score: 'dissatisfied',
      reasons: ['attitude', 'waiting'],
    });
    const alerts = store().alerts.current(0);
    expect(
      alerts.filter((a) => a.kind === 'dissatisfied' && a.subjectId === evaluation.id),
    ).toHaveLength(1);
    expect(
      store()
        .followUps.current(0)
        .filter((f) => f.ticketId === ticket.id && f.source === 'dissatisfied'),
    ).toHaveLength(1);
  }, 60_000);

  it('records "not rated" when nobody answers within the time-out, never a score', async () => {
    // The thank-you screen of the answer before lasts a few seconds.
    await pad.locator('[data-screen="idle"]').waitFor({ timeout: 15_000 });
    const ticket = await issue();
    await serveOne(ticket.number);
    await pad.locator('[data-screen="ask"]').waitFor();

    offset += (store().hall.state().config.evaluationTimeoutSec + 1) * 1000;
    scene.hall.server.hall.sweep();
    await pad.locator('[data-screen="idle"]').waitFor();
    expect(store().evaluations.byTicket(ticket.id)).toMatchObject({
      state: 'not_rated',
      score: null,
      reasons: [],
    });
    expect(await pad.locator('.pad-scores').count()).toBe(0);
  }, 60_000);
});

import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { hasChromium } from '../../test-support/browser';
import { button, openCounter, useCounterScene } from '../../test-support/scene';
import { commandIdsOf, lossyLink } from '@onestop/hall-server/test-support/lossy-link';

// The workstation by keyboard, and what it does when clicks come twice, an answer is lost or
// the hall server goes away: one call per intent, the offline state said plainly with nothing
// sent, and recovery by itself when the server is back.

const scene = useCounterScene();
const pages: Page[] = [];

afterEach(async () => {
  for (const page of pages.splice(0)) await page.context().close();
});

/** A step that must end: a hang shows as an error naming the step, not as a test time-out. */
async function within<T>(ms: number, step: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${step}: no end after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

const store = () => scene.store();
const today = () => scene.today();
const issue = (serviceId = 'svc-billing') => within(10_000, 'ticket:issue', scene.issue(serviceId));
/** Tickets called to or served at a counter now, by the server. */
const atCounter = (counterId: string) =>
  today().filter((t) => t.counterId === counterId && ['called', 'serving'].includes(t.state));

/** A page closed after the test. */
async function kept(page: Promise<Page>): Promise<Page> {
  pages.push(await page);
  return pages.at(-1)!;
}

describe.skipIf(!hasChromium)(
  'the workstation by keyboard, and across lost answers and links',
  () => {
    it('shows each action’s key on its button and does every step by keyboard', async () => {
      const desk = await kept(scene.desk(1));
      const pad = await kept(scene.pad(1));
      expect(await button(desk, 'callNext').locator('kbd').textContent()).toBe('F1');
      expect(await button(desk, 'finish').locator('kbd').textContent()).toBe('F4');
      expect(await button(desk, 'walkIn').getAttribute('aria-keyshortcuts')).toBe('Alt+W');

      await desk.keyboard.press('Alt+KeyO');
      await desk.locator('[data-testid="counter-state"][data-state="open"]').waitFor();
      const first = await issue();
      await desk.keyboard.press('F1');
      await desk.getByTestId('current-number').filter({ hasText: first.number }).waitFor();
      await desk.keyboard.press('F2');
      await desk.getByTestId('recall-count').filter({ hasText: '1/' }).waitFor();
      expect(store().tickets.byId(first.id)!.recallCount).toBe(1);
      await desk.keyboard.press('F3');
      await desk.getByTestId('current-state').filter({ hasText: '办理中' }).waitFor();
      await desk.keyboard.press('F4');
      await desk.getByTestId('finish-dialog').waitFor();
      await desk.keyboard.press('Escape');
      await desk.getByTestId('finish-dialog').waitFor({ state: 'detached' });
      expect(store().tickets.byId(first.id)!.state).toBe('serving');
      await desk.keyboard.press('F4');
      await desk.getByTestId('finish-dialog').waitFor();
      await desk.keyboard.press('Enter');
      await desk.getByTestId('no-ticket').waitFor();
      expect(store().tickets.byId(first.id)).toMatchObject({ state: 'done', outcome: 'completed' });
      await pad.getByRole('button', { name: '满意', exact: true }).click(); // the customer rates
      await pad.locator('[data-screen="thanks"]').waitFor();

      // Alt+C: a specific ticket, not the first in line.
      await issue();
      const chosen = await issue();
      await desk.keyboard.press('Alt+KeyC');
      const dialog = desk.getByTestId('call-ticket-dialog');
      await dialog.locator('li', { hasText: chosen.number }).getByRole('button').click();
      await desk.getByTestId('current-number').filter({ hasText: chosen.number }).waitFor();
      await desk.keyboard.press('F10'); // back to the queue
      await desk.getByTestId('no-ticket').waitFor();
      expect(store().tickets.byId(chosen.id)!.state).toBe('waiting');

      // F6 no-show is offered only after the configured recalls.
      await desk.keyboard.press('F1');
      await desk.getByTestId('current-number').waitFor();
      const [called] = atCounter('ctr-1');
      const recalls = store().hall.state().config.recallsBeforeNoShow;
      expect(await button(desk, 'noShow').isDisabled()).toBe(true);
      for (let i = 1; i <= recalls; i++) {
        await desk.keyboard.press('F2');
        await desk
          .getByTestId('recall-count')
          .filter({ hasText: `${i}/${recalls}` })
          .waitFor();
      }
      await expect.poll(() => button(desk, 'noShow').isEnabled()).toBe(true);
      await desk.keyboard.press('F6');
      await desk.getByTestId('no-ticket').waitFor();
      expect(store().tickets.byId(called!.id)).toMatchObject({
        state: 'no_show',
        recallCount: recalls,
      });

      // Alt+P pauses with a reason; the keys of a closed dialog do nothing meanwhile.
      await desk.keyboard.press('Alt+KeyP');
      await desk.getByTestId('pause-dialog').getByLabel('会议').check();
      await desk.keyboard.press('F1'); // a dialog is open: no call
      await desk
        .getByTestId('pause-dialog')
        .getByRole('button', { name: '暂停', exact: true })
        .click();
      await desk.locator('[data-testid="counter-state"][data-state="paused"]').waitFor();
      expect(store().counters.byId('ctr-1')).toMatchObject({
        state: 'paused',
        pauseReason: 'meeting',
      });
      expect(atCounter('ctr-1')).toHaveLength(0);
      await desk.keyboard.press('F1'); // paused: nothing to call
      await pad.locator('[data-screen="paused"]').waitFor(); // the customer sees it too
      await desk.keyboard.press('Alt+KeyO');
      await desk.locator('[data-testid="counter-state"][data-state="open"]').waitFor();
      expect(atCounter('ctr-1')).toHaveLength(0);
      await pad.locator('[data-screen="idle"]').waitFor();

      // Alt+X closes the counter.
      await desk.keyboard.press('Alt+KeyX');
      await desk.locator('[data-testid="counter-state"][data-state="closed"]').waitFor();
      expect(store().counters.byId('ctr-1')).toMatchObject({ state: 'closed' });
      await pad.locator('[data-screen="closed"]').waitFor();
    }, 120_000);

    it('calls once on a double click, and once when the answer to the call is lost and retried', async () => {
      const link = lossyLink('ticket:call-next');
      const { sent } = link;
      // Counter 4 serves new connections only: nothing left from the test before comes first.
      const desk = await kept(scene.desk(4, '1004', { beforeOpen: link.route }));
      await openCounter(desk);
      const a = await issue('svc-connection');
      const b = await issue('svc-connection');
      await button(desk, 'callNext').dblclick();
      await desk.getByTestId('current-number').filter({ hasText: a.number }).waitFor();
      expect(await button(desk, 'callNext').isDisabled()).toBe(true);
      await desk.keyboard.press('F1'); // a third try while serving nobody new: not offered
      expect(sent).toHaveLength(1);
      expect(atCounter('ctr-4').map((t) => t.number)).toEqual([a.number]);
      expect(store().tickets.byId(b.id)!.state).toBe('waiting');

      // Back to the queue, then a call whose answer never arrives: the page waits, refuses a
      // second press, and retries with the same command id; the server calls once.
      await button(desk, 'returnToQueue').click();
      await desk.getByTestId('no-ticket').waitFor();
      // Anything F1 had sent would have gone ahead of the return on the same socket.
      expect(sent).toHaveLength(1);
      sent.length = 0;
      link.losing = true;
      await button(desk, 'callNext').click();
      await expect.poll(() => button(desk, 'callNext').textContent()).toContain('发送中');
      await desk.keyboard.press('F1');
      await button(desk, 'callNext').click({ force: true });
      // The call shows at once (the hall's broadcast); the lost answer is asked for again.
      await desk.getByTestId('current-number').waitFor();
      expect(link.losing).toBe(false);
      await expect.poll(() => sent.length, { timeout: 30_000 }).toBe(2);
      await expect
        .poll(() => button(desk, 'callNext').textContent(), { timeout: 15_000 })
        .not.toContain('发送中');
      expect(sent).toHaveLength(2);
      const ids = commandIdsOf(sent);
      expect(ids[1]).toBe(ids[0]);
      expect(atCounter('ctr-4')).toHaveLength(1);
      const waiting = today().filter((t) => t.state === 'waiting' && [a.id, b.id].includes(t.id));
      expect(waiting).toHaveLength(1); // one of the two called, the other still in line
    }, 120_000);

    it('says it is offline when the hall server stops, sends nothing, and recovers by itself', async () => {
      const desk = await within(60_000, 'the desk at counter 3', kept(scene.desk(3)));
      const pad = await kept(scene.pad(3));
      await openCounter(desk);
      await pad.locator('[data-screen="idle"]').waitFor();
      await issue('svc-account');
      await button(desk, 'callNext').click();
      await desk.getByTestId('current-number').waitFor();
      const [ticket] = atCounter('ctr-3');

      scene.dropKiosk();
      await within(15_000, 'stopping the hall server', scene.hall.server.close());
      await desk.getByTestId('offline-banner').waitFor({ timeout: 20_000 });
      expect(await desk.getByTestId('offline-banner').textContent()).toContain('网络中断');
      // The last state stays on screen, marked stale, with every action off.
      expect(await desk.getByTestId('current-number').textContent()).toBe(ticket!.number);
      expect(await desk.getByTestId('workstation').getAttribute('class')).toContain('stale');
      expect(await button(desk, 'start').isDisabled()).toBe(true);
      expect(await button(desk, 'recall').isDisabled()).toBe(true);
      await desk.keyboard.press('F3');
      await pad.getByText('网络中断').waitFor({ timeout: 20_000 });

      await within(15_000, 'restarting the hall server', scene.hall.restart());
      await desk.getByTestId('offline-banner').waitFor({ state: 'detached', timeout: 30_000 });
      expect(store().tickets.byId(ticket!.id)!.state).toBe('called'); // F3 offline sent nothing
      await expect.poll(() => button(desk, 'start').isEnabled(), { timeout: 15_000 }).toBe(true);
      await button(desk, 'start').click();
      await desk.getByTestId('current-state').filter({ hasText: '办理中' }).waitFor();
      expect(store().tickets.byId(ticket!.id)!.state).toBe('serving');
      await pad.getByText('网络中断').waitFor({ state: 'detached', timeout: 20_000 });
    }, 120_000);
  },
);

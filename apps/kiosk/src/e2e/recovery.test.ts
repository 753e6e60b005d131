import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ok, send } from '@onestop/hall-server/test-support/hall-harness';
import { commandIdsOf, lossyLink } from '@onestop/hall-server/test-support/lossy-link';
import { hasChromium, printedCount } from '../../test-support/browser';
import { useHallScene } from '../../test-support/scene';

// Losing the hall server: the kiosk and the display say so plainly and come back by themselves
// when it is back; a ticket request in flight is retried with the same command id and yields
// exactly one ticket, whether the link dropped before the server got it or the answer was lost.

const scene = useHallScene();
const ticketsToday = () => scene.ticketsToday();

/** What each counter's tile on the display shows: `number` or `—` for none. */
async function boardOnScreen(display: Page): Promise<Record<string, string>> {
  return display.$$eval('.counter-tile', (tiles) =>
    Object.fromEntries(
      tiles.map((t) => [
        (t as HTMLElement).dataset.counter!,
        ['called', 'serving'].includes((t as HTMLElement).dataset.state!)
          ? t.querySelector('.counter-ticket')!.textContent!
          : '—',
      ]),
    ),
  );
}

/** The same, from the server's own state. */
function boardOnServer(): Record<string, string> {
  const tickets = ticketsToday();
  return Object.fromEntries(
    scene.hall.server.hall.store.counters.all().map((c) => {
      const here = tickets.filter(
        (t) => t.counterId === c.id && (t.state === 'called' || t.state === 'serving'),
      );
      return [String(c.number), here[0]?.number ?? '—'];
    }),
  );
}

describe.skipIf(!hasChromium)('the kiosk and the display across a lost hall server', () => {
  it('say they are offline, keep a ticket request made meanwhile, and recover by themselves with one ticket for it', async () => {
    const kiosk = await scene.open('kiosk');
    const display = await scene.open('display');
    await display.locator('.counter-tile').first().waitFor();
    await kiosk.getByRole('button', { name: /故障报修/ }).tap();
    const before = ticketsToday().length;

    await scene.hall.server.close();
    await expect
      .poll(() => kiosk.locator('.banner-offline').textContent(), { timeout: 20_000 })
      .toContain('请到引导台');
    await expect
      .poll(() => display.locator('.banner-offline').textContent(), { timeout: 20_000 })
      .toContain('正在自动重连');

    await kiosk.getByRole('button', { name: '跳过,直接取号' }).tap();
    await kiosk.getByText('您的取号请求已保留', { exact: false }).waitFor();

    await scene.hall.restart();
    await kiosk.getByTestId('ticket-number').waitFor({ timeout: 20_000 });
    const number = (await kiosk.getByTestId('ticket-number').textContent())!;
    expect(number).toMatch(/^D\d{3}$/);
    expect(ticketsToday().length).toBe(before + 1);
    await expect.poll(() => printedCount(kiosk)).toBe(1);
    await expect.poll(() => kiosk.locator('.banner').count(), { timeout: 15_000 }).toBe(0);

    // The display is back without anyone signing in, and shows what the server holds.
    await expect.poll(() => display.locator('.banner').count(), { timeout: 15_000 }).toBe(0);
    const clerk = await scene.clerk(2);
    expect(ok(await send(clerk.socket, 'ticket:call-next', {})).ticket.number).toBe(number);
    await expect
      .poll(() => display.locator('.counter-tile[data-counter="2"] .counter-ticket').textContent())
      .toBe(number);
    await expect.poll(() => boardOnScreen(display)).toEqual(boardOnServer());
    expect(await display.getByRole('heading', { name: '设备配对' }).count()).toBe(0);
    clerk.socket.disconnect();
    for (const p of [kiosk, display]) await p.context().close();
  }, 90_000);

  it('retries with the same command id when the answer to a ticket request is lost: one ticket', async () => {
    // Between page and server: note each ticket request, lose the first answer to one.
    const link = lossyLink('ticket:issue', { losing: true });
    const { sent } = link;
    const kiosk = await scene.open('kiosk', { beforeOpen: link.route });
    await kiosk.getByRole('button', { name: /电费缴纳/ }).tap();
    const before = ticketsToday().length;
    await kiosk.getByRole('button', { name: '跳过,直接取号' }).tap();
    await kiosk.getByTestId('ticket-number').waitFor({ timeout: 30_000 });

    expect(link.losing).toBe(false);
    expect(sent.length).toBe(2);
    const ids = commandIdsOf(sent);
    expect(ids[1]).toBe(ids[0]);
    expect(ticketsToday().length).toBe(before + 1);
    expect(await kiosk.getByTestId('ticket-number').textContent()).toBe(
      ticketsToday().at(-1)!.number,
    );
    await expect.poll(() => printedCount(kiosk)).toBe(1);
    await kiosk.context().close();
  }, 60_000);
});

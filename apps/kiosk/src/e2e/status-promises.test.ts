import type { Case } from '@onestop/shared';
import { ok, send, type HallClient } from '@onestop/hall-server/test-support/hall-harness';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../../test-support/browser';
import { useHallScene } from '../../test-support/scene';

// 承诺 on the customer's phone (issue 18 item 2): the status page of a visit lists the cases
// opened from it with their promised times, and a new time with the reason the customer was
// told; never a case of another visit.

const scene = useHallScene();
const HOUR = 3_600_000;

async function visitWithCase(
  clerk: HallClient,
  kiosk: HallClient,
  summary: string,
): Promise<{ c: Case; url: string }> {
  const issued = ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-billing' }));
  ok(await send(clerk, 'ticket:call', { ticketId: issued.ticket.id }));
  ok(await send(clerk, 'ticket:start', { ticketId: issued.ticket.id }));
  const { case: c } = ok(
    await send(clerk, 'case:open', { ticketId: issued.ticket.id, caseTypeId: 'ct-fault', summary }),
  );
  ok(await send(clerk, 'ticket:finish', { ticketId: issued.ticket.id, outcome: 'completed' }));
  return { c, url: `${scene.url}/status?ticket=${issued.ticket.id}&token=${issued.statusToken}` };
}

describe.skipIf(!hasChromium)('the phone status page shows the visit’s promises', () => {
  it('lists the case, its promised time and the new time with its reason, and no other visit’s case', async () => {
    const { socket: clerk } = await scene.clerk(1);
    const kiosk = await scene.kiosk();
    const mine = await visitWithCase(clerk, kiosk, '表箱漏电');
    const other = await visitWithCase(clerk, kiosk, '另一位客户的报修');
    ok(
      await send(clerk, 'promise:reset', {
        subject: { kind: 'case', id: mine.c.id },
        newDueAt: mine.c.dueAt + 24 * HOUR,
        reason: '配件缺货',
        told: 'call_logged',
      }),
    );
    clerk.disconnect();
    kiosk.disconnect();

    const phone = await scene.phone(mine.url);
    const cases = phone.getByTestId('status-case');
    await cases.first().waitFor();
    expect(await cases.count()).toBe(1);
    const text = await phone.getByTestId('status-cases').innerText();
    expect(text).toContain(mine.c.number);
    expect(text).toContain('故障报修');
    expect(text).toContain('配件缺货');
    expect(text).not.toContain(other.c.number);
    expect(await phone.getByTestId('status-change').count()).toBe(1);
    await phone.screenshot({ path: 'docs/screenshots/promise-status-phone.png', fullPage: true });
    await phone.getByRole('button', { name: 'English' }).tap();
    await phone.getByText('My cases and promised times').waitFor();
    expect(await phone.getByTestId('status-cases').innerText()).toContain('because 配件缺货');
    await phone.context().close();
  }, 120_000);
});

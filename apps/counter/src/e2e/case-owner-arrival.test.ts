import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clerkAtCounter, ok, send } from '@onestop/hall-server/test-support/hall-harness';
import { visitWithCase } from '@onestop/hall-server/test-support/suite-hall';
import { openScreen, signIn, sizes } from '../../test-support/browser';
import { kioskSocket } from '../../test-support/demo-staff';
import { consoleHall, hasChromium } from '../posts/duty/e2e/console-e2e';

// 首办责任制 in Chromium: 张丽 (1002) opens a case for a customer at counter 2 and signs out;
// the customer comes back for that business at the guide desk; 张丽's desk, once she signs in,
// shows 事项客户到厅 with the ticket's number, and dismissing it acknowledges the alert.
// Screenshot (UPDATE_SCREENSHOTS=1): docs/screenshots/case-owner-arrival.png.

const ACCOUNT = '3100000402';
// UPDATE_SCREENSHOTS=1 retakes the docs' picture; otherwise a test run leaves docs/ alone.
const shots = process.env.UPDATE_SCREENSHOTS
  ? fileURLToPath(new URL('../../../../docs/screenshots/', import.meta.url))
  : `${process.env.TMPDIR ?? '/tmp'}/`;
const world = consoleHall({ timeoutMs: 300_000 });

describe.skipIf(!hasChromium)('the case owner away', () => {
  it('is told on their desk that their case’s customer is here', async () => {
    mkdirSync(shots, { recursive: true });
    const kiosk = await kioskSocket(world.url);
    const owner = await clerkAtCounter(world.url, {
      deviceToken: 'demo-desk-2',
      staffNo: '1002',
      pin: '1002',
      counterId: 'ctr-2',
    });
    world.sockets.push(kiosk, owner.socket);
    const opened = await visitWithCase(kiosk, owner.socket, {
      serviceId: 'svc-fault',
      customer: { accountNo: ACCOUNT, phone: null, name: '王建国' },
      caseTypeId: 'ct-fault',
      summary: '表箱漏电',
    });
    ok(await send(owner.socket, 'counter:sign-out', {}));
    ok(await send(owner.socket, 'staff:sign-out', {}));

    const guide = await clerkAtCounter(world.url, {
      deviceToken: 'demo-guide',
      staffNo: '7001',
      pin: '7001',
    });
    world.sockets.push(guide.socket);
    const back = ok(
      await send(guide.socket, 'ticket:issue', {
        serviceId: 'svc-fault',
        customer: { accountNo: ACCOUNT, phone: null, name: null },
      }),
    );
    expect(back.ticket.targetCounterId).toBeNull();
    expect(back.accountManager).toBeUndefined();

    const desk = await openScreen(world.browser, `${world.url}/counter?token=demo-desk-2`, {
      ...sizes.workstation,
    });
    await signIn(desk, '1002');
    const notice = desk
      .locator('[data-testid="vip-arrival"][data-kind="case_customer_arrived"]')
      .filter({ hasText: back.ticket.number });
    await notice.waitFor();
    await expect
      .poll(() => notice.textContent())
      .toContain(
        `您首办的事项客户 王**(户号 ******0402)已到厅办理该业务,号码 ${back.ticket.number},正在等候`,
      );
    expect(await notice.textContent()).toContain('事项客户到厅');
    await desk.screenshot({ path: `${shots}case-owner-arrival.png` });

    await notice.getByRole('button', { name: '知道了' }).click();
    await notice.waitFor({ state: 'detached' });
    await expect
      .poll(() => world.store.alerts.current(0).filter((a) => a.kind === 'case_customer_arrived'))
      .toEqual([
        expect.objectContaining({
          staffId: opened.ownerStaffId,
          ticketId: back.ticket.id,
          acknowledgedBy: opened.ownerStaffId,
        }),
      ]);
    await desk.context().close();
  }, 240_000);
});

import { describe, expect, it } from 'vitest';
import { connectClient, ok, send } from '@onestop/hall-server/test-support/hall-harness';
import { billBarcode, scanInto } from '@onestop/hall-server/test-support/identify-codes';
import { demoStaffOn, visitWithCase } from '@onestop/hall-server/test-support/suite-hall';
import { hasChromium } from '../../test-support/browser';
import { callAndStart, useCounterScene } from '../../test-support/scene';

// The counter desk identifies the customer in front of it (docs/customer-identification.md): a
// bill scanned while serving a visit nobody typed an account for looks the customer up — their
// open case and its first handler (首办) show at once; an unknown code is refused in words.

const scene = useCounterScene();
const ACCOUNT = '3100000401';

describe.skipIf(!hasChromium)('customer identification at the counter desk', () => {
  it('a bill scanned while serving shows the customer’s open case and its owner', async () => {
    // Earlier: 张丽 (1002) opened a case for this account and owns it.
    const kiosk = await connectClient(scene.url, { deviceToken: 'demo-kiosk-1' });
    const owner = await demoStaffOn(scene.url, 'demo-desk-2', '1002', 'ctr-2');
    const opened = await visitWithCase(kiosk, owner.socket, {
      serviceId: 'svc-billing',
      customer: { accountNo: ACCOUNT, phone: null, name: '吴女士' },
      caseTypeId: 'ct-fault',
      summary: '电表走字异常复核',
    });
    ok(await send(owner.socket, 'counter:close', {}));
    owner.socket.disconnect();
    kiosk.disconnect();

    // Today the customer took a number without saying who they are; 1001 serves them.
    const desk = await scene.desk(1, '1001', { open: true });
    const ticket = await scene.issue('svc-billing');
    await callAndStart(desk, ticket.number);
    await scanInto(desk, billBarcode(ACCOUNT, '2026-11'));
    const cases = desk.getByTestId('customer-cases');
    await expect.poll(() => cases.textContent()).toContain(opened.number);
    expect(await cases.textContent()).toContain('张丽');
    expect(await desk.getByRole('textbox', { name: '户号或手机号' }).inputValue()).toBe(ACCOUNT);
    await desk.screenshot({ path: '/tmp/onestop-identify-shots/desk-scanned.png' });

    await scanInto(desk, 'NOT-A-BILL-123');
    await expect
      .poll(() => desk.getByTestId('scan-problem').textContent())
      .toContain('无法识别该条码');
    await desk.context().close();
  }, 120_000);
});

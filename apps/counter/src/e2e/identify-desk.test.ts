import { describe, expect, it } from 'vitest';
import { connectClient, ok, send } from '@onestop/hall-server/test-support/hall-harness';
import {
  billBarcode,
  idCheckChar,
  scanInto,
} from '@onestop/hall-server/test-support/identify-codes';
import { demoStaffOn, visitWithCase } from '@onestop/hall-server/test-support/suite-hall';
import { hasChromium } from '../../test-support/browser';
import { openConsole } from '../../test-support/console-hall';
import { callAndStart, useCounterScene } from '../../test-support/scene';

// The counter desk identifies the customer in front of it (docs/customer-identification.md): a
// bill scanned while serving a visit nobody typed an account for looks the customer up — their
// open case and its first handler (首办) show at once; an unknown code is refused in words.
// The admin registers a customer's ID card on the console: only its last four are ever shown.

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

  it('the admin registers an ID card on the console: shown only as registered …last four', async () => {
    const first17 = '11010219750505123';
    const idNumber = first17 + idCheckChar(first17);
    const admin = await openConsole(scene.browser, scene.url, '9000');
    await admin.locator('button[data-section="customers"]').click();
    const tab = admin.getByTestId('admin-customers');
    const row = tab.locator('tr[data-account="3100000002"]'); // 钱老先生, a demo VIP
    await row.click();
    const form = tab.getByTestId('id-card-form');
    expect(await form.getByTestId('id-card-state').textContent()).toBe('未登记');
    await form.getByLabel('身份证号码').fill(idNumber.slice(0, 10));
    expect(await form.getByRole('button', { name: '登记身份证' }).isDisabled()).toBe(true);
    await form.getByLabel('身份证号码').fill(idNumber);
    await form.getByRole('button', { name: '登记身份证' }).click();
    const last4 = idNumber.slice(-4);
    await expect.poll(() => row.getByTestId('id-card').textContent()).toBe(`已登记 …${last4}`);
    expect(await form.getByLabel('身份证号码').inputValue()).toBe('');
    expect(await admin.content()).not.toContain(idNumber);
    await admin.screenshot({ path: '/tmp/onestop-identify-shots/admin-id-card.png' });
    // A wrong check character is refused by the hall, in words.
    await form.getByLabel('身份证号码').fill(first17 + (idNumber.endsWith('1') ? '2' : '1'));
    await form.getByRole('button', { name: '登记身份证' }).click();
    await expect.poll(() => tab.textContent()).toContain('身份证号码无效');
    await admin.context().close();
  }, 120_000);
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openScreen } from '../../../../test-support/browser';
import { adminConsoleHall, hasChromium } from './console-e2e';

// The admin's side of the console in Chromium: a service renamed on the console appears on
// the kiosk's menu at once, without a restart or a reload; an invalid value is refused by the
// server, which names the field.

let admin: Page;
const world = adminConsoleHall((page) => (admin = page));

describe.skipIf(!hasChromium)('administration on the console', () => {
  it('renames a service and the kiosk menu shows the new name at once; an invalid target is refused with its field', async () => {
    const kiosk = await openScreen(world.browser, `${world.url}/kiosk?token=demo-kiosk-1`, {
      width: 1080,
      height: 1920,
    });
    await kiosk
      .getByRole('button', { name: /电费缴纳/ })
      .first()
      .waitFor();

    await admin.getByTestId('admin-services').waitFor();
    await admin
      .locator('tr[data-service="svc-billing"]')
      .getByRole('button', { name: '修改' })
      .click();
    const dialog = admin.getByTestId('service-dialog');
    await dialog.getByLabel('中文名称').fill('电费缴纳与预存');
    await dialog.getByLabel('目标等候(分钟)').fill('0');
    await dialog.getByRole('button', { name: '保存' }).click();
    const refusal = dialog.getByTestId('server-refusal');
    await refusal.filter({ hasText: 'targetWaitSec' }).waitFor();
    expect(await refusal.textContent()).toContain('请求格式不正确');
    expect(world.store.services.byId('svc-billing')?.nameZh).toBe('电费缴纳');

    await dialog.getByLabel('目标等候(分钟)').fill('12');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    await admin
      .locator('tr[data-service="svc-billing"]')
      .filter({ hasText: '电费缴纳与预存' })
      .waitFor();

    await kiosk
      .getByRole('button', { name: /电费缴纳与预存/ })
      .first()
      .waitFor();
    expect(world.store.services.byId('svc-billing')).toMatchObject({
      nameZh: '电费缴纳与预存',
      targetWaitSec: 720,
    });
  });

  it('changes a hall setting through admin:configure and refuses an invalid one naming the field', async () => {
    await admin.locator('button[data-section="settings"]').click();
    const settings = admin.getByTestId('admin-settings');
    await settings.getByLabel('过号前重呼次数').fill('20');
    await settings.getByRole('button', { name: /保存 1 项修改/ }).click();
    await settings
      .getByTestId('server-refusal')
      .filter({ hasText: 'recallsBeforeNoShow' })
      .waitFor();
    await settings.getByLabel('过号前重呼次数').fill('3');
    await settings.getByRole('button', { name: /保存 1 项修改/ }).click();
    await settings.getByRole('button', { name: /保存 0 项修改/ }).waitFor();
    expect(world.store.hall.state().config.recallsBeforeNoShow).toBe(3);
  });

  it('sets business hours: the kiosk stops issuing outside them, and issues again when set back', async () => {
    const kiosk = await openScreen(world.browser, `${world.url}/kiosk?token=demo-kiosk-1`, {
      width: 1080,
      height: 1920,
    });
    const billing = kiosk.getByRole('button', { name: /电费缴纳/ }).first();
    await billing.waitFor();
    expect(await billing.isEnabled()).toBe(true);
    // A one-minute day that is not now, in the hall's time zone.
    const hhmm = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Shanghai',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(Date.now());
    const window = hhmm < '12:00' ? ['22:00', '22:01'] : ['01:00', '01:01'];

    await admin.locator('button[data-section="settings"]').click();
    const hours = admin.getByTestId('business-hours');
    await hours.getByLabel('不限时间(取号机随时可取号)').uncheck();
    await hours.getByLabel('开始营业').fill(window[0]!);
    await hours.getByLabel('结束营业').fill(window[1]!);
    await admin.getByRole('button', { name: /保存 1 项修改/ }).click();
    await admin.getByRole('button', { name: /保存 0 项修改/ }).waitFor();
    expect(world.store.hall.state().config.businessHours).toEqual({
      open: window[0],
      close: window[1],
    });

    await kiosk
      .getByTestId('kiosk-closed')
      .filter({ hasText: window.join('–') })
      .waitFor();
    expect(await billing.isDisabled()).toBe(true);

    await hours.getByLabel('不限时间(取号机随时可取号)').check();
    await admin.getByRole('button', { name: /保存 1 项修改/ }).click();
    await kiosk.getByTestId('kiosk-closed').waitFor({ state: 'detached' });
    expect(await billing.isEnabled()).toBe(true);
    await kiosk.context().close();
  });

  it('finds customers on the hall’s list and marks a new VIP', async () => {
    await admin.locator('button[data-section="customers"]').click();
    const section = admin.getByTestId('admin-customers');
    await section.getByTestId('customers').waitFor();
    await section.getByLabel('户号', { exact: true }).fill('3100000888');
    await section.getByLabel('姓名', { exact: true }).fill('冯女士');
    await section.getByLabel('手机号', { exact: true }).fill('13800000888');
    await section.getByRole('button', { name: '保存' }).click();
    await section.getByLabel('查找(户号、姓名或手机号)').fill('冯');
    const row = section.locator('tr[data-account="3100000888"]');
    await row.filter({ hasText: 'VIP' }).filter({ hasText: '138****0888' }).waitFor();
    expect(await section.locator('tbody tr').count()).toBe(1);
    await section.getByLabel('查找(户号、姓名或手机号)').fill('没有这个人');
    await section.getByText('没有符合条件的客户。').waitFor();
    expect(world.store.customers.byAccountNo('3100000888')).toMatchObject({ vip: true });
  });

  it('adds a case type with its steps; step limits past the case limit are refused', async () => {
    await admin.locator('button[data-section="services"]').click();
    const types = admin.getByTestId('admin-case-types');
    await types.getByRole('button', { name: '新增工单类型' }).click();
    const dialog = admin.getByTestId('case-type-dialog');
    await dialog.getByLabel('编号').fill('ct-meter');
    await dialog.getByLabel('中文名称', { exact: true }).fill('计量装置校验');
    await dialog.getByLabel('英文名称', { exact: true }).fill('Meter check');
    await dialog.getByLabel('限时(天)').fill('2');
    await dialog.getByRole('button', { name: '添加环节' }).click();
    await dialog.getByLabel('第 2 步中文名称').fill('现场校验');
    await dialog.getByLabel('第 2 步英文名称').fill('On-site check');
    await dialog.getByLabel('第 2 步时限(天)').fill('3');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByTestId('server-refusal').filter({ hasText: 'steps' }).waitFor();
    await dialog.getByLabel('限时(天)').fill('5');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    await types.locator('tr[data-case-type="ct-meter"]').filter({ hasText: '现场校验' }).waitFor();
    expect(world.store.caseTypes.byId('ct-meter')).toMatchObject({
      limitDays: 5,
      steps: [
        { nameZh: '受理', limitDays: 0 },
        { nameZh: '现场校验', limitDays: 3 },
      ],
    });
  });

  it('sets the promise warning share and the support task promise (承诺)', async () => {
    await admin.locator('button[data-section="settings"]').click();
    const settings = admin.getByTestId('promise-settings');
    await settings.getByLabel('预警比例(%)').fill('60');
    await settings.getByLabel('内部联系单承诺时长').fill('4');
    await settings.getByRole('combobox', { name: '单位' }).selectOption('hours');
    await admin
      .getByTestId('admin-settings')
      .getByRole('button', { name: /保存 2 项修改/ })
      .click();
    await admin
      .getByTestId('admin-settings')
      .getByRole('button', { name: /保存 0 项修改/ })
      .waitFor();
    expect(world.store.hall.state().config).toMatchObject({
      promiseWarnPercent: 60,
      taskPromise: { amount: 4, unit: 'hours', clock: 'business' },
    });
    await admin.locator('button[data-section="services"]').click();
  });

  it('makes a repair type promised in 4 business hours (承诺)', async () => {
    const types = admin.getByTestId('admin-case-types');
    await types.getByRole('button', { name: '新增工单类型' }).click();
    const dialog = admin.getByTestId('case-type-dialog');
    await dialog.getByLabel('编号').fill('ct-crew');
    await dialog.getByLabel('中文名称', { exact: true }).fill('派员抢修');
    await dialog.getByLabel('英文名称', { exact: true }).fill('Send a crew');
    await dialog.getByLabel('限时(天)').fill('1');
    await dialog.getByRole('combobox', { name: '类别' }).selectOption('repair');
    await dialog.getByLabel('时长').fill('4');
    await dialog.getByRole('combobox', { name: '小时 / 天' }).selectOption('hours');
    await dialog.getByRole('combobox', { name: '营业时间 / 自然时间' }).selectOption('business');
    await dialog.screenshot({ path: 'docs/screenshots/promise-case-type.png' });
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    await types
      .locator('tr[data-case-type="ct-crew"]')
      .getByTestId('case-type-promise')
      .filter({ hasText: '报修 · 4 小时(营业时间)' })
      .waitFor();
    expect(world.store.caseTypes.byId('ct-crew')).toMatchObject({
      kind: 'repair',
      promise: { amount: 4, unit: 'hours', clock: 'business' },
    });
    // A new type saved without touching its promise keeps its limit in calendar days.
    expect(world.store.caseTypes.byId('ct-meter')).toMatchObject({
      kind: 'case',
      promise: { amount: 5, unit: 'days', clock: 'calendar' },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { ok, send } from '@onestop/hall-server/test-support/hall-harness';
import { hasChromium, printedCount } from '../../test-support/browser';
import { signInGuide, useHallScene } from '../../test-support/scene';

// The guide desk in Chromium against a real hall server: sign in, issue for a customer with a
// note, the green channel and a counter; find, cancel, reinstate, reprint; the queues; and a
// session the hall ended sends the desk back to sign-in.

const scene = useHallScene();
const signedInGuide = () => scene.signedInGuide();

describe.skipIf(!hasChromium)('the guide desk', () => {
  it('refuses a wrong PIN in words, then signs in', async () => {
    const guide = await scene.open('guide');
    await signInGuide(guide, '7001', '9999');
    await expect.poll(() => guide.getByRole('alert').textContent()).toBe('工号或密码错误。');
    await guide.getByLabel('密码').fill('7001');
    await guide.getByRole('button', { name: '登录' }).click();
    await guide.getByText('赵引导(7001)').waitFor();
    await guide.getByRole('button', { name: '退出登录' }).click();
    await guide.getByRole('button', { name: '登录' }).waitFor();
    await guide.context().close();
  });

  it('issues a ticket for a customer with a note, the green channel and a counter; the clerk there gets it first, note and all', async () => {
    const guide = await signedInGuide();
    await guide.getByLabel('选择业务').selectOption({ label: 'B 业扩报装' });
    await guide.getByLabel('客户手机号(可选)').fill('13800000123');
    await guide.getByLabel('给柜员的备注').fill('客户行动不便,资料已核对');
    await guide.getByLabel('绿色通道').selectOption({ label: '残障人士' });
    await guide.getByLabel('指定窗口(可选)').selectOption({ label: '4号窗口' });
    await guide.getByRole('button', { name: '取号' }).click();
    await expect
      .poll(() => guide.getByRole('status').first().textContent())
      .toMatch(/已取号 B\d{3}/);
    const number = /B\d{3}/.exec((await guide.getByRole('status').first().textContent())!)![0];
    await expect.poll(() => printedCount(guide)).toBe(1);
    expect(await guide.getByTestId('print-ticket').textContent()).toContain(number);

    const clerk = await scene.clerk(4);
    const called = ok(await send(clerk.socket, 'ticket:call-next', {})).ticket;
    expect(called).toMatchObject({
      number,
      note: '客户行动不便,资料已核对',
      priority: 'priority',
      targetCounterId: 'ctr-4',
    });
    clerk.socket.disconnect();
    await guide.context().close();
  }, 60_000);

  it('finds a ticket by number or phone, cancels it with a reason, reinstates it and reprints it', async () => {
    const kiosk = await scene.kiosk();
    const issued = ok(
      await send(kiosk, 'ticket:issue', {
        serviceId: 'svc-fault',
        customer: { phone: '13500000077', accountNo: null, name: null },
      }),
    );
    kiosk.disconnect();
    const number = issued.ticket.number;
    const guide = await signedInGuide();
    const row = guide.locator(`.results li[data-ticket="${number}"]`);

    await guide.getByLabel('号码(如 A023)或手机号').fill('13500000077');
    await guide.getByRole('button', { name: '查询' }).click();
    await row.waitFor();
    expect(await row.textContent()).toContain('135****0077');

    await row.getByRole('button', { name: '取消号码' }).click();
    expect(await row.getByRole('button', { name: /确认/ }).isDisabled()).toBe(true);
    await row.getByRole('button', { name: '客户不再办理' }).click();
    await row.getByRole('button', { name: /确认/ }).click();
    await expect.poll(() => row.locator('.pill').textContent()).toBe('已取消');

    await guide.getByLabel('号码(如 A023)或手机号').fill(number.toLowerCase());
    await guide.getByRole('button', { name: '查询' }).click();
    await row.getByRole('button', { name: '恢复排队' }).click();
    await row.getByLabel('原因').fill('客户说刚才去了洗手间');
    await row.getByRole('button', { name: /确认/ }).click();
    await expect.poll(() => row.locator('.pill').textContent()).toBe('等候中');
    const history = scene.hall.server.hall.store.tickets.byId(issued.ticket.id);
    expect(history?.state).toBe('waiting');

    await row.getByRole('button', { name: '补打号票' }).click();
    await expect.poll(() => printedCount(guide)).toBe(1);
    await expect.poll(() => guide.getByTestId('print-ticket').textContent()).toContain(number);
    await guide.context().close();
  }, 60_000);

  it('shows each service’s queue: waiting, the longest wait against the target, open counters', async () => {
    const guide = await signedInGuide();
    const row = guide.locator('.queues tr[data-service="D"]');
    await expect.poll(() => row.locator('td').nth(1).textContent()).toMatch(/^\d+$/);
    expect(await row.textContent()).toContain('目标 10 分钟');
    await guide.context().close();
  });

  it('goes back to sign-in when the hall has ended the session', async () => {
    const guide = await signedInGuide();
    const leader = await scene.leader();
    const staffId = scene.hall.server.hall.store.staff.all().find((s) => s.staffNo === '7001')!.id;
    ok(await send(leader.socket, 'override:sign-out', { staffId, reason: '交班' }));
    leader.socket.disconnect();
    await guide.getByLabel('号码(如 A023)或手机号').fill('A001');
    await guide.getByRole('button', { name: '查询' }).click();
    await guide.getByText('登录已失效,请重新登录').waitFor();
    expect(await guide.getByRole('button', { name: '登录' }).isVisible()).toBe(true);
    await guide.context().close();
  });
});

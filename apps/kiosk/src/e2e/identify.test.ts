import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ok, send } from '@onestop/hall-server/test-support/hall-harness';
import {
  billBarcode,
  idCheckChar,
  scanInto,
} from '@onestop/hall-server/test-support/identify-codes';
import { hasChromium } from '../../test-support/browser';
import { useHallScene } from '../../test-support/scene';

// Customer identification at the kiosk in Chromium (docs/customer-identification.md): a bill
// scanned by a keyboard-wedge scanner (keys typed a few ms apart, then Enter) on the start
// screen, a number taken without typing, and the ticket routed exactly as a typed account
// number — a VIP to their account manager's open counter, where it is next; a customer with an
// open case to its owner's open counter (first-handler routing). The ID card path
// through the kiosk shell's reader (`window.onestopShell.readIdCard`, injected). A person typing
// on a keyboard is not taken for a scanner; an unknown code is refused with words.

const scene = useHallScene();
const SHOTS = process.env.IDENTIFY_SHOTS ?? '/tmp/onestop-identify-shots';
mkdirSync(SHOTS, { recursive: true });

const VIP = '3100000301';
const MANAGER = 'stf-clerk-3'; // 陈刚, 1003, counter 3 (业扩报装, 账户变更)
const CARD_HOLDER = '3100000302';
const RETURNING = '3100000303'; // has an open case owned by 张丽 (1002, counter 2)
const ID17 = '32010219800101123';
const ID_NUMBER = ID17 + idCheckChar(ID17);

const scan = scanInto;

async function prepareCustomers() {
  const admin = await scene.admin();
  const save = (accountNo: string, name: string, vip: boolean, manager: string | null) =>
    send(admin.socket, 'admin:save-customer', {
      accountNo,
      name,
      phone: null,
      vip,
      accountManagerStaffId: manager,
    });
  ok(await save(VIP, '南京某某电子有限公司', true, MANAGER));
  ok(await save(CARD_HOLDER, '周某某', false, null));
  ok(
    await send(admin.socket, 'admin:register-id-card', {
      accountNo: CARD_HOLDER,
      idNumber: ID_NUMBER,
    }),
  );
  admin.socket.disconnect();
}

describe.skipIf(!hasChromium)('customer identification at the kiosk', () => {
  let manager: Awaited<ReturnType<typeof scene.clerk>> | undefined;
  it('a VIP scans their bill, takes a number without typing, and is next at their manager’s counter', async () => {
    await prepareCustomers();
    manager = await scene.clerk(3); // 陈刚 at counter 3, open (and for the guide desk's test)
    const kiosk = await scene.open('kiosk');
    await kiosk.getByRole('button', { name: /业扩报装/ }).waitFor();

    await scan(kiosk, billBarcode(VIP, '2026-11'));
    await expect
      .poll(() => kiosk.getByTestId('identity').textContent())
      .toBe('已识别账单 · 户号 …0301,请选择要办理的业务');
    await kiosk.screenshot({ path: `${SHOTS}/kiosk-identified-portrait.png` });

    await kiosk.getByRole('button', { name: /业扩报装/ }).tap();
    expect(await kiosk.getByTestId('identity').textContent()).toBe('已识别账单 · 户号 …0301');
    await expect.poll(() => kiosk.locator('.vip').textContent()).toContain('尊敬的VIP客户 南');
    await kiosk.screenshot({ path: `${SHOTS}/kiosk-details-identified-portrait.png` });
    // Nothing typed: the ticket is taken with the identification.
    await kiosk.getByRole('button', { name: '取号', exact: true }).tap();
    const number = (await kiosk.getByTestId('ticket-number').textContent())!.trim();
    await expect.poll(() => kiosk.locator('#root').textContent()).toContain('3 号窗口');
    await kiosk.screenshot({ path: `${SHOTS}/kiosk-issued-identified-portrait.png` });

    // Routed as a typed account number is: VIP, held for the manager's counter, next there.
    const ticket = scene.ticketsToday().find((t) => t.number === number)!;
    expect(ticket).toMatchObject({
      priority: 'vip',
      targetCounterId: 'ctr-3',
      customer: { accountNo: VIP },
    });
    const next = ok(await send(manager!.socket, 'ticket:call-next', {})).ticket;
    expect(next.id).toBe(ticket.id);
    // The kiosk's page never held the whole account number.
    expect(await kiosk.content()).not.toContain(VIP);
    await kiosk.context().close();
  }, 90_000);

  it('an ID card read by the kiosk shell’s reader: the ticket carries the card holder’s account, the page never sees it', async () => {
    const kiosk = await scene.open('kiosk', {
      size: { width: 1920, height: 1080 },
      beforeOpen: (page) =>
        page.addInitScript(
          (card) => {
            const reads: number[] = [];
            (globalThis as unknown as Record<string, unknown>).__idCardReads = reads;
            (globalThis as unknown as Record<string, unknown>).onestopShell = {
              print: async () => undefined,
              identity: async () => ({
                serverUrl: location.origin,
                screen: '/kiosk',
                paper: 80,
                printerName: null,
              }),
              requestExit: async () => false,
              readIdCard: async (timeoutMs: number) => {
                reads.push(timeoutMs);
                return card;
              },
            };
          },
          { idNumber: ID_NUMBER, name: '周某某' },
        ),
    });
    await kiosk.getByRole('button', { name: /电费缴纳/ }).tap();
    await kiosk.getByTestId('read-id-card').tap();
    await expect.poll(() => kiosk.getByTestId('identity').textContent()).toBe('已识别身份证');
    expect(
      await kiosk.evaluate(
        () => (globalThis as unknown as { __idCardReads: number[] }).__idCardReads,
      ),
    ).toEqual([15_000]);
    await kiosk.screenshot({ path: `${SHOTS}/kiosk-details-id-card-landscape.png` });
    await kiosk.getByRole('button', { name: '取号', exact: true }).tap();
    const number = (await kiosk.getByTestId('ticket-number').textContent())!.trim();
    const ticket = scene.ticketsToday().find((t) => t.number === number)!;
    expect(ticket.customer.accountNo).toBe(CARD_HOLDER);
    const page = await kiosk.content();
    expect(page).not.toContain(CARD_HOLDER);
    await kiosk.context().close();
  }, 90_000);

  it('at the guide desk a scanned bill fills the account number, and the ticket is routed as typed', async () => {
    const guide = await scene.signedInGuide();
    await guide.getByLabel('选择业务').selectOption({ label: 'B 业扩报装' });
    // The guide had the phone field in focus: the scan's first key is taken back out of it.
    await guide.getByLabel('客户手机号(可选)').focus();
    await scan(guide, billBarcode(VIP, '2026-12'));
    await expect.poll(() => guide.getByLabel('客户户号(可选)').inputValue()).toBe(VIP);
    expect(await guide.getByLabel('客户手机号(可选)').inputValue()).toBe('');
    await expect
      .poll(() => guide.getByRole('status').textContent())
      .toContain('南京某某电子有限公司 VIP');
    await guide.screenshot({ path: `${SHOTS}/guide-scanned.png` });
    await guide.getByRole('button', { name: '取号', exact: true }).click();
    await expect.poll(() => guide.getByRole('status').textContent()).toContain('3 号窗口');
    const ticket = scene
      .ticketsToday()
      .find((t) => t.source === 'guide' && t.customer.accountNo === VIP)!;
    expect(ticket).toMatchObject({ priority: 'vip', targetCounterId: 'ctr-3' });
    manager?.socket.disconnect();
    await guide.context().close();
  }, 90_000);

  it('a customer with an open case scans their bill, takes a number without typing, and is next at the case owner’s counter', async () => {
    // Their last visit: 张丽 at counter 2 opened a fault case for them, still open.
    const owner = await scene.clerk(2); // 张丽 at counter 2 (电费缴纳, 故障报修与咨询), open
    const kioskSocket = await scene.kiosk();
    const visit = ok(
      await send(kioskSocket, 'ticket:issue', {
        serviceId: 'svc-fault',
        customer: { accountNo: RETURNING, phone: null, name: null },
      }),
    ).ticket;
    ok(await send(owner.socket, 'ticket:call', { ticketId: visit.id }));
    ok(await send(owner.socket, 'ticket:start', { ticketId: visit.id }));
    ok(
      await send(owner.socket, 'case:open', {
        ticketId: visit.id,
        caseTypeId: 'ct-fault',
        summary: '表箱漏电,待现场检修',
      }),
    );
    ok(await send(owner.socket, 'ticket:finish', { ticketId: visit.id, outcome: 'case_opened' }));
    kioskSocket.disconnect();
    const other = await scene.clerk(5); // 周强 at counter 5: serves 故障报修与咨询 too

    const kiosk = await scene.open('kiosk');
    await kiosk.getByRole('button', { name: /故障报修/ }).waitFor();
    await scan(kiosk, billBarcode(RETURNING, '2026-11'));
    await expect
      .poll(() => kiosk.getByTestId('identity').textContent())
      .toBe('已识别账单 · 户号 …0303,请选择要办理的业务');
    await kiosk.getByRole('button', { name: /故障报修/ }).tap();
    // Nothing typed: the ticket is taken with the identification.
    await kiosk.getByRole('button', { name: '取号', exact: true }).tap();
    const number = (await kiosk.getByTestId('ticket-number').textContent())!.trim();
    await expect
      .poll(() => kiosk.getByTestId('account-manager').textContent())
      .toBe('正在为您办理事项的 张* 将在 2 号窗口为您服务,请留意叫号');
    await kiosk.screenshot({ path: `${SHOTS}/kiosk-issued-case-owner-portrait.png` });

    const ticket = scene.ticketsToday().find((t) => t.number === number)!;
    expect(ticket).toMatchObject({
      priority: 'normal',
      targetCounterId: 'ctr-2',
      customer: { accountNo: RETURNING },
    });
    // Another counter of the service does not call it (the tickets left by the tests above,
    // or none); the owner's calls it next.
    const elsewhere = await send(other.socket, 'ticket:call-next', {});
    expect(elsewhere.ok ? elsewhere.data.ticket.id : elsewhere.code).not.toBe(ticket.id);
    expect(ok(await send(owner.socket, 'ticket:call-next', {})).ticket.id).toBe(ticket.id);
    expect(await kiosk.content()).not.toContain(RETURNING);
    owner.socket.disconnect();
    other.socket.disconnect();
    await kiosk.context().close();
  }, 90_000);

  it('in a plain browser there is no ID card button; typing on a keyboard is no scan; an unknown code is refused', async () => {
    const kiosk = await scene.open('kiosk', { size: { width: 1920, height: 1080 } });
    await kiosk.getByRole('button', { name: /电费缴纳/ }).waitFor();
    // A person at a keyboard, 120 ms a key: not a scanner.
    await kiosk.keyboard.type(VIP, { delay: 120 });
    await kiosk.keyboard.press('Enter');
    await kiosk.getByRole('button', { name: /电费缴纳/ }).tap();
    await kiosk.getByRole('button', { name: '跳过,直接取号' }).waitFor();
    expect(await kiosk.getByTestId('identity').count()).toBe(0);
    expect(await kiosk.getByTestId('read-id-card').count()).toBe(0);
    // Something that is no bill: refused in words, nothing identified.
    await scan(kiosk, 'HELLO-WORLD-42');
    await expect
      .poll(() => kiosk.getByTestId('entry-feedback').textContent())
      .toContain('无法识别该条码');
    expect(await kiosk.getByTestId('identity').count()).toBe(0);
    await kiosk.screenshot({ path: `${SHOTS}/kiosk-details-unreadable-landscape.png` });
    await kiosk.context().close();
  }, 90_000);
});

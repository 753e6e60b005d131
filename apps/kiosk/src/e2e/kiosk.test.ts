import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ok, send } from '@onestop/hall-server/test-support/hall-harness';
import { hasChromium, pressDigits, printedCount } from '../../test-support/browser';
import { readPdf } from '../../test-support/pdf-text';
import { useHallScene } from '../../test-support/scene';

// The self-service kiosk in Chromium against a real hall server, by touch: a ticket announced
// on the hall display and followed on the phone; identity, VIP and green channel; appointment
// check-in; the supervision box; English; back to the start when idle; the printed ticket.

const scene = useHallScene();
const openKiosk = (query = '') => scene.open('kiosk', { query });

async function takeTicket(kiosk: Page, service: RegExp): Promise<string> {
  await kiosk.getByRole('button', { name: service }).tap();
  await kiosk.getByRole('button', { name: '跳过,直接取号' }).tap();
  const number = kiosk.getByTestId('ticket-number');
  await number.waitFor();
  return (await number.textContent())!.trim();
}

interface LoggedAnnouncement {
  ticketId: string;
  zh: string;
  en: string;
  shown: string;
  recall: number;
  startedAt: number | null;
  endedAt: number | null;
  outcome: string | null;
  voice: string | null;
}
const announcements = (display: Page) =>
  display.evaluate(
    () =>
      (globalThis as unknown as { __onestopAnnouncements: LoggedAnnouncement[] })
        .__onestopAnnouncements,
  );

async function staffFind(number: string) {
  const guide = await scene.guide();
  const found = ok(await send(guide.socket, 'ticket:find', { number })).results;
  ok(await send(guide.socket, 'staff:sign-out', {}));
  guide.socket.disconnect();
  return found;
}

describe.skipIf(!hasChromium)('the self-service kiosk', () => {
  it('a ticket taken by touch prints, is announced on the display when a clerk calls it, and the phone page says "your turn"', async () => {
    const kiosk = await openKiosk();
    const display = await scene.open('display');
    await display.locator('.counter-tile').first().waitFor();
    // The display's clock runs on, and the test moves it on through the spoken words.
    await display.clock.install();
    const listen = async (poll: () => Promise<unknown>, until: unknown) => {
      for (let i = 0; i < 40; i++) {
        if (JSON.stringify(await poll()) === JSON.stringify(until)) return;
        await display.clock.fastForward(500);
      }
      expect(await poll()).toEqual(until);
    };

    const number = await takeTicket(kiosk, /电费缴纳/);
    expect(number).toBe('A001');
    await expect.poll(() => printedCount(kiosk)).toBe(1);
    await expect
      .poll(() => kiosk.locator('#root').getByText('前面还有 0 人').isVisible())
      .toBe(true);

    // The customer scans the QR code: it holds the phone page's address for this ticket.
    const statusUrl = await kiosk.getByTestId('print-ticket').getAttribute('data-status-url');
    expect(statusUrl).toMatch(new RegExp(`^${scene.url}/status\\?ticket=.+&token=.+`));
    const phone = await scene.phone(statusUrl!);
    await expect.poll(() => phone.getByTestId('status-state').textContent()).toBe('等候中');
    expect(await phone.getByTestId('people-ahead').textContent()).toBe('0 人');

    const clerk = await scene.clerk(1);
    const called = ok(await send(clerk.socket, 'ticket:call-next', {})).ticket;
    expect(called.number).toBe(number);

    const tile = display.locator('.counter-tile[data-counter="1"]');
    await expect.poll(() => tile.locator('.counter-ticket').textContent()).toBe(number);
    await expect.poll(() => tile.getAttribute('class')).toContain('fresh');
    await expect
      .poll(() => display.getByTestId('announcing').textContent())
      .toContain('请 A001 号到 1 号窗口办理');
    await listen(
      async () => (await announcements(display)).map((a) => [a.zh, a.en, a.outcome]),
      [['请A零零一号到一号窗口办理', 'Number A 0 0 1, please go to counter 1.', 'spoken']],
    );
    // Headless Chromium has no voice: the words were shown for their time instead.
    expect((await announcements(display))[0]!.voice).toBe('silent');
    await expect
      .poll(() => phone.getByTestId('status-state').textContent(), { timeout: 10_000 })
      .toBe('轮到您了!请到 1号窗口');

    // A recall is announced again, after the first, never over it.
    ok(await send(clerk.socket, 'ticket:recall', { ticketId: called.id }));
    await expect.poll(async () => (await announcements(display)).length).toBe(2);
    await listen(
      async () => (await announcements(display)).map((a) => [a.recall, a.outcome]),
      [
        [0, 'spoken'],
        [1, 'spoken'],
      ],
    );
    const [first, again] = await announcements(display);
    expect(again!.startedAt!).toBeGreaterThanOrEqual(first!.endedAt!);

    clerk.socket.disconnect();
    for (const p of [kiosk, display, phone]) await p.context().close();
  }, 90_000);

  it('shows an account number masked, greets a VIP the hall recognises, and the green channel reaches the server', async () => {
    const kiosk = await openKiosk();
    await kiosk.getByRole('button', { name: /业扩报装/ }).tap();
    await kiosk.getByRole('button', { name: '户号' }).tap();
    await pressDigits(kiosk, '3100000002');
    expect(await kiosk.getByTestId('entry').textContent()).toBe('31****0002');
    await expect.poll(() => kiosk.locator('.vip').textContent()).toContain('尊敬的VIP客户 钱');
    await kiosk.getByRole('button', { name: '取号', exact: true }).tap();
    const vipNumber = (await kiosk.getByTestId('ticket-number').textContent())!;
    const [vip] = await staffFind(vipNumber);
    expect(vip!.ticket.priority).toBe('vip');
    expect(vip!.ticket.customer.accountNo).toBe('3100000002');

    await kiosk.getByRole('button', { name: '完成' }).tap();
    await kiosk.getByRole('button', { name: /业扩报装/ }).tap();
    await pressDigits(kiosk, '1391234');
    expect(await kiosk.getByTestId('entry').textContent()).toBe('139****');
    await expect.poll(() => kiosk.getByText('手机号格式不正确').isVisible()).toBe(true);
    expect(await kiosk.getByRole('button', { name: '取号', exact: true }).isDisabled()).toBe(true);
    await pressDigits(kiosk, '5678');
    expect(await kiosk.getByTestId('entry').textContent()).toBe('139****5678');
    await kiosk.getByRole('button', { name: '孕妇' }).tap();
    await kiosk.getByRole('button', { name: '取号', exact: true }).tap();
    const greenNumber = (await kiosk.getByTestId('ticket-number').textContent())!;
    const [green] = await staffFind(greenNumber);
    expect(green!.ticket.priority).toBe('priority');
    expect(green!.ticket.customer.phone).toBe('13912345678');
    await kiosk.context().close();
  }, 60_000);

  it('checks an appointment in by its code', async () => {
    const now = Date.now();
    // Within today in the hall's zone (Shanghai, UTC+8): a window across midnight is refused.
    const day = 86_400_000;
    const dayStart = Math.floor((now + 8 * 3_600_000) / day) * day - 8 * 3_600_000;
    const res = await fetch(`${scene.url}/api/v1/appointment/create`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo-website', 'content-type': 'application/json' },
      body: JSON.stringify({
        commandId: 'kiosk-e2e-booking-1',
        serviceId: 'svc-account',
        customer: { phone: '13600000009' },
        windowStart: Math.max(now - 5 * 60_000, dayStart),
        windowEnd: Math.min(now + 25 * 60_000, dayStart + day - 60_000),
      }),
    });
    const booked = (await res.json()) as { ok: true; data: { appointment: { code: string } } };
    const kiosk = await openKiosk();
    await kiosk.getByRole('button', { name: /预约签到/ }).tap();
    await pressDigits(kiosk, '000000');
    await kiosk.getByRole('button', { name: '签到取号' }).tap();
    await expect.poll(() => kiosk.getByRole('alert').textContent()).toBeTruthy();
    await kiosk.getByRole('button', { name: '清除' }).tap();
    await pressDigits(kiosk, booked.data.appointment.code);
    await kiosk.getByRole('button', { name: '签到取号' }).tap();
    await expect.poll(() => kiosk.getByTestId('ticket-number').textContent()).toMatch(/^C\d{3}$/);
    expect(await kiosk.getByText('预约签到成功,您将优先办理').isVisible()).toBe(true);
    await kiosk.context().close();
  });

  it('takes an opinion typed on its own keyboard, in pinyin, with a callback phone, for the duty leader', async () => {
    const kiosk = await openKiosk();
    await kiosk.getByRole('button', { name: /监督箱/ }).tap();
    // A topic chip writes its phrase and says what kind of opinion it is.
    await kiosk.getByRole('button', { name: '等候时间太长' }).tap();
    expect(await kiosk.getByRole('button', { name: '投诉' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    const keys = kiosk.locator('.text-keyboard');
    const type = async (letters: string) => {
      for (const k of letters) await keys.getByRole('button', { name: k, exact: true }).tap();
    };
    // Pinyin: "dian fei" offers 电费 first; "chuangkou" 窗口; "3" and "。" as they are.
    await keys.getByRole('button', { name: '，' }).tap();
    await type('dian');
    await keys.getByRole('button', { name: '空格' }).tap();
    await type('fei');
    expect(await kiosk.getByTestId('ime-typing').textContent()).toBe("dian'fei");
    const candidates = kiosk.locator('.ime-candidate');
    expect((await candidates.first().textContent())?.replace(/^\d/, '')).toBe('电费');
    await kiosk.getByRole('button', { name: '电费', exact: true }).tap();
    await type('wenti');
    await kiosk.getByRole('button', { name: '问题', exact: true }).tap();
    await keys.getByRole('button', { name: '3', exact: true }).tap();
    await type('haochuangkou');
    await kiosk.getByRole('button', { name: '号', exact: true }).tap();
    await kiosk.getByRole('button', { name: '窗口', exact: true }).tap();
    await keys.getByRole('button', { name: '。' }).tap();
    const text = '等候时间太长，电费问题3号窗口。';
    expect(await kiosk.getByLabel('请写下您的意见').inputValue()).toBe(text);

    // The callback phone on the number pad: checked like any phone, masked on screen.
    await kiosk.getByTestId('callback-phone').tap();
    await pressDigits(kiosk, '1370000');
    await kiosk.getByText('手机号格式不正确').waitFor();
    expect(await kiosk.getByRole('button', { name: '提交' }).isDisabled()).toBe(true);
    await pressDigits(kiosk, '0001');
    expect(await kiosk.getByTestId('callback-phone').textContent()).toBe('137****0001');
    await kiosk.getByRole('button', { name: '提交' }).tap();
    await kiosk.getByText('感谢您的意见,值班领导会尽快处理。').waitFor();

    const leader = await scene.leader();
    const snapshot = ok(await send(leader.socket, 'hall:snapshot', {}));
    const opinion = snapshot.opinions.find((o) => o.text === text);
    expect(opinion).toMatchObject({ category: 'complaint', source: 'kiosk' });
    const { phone } = ok(
      await send(leader.socket, 'customer:reveal-contact', {
        subject: 'opinion',
        id: opinion!.id,
        reason: '回访客户',
      }),
    );
    expect(phone).toBe('13700000001');
    leader.socket.disconnect();
    await kiosk.context().close();
  });

  it('speaks English on request, every word of it, in large text; the next customer starts in Chinese', async () => {
    const kiosk = await openKiosk();
    await kiosk.getByRole('button', { name: /电费缴纳/ }).waitFor();
    await kiosk.getByRole('button', { name: 'English' }).tap();
    await kiosk.getByRole('button', { name: 'Large text' }).tap();
    const cjk = /[\u3400-\u9fff\uff00-\uffef]/;
    // The screen's words, leaving out what is marked as another language (the 中文 button).
    const words = () =>
      kiosk.locator('#root').evaluate((root) => {
        const copy = root.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('[lang]').forEach((el) => el.remove());
        return copy.textContent ?? '';
      });
    expect(await kiosk.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await words()).not.toMatch(cjk);
    expect(await kiosk.locator('.kiosk').getAttribute('class')).toContain('large-text');
    for (const screen of [/Appointment check-in/, /Opinion box/]) {
      await kiosk.getByRole('button', { name: screen }).tap();
      expect(await words()).not.toMatch(cjk);
      await kiosk.getByRole('button', { name: 'Back', exact: true }).tap();
    }
    await kiosk.getByRole('button', { name: /Invoices/ }).tap();
    expect(await words()).not.toMatch(cjk);
    await kiosk.getByRole('button', { name: 'Skip and take a ticket' }).tap();
    await kiosk.getByTestId('ticket-number').waitFor();
    expect(await words()).not.toMatch(cjk);
    // The printed ticket is in the customer's language too.
    expect(await kiosk.getByTestId('print-ticket').textContent()).not.toMatch(/电费|发票|取号/);

    await kiosk.getByRole('button', { name: 'Done' }).tap();
    await kiosk.getByRole('button', { name: /电费缴纳/ }).waitFor();
    expect(await kiosk.locator('.kiosk').getAttribute('class')).not.toContain('large-text');
    await kiosk.context().close();
  });

  it('goes back to the start screen by itself after 20 s without a touch', async () => {
    const kiosk = await openKiosk();
    await kiosk.getByRole('button', { name: /电费缴纳/ }).tap();
    await kiosk.clock.install();
    await kiosk.getByRole('button', { name: '跳过,直接取号' }).tap();
    await kiosk.getByTestId('ticket-number').waitFor();
    await kiosk.getByText('20 秒后返回首页').waitFor();
    await kiosk.clock.fastForward(15_000);
    await kiosk.getByText('5 秒后返回首页').waitFor();
    await kiosk.getByTestId('ticket-number').tap(); // a touch starts the count again
    await kiosk.clock.fastForward(15_000);
    expect(await kiosk.getByTestId('ticket-number').isVisible()).toBe(true);
    await kiosk.clock.fastForward(6_000);
    await kiosk.getByRole('heading', { name: '欢迎光临,请选择您要办理的业务' }).waitFor();
    await kiosk.context().close();
  }, 60_000);

  it.each([
    [80, ''],
    [58, '&paper=58'],
  ] as const)(
    'prints a %i mm ticket: hall, number, service, time, people ahead, wait, QR code, footer',
    async (paper, extra) => {
      const kiosk = await openKiosk(extra);
      const number = await takeTicket(kiosk, /发票打印/);
      await expect.poll(() => printedCount(kiosk)).toBe(1);

      await kiosk.emulateMedia({ media: 'print' });
      const ticket = kiosk.getByTestId('print-ticket');
      expect(await kiosk.locator('#root').isVisible()).toBe(false);
      expect(await ticket.isVisible()).toBe(true);
      const box = (await ticket.boundingBox())!;
      expect(box.width).toBeLessThanOrEqual((paper / 25.4) * 96 + 1);
      expect(
        await ticket.locator('img.pt-qr').evaluate((img) => (img as HTMLImageElement).naturalWidth),
      ).toBeGreaterThan(0);

      const [page, ...more] = readPdf(
        await kiosk.pdf({ preferCSSPageSize: true, printBackground: true }),
      );
      expect(more).toHaveLength(0);
      expect(page!.widthMm).toBeCloseTo(paper, 0);
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
        new Date(),
      );
      for (const text of [
        '示范供电营业厅',
        number,
        '发票打印',
        `取号时间: ${today}`,
        '前面还有',
        '扫码查看排队进度',
        '请留意叫号屏与语音提示',
      ])
        expect(page!.text.replace(/\n/g, ''), text).toContain(text);
      await kiosk.context().close();
    },
  );
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clerkAtCounter,
  connectClient,
  ok,
  send,
  type HallClient,
} from './test-support/hall-harness';
import { serveNext as serve, startNotifyHall, type NotifyHall } from './test-support/notify-hall';

// Customer notifications end to end over the wire (issue 18 item 3): a real hall, a real HTTP
// receiver on loopback that checks each signature as docs/notifications.md says; consent from
// the kiosk, "turn near" at the configured distance exactly once, "called" once per call; a
// receiver that fails first gets the same notification again after the backoff.

const PHONE = '13812345678';
let h: NotifyHall;
let kiosk: HallClient;
let clerk: HallClient;
let leader: HallClient;

beforeAll(async () => {
  h = await startNotifyHall({ turnNearAhead: 2 });
  const url = h.server.url;
  kiosk = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
  clerk = (
    await clerkAtCounter(url, {
      deviceToken: 'demo-desk-1',
      staffNo: '1001',
      pin: '1001',
      counterId: 'ctr-1',
    })
  ).socket;
  leader = (
    await clerkAtCounter(url, { deviceToken: 'demo-console', staffNo: '8001', pin: '8001' })
  ).socket;
});
afterAll(async () => {
  for (const s of [kiosk, clerk, leader]) s?.disconnect();
  await h?.close();
});

const issue = (phone?: string, consent = false) =>
  send(kiosk, 'ticket:issue', {
    serviceId: 'svc-invoice',
    ...(phone ? { customer: { phone, accountNo: null, name: null } } : {}),
    ...(consent ? { notifyConsent: true as const } : {}),
  }).then(ok);

const serveNext = (): Promise<string> => serve(clerk);

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('turn near and called, through the signed webhook', () => {
  it('a consenting kiosk customer is told once, at the configured distance, then called', async () => {
    for (let i = 0; i < 4; i++) await issue(); // four ahead, without a phone
    const mine = await issue(PHONE, true);
    await pause(300);
    expect(h.receiver.received).toHaveLength(0); // 4 ahead: not near yet

    await serveNext(); // 3 ahead
    await pause(300);
    expect(h.receiver.received).toHaveLength(0);
    await serveNext(); // 2 ahead: near
    const [near] = await h.receiver.waitFor(1);
    expect(near!.valid).toBe(true);
    expect(near!.body).toMatchObject({ purpose: 'turn_near', phone: PHONE, lang: 'zh' });
    expect(near!.body.text).toContain(mine.ticket.number);
    expect(near!.body.text).toContain('2');
    expect(near!.idempotencyKey).toBe(near!.body.id);

    await serveNext(); // 1 ahead: not told again
    await serveNext(); // 0 ahead
    await pause(300);
    expect(h.receiver.received).toHaveLength(1);

    expect(await serveNext()).toBe(mine.ticket.number); // called
    const [, called] = await h.receiver.waitFor(2);
    expect(called!.valid).toBe(true);
    expect(called!.body.purpose).toBe('called');
    expect(called!.body.text).toContain('1'); // counter 1
    await pause(300);
    expect(h.receiver.received.filter((r) => r.body.purpose === 'turn_near')).toHaveLength(1);
  });

  it('the owner sees the log with the phone masked, and the consent', async () => {
    const list = ok(await send(clerk, 'notification:list', { phone: PHONE }));
    expect(list.notifications.map((n) => [n.purpose, n.state])).toEqual([
      ['called', 'sent'],
      ['turn_near', 'sent'],
    ]);
    expect(list.notifications.every((n) => n.phone === '138****5678')).toBe(true);
    expect(list.consent).toMatchObject({ phone: '138****5678', given: true, source: 'kiosk' });
  });

  it('a receiver that fails first (500) gets the same notification again and it is sent', async () => {
    const before = h.receiver.received.length;
    h.receiver.answers.push(500);
    const mine = await issue('13912345678', true); // nobody ahead: near at once
    const [first, second] = (await h.receiver.waitFor(before + 2)).slice(before);
    expect(first!.body.id).toBe(second!.body.id); // the same id: the receiver de-duplicates
    expect(second!.valid).toBe(true);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(900); // the 1 s backoff
    await pause(200);
    const list = ok(await send(clerk, 'notification:list', { ticketId: mine.ticket.id }));
    expect(list.notifications[0]).toMatchObject({ state: 'sent', attempts: 2, lastError: null });
  });
});

describe('the kiosk’s language', () => {
  it('a customer who chose English at the kiosk is texted in English', async () => {
    const before = h.receiver.received.length;
    const mine = ok(
      await send(kiosk, 'ticket:issue', {
        serviceId: 'svc-invoice',
        customer: { phone: '13612340000', accountNo: null, name: null },
        notifyConsent: true,
        lang: 'en',
      }),
    );
    const near = (await h.receiver.waitFor(before + 1)).slice(before)[0]!;
    expect(near.valid).toBe(true);
    expect(near.body).toMatchObject({ purpose: 'turn_near', phone: '13612340000', lang: 'en' });
    expect(near.body.text).toContain(mine.ticket.number);
    expect(near.body.text).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('consent at the desk', () => {
  it('withdrawn at the desk: nothing more is queued for that phone, whatever the kiosk says', async () => {
    const phone = '13700001111';
    const withdrawn = ok(
      await send(clerk, 'notification:consent', { phone, given: false }),
    ).consent;
    expect(withdrawn).toMatchObject({ phone: '137****1111', given: false, source: 'desk' });
    const before = h.receiver.received.length;
    await issue(phone, true); // a tick at the kiosk does not undo the opt-out
    await pause(400);
    expect(h.receiver.received.length).toBe(before);
    const list = ok(await send(clerk, 'notification:list', { phone }));
    expect(list.notifications).toEqual([]);
    expect(list.consent?.given).toBe(false);
  });

  it('a visit without a phone cannot be given consent', async () => {
    const { ticket } = await issue();
    const refused = await send(clerk, 'notification:consent', { ticketId: ticket.id, given: true });
    expect(refused).toMatchObject({ ok: false, code: 'invalid_payload' });
  });
});

describe('follow-up', () => {
  it('a 不满意 rating opens a follow-up: a customer with standing consent is told someone will call', async () => {
    const phone = '13600007777';
    ok(await send(clerk, 'notification:consent', { phone, given: true }));
    const pad = await connectClient(h.server.url, { deviceToken: 'demo-pad-1' });
    const { ticket } = await issue(phone, false);
    ok(await send(clerk, 'ticket:call', { ticketId: ticket.id }));
    ok(await send(clerk, 'ticket:start', { ticketId: ticket.id }));
    ok(
      await send(clerk, 'ticket:finish', { ticketId: ticket.id, outcome: 'completed', items: [] }),
    );
    ok(
      await send(pad, 'evaluation:submit', {
        ticketId: ticket.id,
        score: 'dissatisfied',
        reasons: ['waiting'],
      }),
    );
    pad.disconnect();
    // Standing consent: turn near and called for the visit too, then the follow-up.
    const followUpOf = () =>
      h.receiver.received.find((r) => r.body.purpose === 'follow_up' && r.body.phone === phone);
    await expect.poll(followUpOf, { timeout: 10_000 }).toBeDefined();
    expect(followUpOf()!.valid).toBe(true);
    const log = ok(await send(leader, 'notification:list', { phone }));
    expect(log.notifications.find((n) => n.purpose === 'follow_up')?.subjectKind).toBe('follow_up');
    expect(log.notifications.some((n) => n.purpose === 'called')).toBe(true);
  });
});

describe('the shift log', () => {
  it("keeps the outbox's own steps out: no line per text sent", async () => {
    const lines = ok(await send(leader, 'console:shift-log', { since: 0 })).entries;
    expect(lines.filter((l) => l.command.startsWith('system:notification-'))).toEqual([]);
    const audited = h.server.hall.store.db
      .prepare<[], { n: number }>(
        "SELECT count(*) AS n FROM audit_log WHERE command GLOB 'system:notification-*'",
      )
      .get();
    expect(audited?.n).toBeGreaterThan(0); // audited all the same
  });
});

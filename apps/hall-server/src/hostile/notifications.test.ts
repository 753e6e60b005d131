import { DEFAULT_TEMPLATES, type HallChange, type NotificationSettings } from '@onestop/shared';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accept } from '../domain/result';
import { notifyCustomer } from '../app/notify';
import {
  clerkAtCounter,
  connectClient,
  ok,
  send,
  sendRaw,
  type HallClient,
} from '../test-support/hall-harness';
import { SECRET, startNotifyHall, TEST_NOTIFY, type NotifyHall } from '../test-support/notify-hall';

// Attacks on customer notifications (issue 18 item 3), each written before its defence: a
// template that smuggles placeholders or line breaks, a kiosk consenting for someone else's
// number, a flood of tickets on one phone, a receiver that hangs, fails or refuses, a crash
// between handing a text over and recording it, the shared secret looked for where it must
// never be, and a public device listening for phones.

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function signIn(h: NotifyHall, deviceToken: string, staffNo: string, counterId?: string) {
  const url = h.server.url;
  return (await clerkAtCounter(url, { deviceToken, staffNo, pin: staffNo, counterId })).socket;
}

function issuer(kiosk: HallClient, serviceId = 'svc-invoice') {
  return (phone?: string, consent = false) =>
    send(kiosk, 'ticket:issue', {
      serviceId,
      ...(phone ? { customer: { phone, accountNo: null, name: null } } : {}),
      ...(consent ? { notifyConsent: true as const } : {}),
    }).then(ok);
}

describe('templates, consent and the per-customer limit', () => {
  let h: NotifyHall;
  let admin: HallClient;
  let kiosk: HallClient;
  let clerk: HallClient;
  let display: HallClient;
  const seen: HallChange[] = [];

  beforeAll(async () => {
    // Every new ticket is "near" (30 ahead): each consenting ticket asks for one text.
    h = await startNotifyHall({ turnNearAhead: 30, perCustomerPerHour: 3 });
    admin = await signIn(h, 'demo-console', '9000');
    clerk = await signIn(h, 'demo-desk-2', '1002', 'ctr-2');
    kiosk = await connectClient(h.server.url, { deviceToken: 'demo-kiosk-1' });
    display = await connectClient(h.server.url, { deviceToken: 'demo-display-1' });
    display.on('hall:changed', (c) => seen.push(c));
  });
  afterAll(async () => {
    for (const s of [admin, kiosk, clerk, display]) s?.disconnect();
    await h?.close();
  });

  const settingsWith = (purpose: 'called' | 'turn_near', zh: string): NotificationSettings => ({
    ...TEST_NOTIFY,
    templates: { ...DEFAULT_TEMPLATES, [purpose]: { ...DEFAULT_TEMPLATES[purpose], zh } },
  });

  it.each([
    [
      'a placeholder outside the allowed set',
      'called',
      '{number} {phone}',
      /unknown placeholder \{phone\}/,
    ],
    ["a placeholder of another purpose's set", 'turn_near', '{counter}', /unknown placeholder/],
    ['an object property as placeholder', 'called', '{constructor}{number}', /unknown placeholder/],
    ['a line separator', 'called', '请{number}号\u2028回复TD退订', /separator/],
    ['a newline', 'called', '请{number}号\n到窗口', /control/],
    ['an escape sequence', 'called', '\u001b[2J{number}', /control/],
    ['a right-to-left override', 'called', '{number}\u202E', /direction/],
    ['an unbalanced brace', 'called', '{number', /unbalanced/],
  ] as const)('a template with %s is refused, nothing changed', async (_, purpose, zh, why) => {
    const before = ok(await send(admin, 'hall:snapshot', {})).config.notifications;
    const refused = await send(admin, 'admin:configure', {
      settings: { notifications: settingsWith(purpose, zh) },
    });
    expect(refused).toMatchObject({ ok: false, code: 'invalid_payload' });
    if (!refused.ok) expect(refused.message).toMatch(why);
    expect(ok(await send(admin, 'hall:snapshot', {})).config.notifications).toEqual(before);
  });

  it('a kiosk cannot record standing consent: notification:consent is for desk staff', async () => {
    const refused = await sendRaw(kiosk, 'notification:consent', {
      commandId: 'kiosk-consent-1',
      phone: '13600000001',
      given: true,
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(['forbidden', 'wrong_device']).toContain(refused.code);
  });

  it("a kiosk's consent for someone else's number covers that ticket only", async () => {
    const victim = '13600000002';
    const issue = issuer(kiosk);
    const { ticket } = await issue(victim, true);
    const other = await issue(victim); // the same number, no consent this time
    const asked = (subject: { kind: 'ticket' | 'case'; id: string }) =>
      h.server.hall.runSystem('test-notify', (tx) =>
        accept(
          notifyCustomer(tx, {
            purpose: 'promise_changed',
            customer: { phone: victim, accountNo: null },
            vars: {},
            subject,
          }),
        ),
      );
    expect(asked({ kind: 'case', id: 'case-of-the-victim' })).toEqual({
      queued: false,
      why: 'no_consent',
    });
    expect(asked({ kind: 'ticket', id: other.ticket.id })).toEqual({
      queued: false,
      why: 'no_consent',
    });
    const list = ok(await send(clerk, 'notification:list', { phone: victim }));
    expect(list.notifications.map((n) => n.subjectId)).toEqual([ticket.id]);
    expect(list.consent).toMatchObject({ given: true, source: 'kiosk' });
  });

  it('the same kiosk consent without a phone is refused', async () => {
    const refused = await sendRaw(kiosk, 'ticket:issue', {
      commandId: 'no-phone-consent',
      serviceId: 'svc-invoice',
      notifyConsent: true,
    });
    expect(refused).toMatchObject({ ok: false, code: 'invalid_payload' });
  });

  it('a flood of tickets on one phone meets the per-customer limit (3 an hour)', async () => {
    const phone = '13600000003';
    const issue = issuer(kiosk, 'svc-billing');
    for (let i = 0; i < 8; i++) await issue(phone, true);
    const list = ok(await send(clerk, 'notification:list', { phone }));
    expect(list.notifications).toHaveLength(3);
    await h.receiver.waitFor(3);
    await pause(300);
    expect(h.receiver.received.filter((r) => r.body.phone === phone)).toHaveLength(3);
  });

  it('a public device is never sent a notification nor a whole phone number', async () => {
    const snapshot = ok(await send(display, 'hall:snapshot', {}));
    expect(snapshot.notifications).toEqual([]);
    const changes = ok(await send(display, 'hall:changes-since', { since: 0 }));
    expect(changes.records.notifications ?? []).toEqual([]);
    const wire = JSON.stringify([seen, snapshot, changes]);
    expect(seen.length).toBeGreaterThan(0);
    expect(wire).not.toMatch(/136000000\d\d/);
    expect(wire).not.toContain('"notifications":[{');
  });

  it('staff are sent notifications with the phone masked', async () => {
    const snapshot = ok(await send(admin, 'hall:snapshot', {}));
    expect(snapshot.notifications.length).toBeGreaterThan(0);
    expect(snapshot.notifications.every((n) => /^\d{3}\*{4}\d{4}$/.test(n.phone))).toBe(true);
    const changes = ok(await send(admin, 'hall:changes-since', { since: 0 }));
    expect(JSON.stringify(changes.records.notifications)).not.toMatch(/136000000\d\d/);
  });
});

describe('a receiver that hangs, fails or refuses; a crash while sending', () => {
  let h: NotifyHall;
  let kiosk: HallClient;
  let owner: HallClient;
  let otherClerk: HallClient;
  let leader: HallClient;

  beforeAll(async () => {
    h = await startNotifyHall({}, { timeoutMs: 500 });
    kiosk = await connectClient(h.server.url, { deviceToken: 'demo-kiosk-1' });
    owner = await signIn(h, 'demo-desk-1', '1001', 'ctr-1');
    otherClerk = await signIn(h, 'demo-desk-2', '1002', 'ctr-2');
    leader = await signIn(h, 'demo-console', '8001');
  });
  afterAll(async () => {
    for (const s of [kiosk, owner, otherClerk, leader]) s?.disconnect();
    await h?.close();
  });

  const logOf = async (ticketId: string) =>
    ok(await send(leader, 'notification:list', { ticketId })).notifications;

  async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 8000) {
    const end = Date.now() + ms;
    for (;;) {
      const v = await read();
      if (done(v) || Date.now() > end) return v;
      await pause(100);
    }
  }

  it('a receiver that hangs: the attempt times out and is tried again', async () => {
    const before = h.receiver.received.length;
    h.receiver.answers.push('hang');
    const { ticket } = await issuer(kiosk)('13500000001', true);
    const log = await until(
      () => logOf(ticket.id),
      (l) => l[0]?.state === 'sent',
    );
    expect(log[0]).toMatchObject({ state: 'sent', attempts: 2 });
    const got = h.receiver.received.slice(before);
    expect(got).toHaveLength(2);
    expect(got[1]!.at - got[0]!.at).toBeGreaterThanOrEqual(500 + 900); // time-out, then backoff
  });

  it('500 every time: retried with a growing backoff, then failed with an alert', async () => {
    const before = h.receiver.received.length;
    h.receiver.answers.push(500, 500, 500);
    const { ticket } = await issuer(kiosk)('13500000002', true);
    const log = await until(
      () => logOf(ticket.id),
      (l) => l[0]?.state === 'failed',
    );
    expect(log[0]).toMatchObject({ state: 'failed', attempts: 3, lastError: 'HTTP 500' });
    const at = h.receiver.received.slice(before).map((r) => r.at);
    expect(at).toHaveLength(3);
    expect(at[2]! - at[1]!).toBeGreaterThan(at[1]! - at[0]!); // 1 s, then 2 s
    const alerts = ok(await send(leader, 'hall:snapshot', {})).alerts;
    expect(alerts.some((a) => a.kind === 'notification_failed' && a.subjectId === log[0]!.id)).toBe(
      true,
    );
  });

  it('400: failed at once, never tried again, the owner alerted; the owner may send it again', async () => {
    const before = h.receiver.received.length;
    h.receiver.answers.push(400);
    const { ticket } = await issuer(kiosk)('13500000003', true);
    const [failed] = await until(
      () => logOf(ticket.id),
      (l) => l[0]?.state === 'failed',
    );
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, lastError: 'HTTP 400' });
    await pause(1500);
    expect(h.receiver.received.length - before).toBe(1);
    const alerts = ok(await send(leader, 'hall:snapshot', {})).alerts;
    expect(alerts.some((a) => a.kind === 'notification_failed' && a.subjectId === failed!.id)).toBe(
      true,
    );

    // Not the owner of the visit (nobody served it yet): refused; the duty leader may.
    const refused = await send(otherClerk, 'notification:retry', { notificationId: failed!.id });
    expect(refused).toMatchObject({ ok: false, code: 'not_yours' });
    const again = ok(await send(leader, 'notification:retry', { notificationId: failed!.id }));
    expect(again.notification).toMatchObject({ state: 'queued', attempts: 0 });
    await until(
      () => logOf(ticket.id),
      (l) => l[0]?.state === 'sent',
    );
    const sent = await send(leader, 'notification:retry', { notificationId: failed!.id });
    expect(sent).toMatchObject({ ok: false, code: 'invalid_transition' });
  });

  it('a crash between handing a text over and recording it: sent again with the same id', async () => {
    const { ticket } = await issuer(kiosk, 'svc-account')('13500000004', true); // nobody ahead
    const [sent] = await until(
      () => logOf(ticket.id),
      (l) => l[0]?.state === 'sent',
    );
    const before = h.receiver.received.length;
    for (const s of [kiosk, owner, otherClerk, leader]) s.disconnect();
    await h.server.close();
    // What a power cut leaves: the row marked sending, the gateway's answer never recorded.
    const db = new Database(`${h.dataDir}/hall.sqlite`);
    db.prepare("UPDATE notifications SET state = 'sending', sent_at = NULL WHERE id = ?").run(
      sent!.id,
    );
    db.close();
    await h.restart();
    const [again] = (await h.receiver.waitFor(before + 1)).slice(before);
    expect(again!.body.id).toBe(sent!.id);
    expect(again!.idempotencyKey).toBe(sent!.id);
    expect(again!.valid).toBe(true);
  });

  it('the shared secret is nowhere: not in /health, the logs, the snapshot or the database', async () => {
    const health = await fetch(`${h.server.url}/api/v1/health`).then((r) => r.text());
    expect(health).not.toContain(SECRET);
    expect(h.logs.join('')).not.toContain(SECRET);
    expect(h.logs.join('')).not.toMatch(/135000000\d\d/); // phones masked in the log
    const desk = await signIn(h, 'demo-console', '8001');
    const snapshot = ok(await send(desk, 'hall:snapshot', {}));
    desk.disconnect();
    expect(JSON.stringify(snapshot)).not.toContain(SECRET);
    await h.server.hall.settled();
    const bytesOf = (f: string) => {
      try {
        return readFileSync(`${h.dataDir}/${f}`).toString('latin1');
      } catch {
        return ''; // no WAL: nothing to look in
      }
    };
    for (const f of ['hall.sqlite', 'hall.sqlite-wal']) expect(bytesOf(f)).not.toContain(SECRET);
  });
});

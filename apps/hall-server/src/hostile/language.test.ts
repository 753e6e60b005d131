import { errorMessages, hallPaths, httpStatusOf } from '@onestop/shared';
import { io as connectIo } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  http,
  sendRaw,
  startTestHall,
  type HallClient,
  type TestHall,
} from '../test-support/hall-harness';

// Hostile: the caller's language. HTTP refusals follow Accept-Language (zh by default, or en),
// socket acks follow the handshake's `lang`; whatever a caller sends there, the answer is one
// of the two, at once, with the same code and status.

let t: TestHall;
let base: string;
beforeAll(async () => {
  t = await startTestHall();
  base = t.server.url;
});
afterAll(() => t.close());

const zh = errorMessages.not_paired.zh;
const en = errorMessages.not_paired.en;

/** A query that needs a paired device, asked without one: refused `not_paired`. */
const refused = (acceptLanguage?: string) =>
  http(base, 'GET', '/api/v1/hall/snapshot', {
    deviceToken: 'no-such-device',
    headers: acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage },
  });

describe('HTTP refusals in the caller language', () => {
  it.each([
    [undefined, zh],
    ['en', en],
    ['en-US,en;q=0.9', en],
    ['zh-CN,zh;q=0.9,en;q=0.8', zh],
    ['fr-FR, en;q=0.2', en],
    ['en;q=0.4, zh;q=0.5', zh],
    ['zh;q=0.4, en;q=0.5', en],
    ['en;q=0', zh],
    ['en;q=7', zh],
    ['de', zh],
    ['*', zh],
    ['\u00ff\u00fe garbage ;;; ,,, q=', zh],
    [`${'x-'.repeat(3000)}en`, zh],
    ['en;q=0.1,'.repeat(1000), en],
  ])('Accept-Language case %# → %s', async (header, message) => {
    const res = await refused(header);
    expect(res.status).toBe(httpStatusOf('not_paired'));
    expect(res.body).toMatchObject({ ok: false, code: 'not_paired', message });
  });

  it('a header near the server limit is answered, not refused as a bad request', async () => {
    const res = await refused(`${'zh-Hant-TW;q=0.001, '.repeat(600)}en`);
    expect(res.body.code).toBe('not_paired');
    expect([zh, en]).toContain(res.body.message);
  });

  it('keeps the detail after the translated words', async () => {
    const res = await http(base, 'POST', '/api/v1/ticket/issue', {
      rawBody: '{not json',
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(res.status).toBe(400);
    expect(String(res.body.message)).toBe(
      `${errorMessages.invalid_payload.zh} The body is not valid JSON.`,
    );
  });

  it('an unknown route and health answer in the caller language too', async () => {
    const unknown = await http(base, 'GET', '/api/v1/nothing/here', {
      headers: { 'accept-language': 'en' },
    });
    expect(unknown.body.message).toMatch(/^Unknown command\. No route/);
    const health = await http(base, 'GET', hallPaths.health);
    expect(health.status).toBe(200);
  });
});

function socketFor(auth: Record<string, unknown>): Promise<HallClient | string> {
  const socket: HallClient = connectIo(base, {
    auth,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      resolve(err.message);
    });
  });
}

describe('socket refusals in the handshake language', () => {
  it.each([
    [{}, zh],
    [{ lang: 'en' }, en],
    [{ lang: 'en-GB' }, en],
    [{ lang: 'zh-CN' }, zh],
    [{ lang: 'klingon' }, zh],
    [{ lang: 42 }, zh],
    [{ lang: ['en'] }, zh],
    [{ lang: { toString: 'en' } }, zh],
    [{ lang: 'x'.repeat(20_000) }, zh],
    [{ lang: `en-${'x'.repeat(20_000)}` }, en],
  ])('a refused handshake, case %#, says %s', async (auth, message) => {
    const shown = JSON.stringify(auth).slice(0, 40);
    const result = await socketFor({ ...auth, deviceToken: 'no-such-device' });
    expect(result, shown).toBe(message);
  });

  it.each([
    ['en', errorMessages.invalid_payload.en],
    ['zh', errorMessages.invalid_payload.zh],
    [undefined, errorMessages.invalid_payload.zh],
    ['xx-YY', errorMessages.invalid_payload.zh],
  ])('acks of a socket with lang %j are written in it', async (lang, words) => {
    const socket = await socketFor({ deviceToken: 'demo-kiosk-1', ...(lang ? { lang } : {}) });
    if (typeof socket === 'string') throw new Error(socket);
    try {
      const ack = await sendRaw(socket, 'ticket:issue', { serviceId: 42 });
      expect(ack.ok).toBe(false);
      expect(!ack.ok && ack.code).toBe('invalid_payload');
      expect(!ack.ok && ack.message.startsWith(words)).toBe(true);
    } finally {
      socket.close();
    }
  });
});

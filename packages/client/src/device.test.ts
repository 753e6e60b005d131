import { describe, expect, it } from 'vitest';
import { pairDevice, pairingOutcome, retryAfterMs } from './device';

// The one pairing call (kiosk, display, guide desk, workstation, pad, back office): what each
// answer of the hall's `device:pair` comes to. The real round trip is in the kiosk's screen tests.

const device = {
  deviceId: 'dev-1',
  deviceToken: 'tok-1',
  name: 'Counter 3',
  kind: 'desk',
  counterId: 'c3',
};

describe('pairingOutcome', () => {
  it.each([
    ['paired', { ok: true, data: device }, null, { state: 'paired', device }],
    [
      'a wrong code',
      { ok: false, code: 'pairing_code_invalid', message: 'The pairing code is wrong.' },
      null,
      { state: 'refused', code: 'pairing_code_invalid' },
    ],
    [
      'too many tries (the seconds in the message)',
      { ok: false, code: 'pairing_throttled', message: 'Too many. Try again in 42 s.' },
      null,
      { state: 'locked', code: 'pairing_throttled', retryAfterMs: 42_000 },
    ],
    [
      'rate limited (Retry-After wins)',
      { ok: false, code: 'rate_limited', message: 'Too many requests. retry after 3 s' },
      '7',
      { state: 'locked', code: 'rate_limited', retryAfterMs: 7000 },
    ],
    ['an unknown code', { ok: false, code: 'nonsense', message: '' }, null, { state: 'offline' }],
    ['a paired answer missing its token', { ok: true, data: {} }, null, { state: 'offline' }],
    ['not JSON of an ack', 'Bad Gateway', null, { state: 'offline' }],
    ['null', null, null, { state: 'offline' }],
  ])('%s', (_, body, retryAfter, outcome) => {
    expect(pairingOutcome(body, retryAfter)).toEqual(outcome);
  });
});

describe('retryAfterMs', () => {
  it.each([
    ['Try again in 1 s.', null, 1000],
    ['retry after 90 s', null, 90_000],
    ['no number here', null, 60_000],
    ['Try again in 5 s.', '12', 12_000],
    ['', 'soon', 60_000],
  ])('%j, Retry-After %j → %i ms', (message, header, ms) => {
    expect(retryAfterMs(message, header)).toBe(ms);
  });
});

describe('pairDevice', () => {
  const answering =
    (body: unknown, init?: ResponseInit): typeof fetch =>
    async () =>
      new Response(JSON.stringify(body), init);

  it('posts the code with a command id to the contract route, at the given origin', async () => {
    const sent: { url: string; init: RequestInit | undefined }[] = [];
    const spy: typeof fetch = async (url, init) => {
      sent.push({ url: String(url), init });
      return new Response(JSON.stringify({ ok: true, data: device }));
    };
    const outcome = await pairDevice('123456', { origin: 'http://hall:8080', fetch: spy });
    expect(outcome).toEqual({ state: 'paired', device });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe('http://hall:8080/api/v1/device/pair');
    expect(sent[0]!.init?.method).toBe('POST');
    expect(JSON.parse(String(sent[0]!.init?.body))).toEqual({
      commandId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      pairingCode: '123456',
    });
  });

  it('reads the Retry-After header of a lockout', async () => {
    const fetch429 = answering(
      { ok: false, code: 'rate_limited', message: 'retry after 2 s' },
      { status: 429, headers: { 'retry-after': '4' } },
    );
    expect(await pairDevice('123456', { fetch: fetch429 })).toMatchObject({
      state: 'locked',
      retryAfterMs: 4000,
    });
  });

  it('is offline, not a throw, when the hall cannot be reached or answers no JSON', async () => {
    const unreachable: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const html: typeof fetch = async () => new Response('<html>502</html>', { status: 502 });
    expect(await pairDevice('123456', { fetch: unreachable })).toEqual({ state: 'offline' });
    expect(await pairDevice('123456', { fetch: html })).toEqual({ state: 'offline' });
  });
});

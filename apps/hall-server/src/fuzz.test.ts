import { commandNames, httpRoute } from '@onestop/shared';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { http, ok, send, sendRaw, type HallClient } from './test-support/hall-harness';
import { suiteHall } from './test-support/suite-hall';

// Property-based fuzzing of every command, over the socket and over HTTP, with malformed and
// hostile payloads: an error ack every time, no crash, no state change.

// Thousands of hostile payloads through one socket: the rate limits would answer most.
const hall = suiteHall({ server: { limits: false } });
let leader: HallClient;
beforeAll(async () => {
  leader = (await hall.staffOn('demo-console', '8001')).socket;
});

/** Values no command accepts as its whole payload, and hostile strings inside objects. */
const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "'; DROP TABLE tickets; --",
    '<script>alert(1)</script>',
    '\u0000\u0001\uFFFF',
    '../../etc/passwd',
    'x'.repeat(20_000),
    '__proto__',
  ),
);
const hostileValue = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
);
/** Objects with keys no command declares (every command input is a strict object). */
const unknownKeys = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 12 }).map((k) => `zz_${k}`),
  hostileValue,
  { minKeys: 1, maxKeys: 4 },
);
const notAnObject = fc.oneof(
  hostileString,
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileValue),
);
const badCommandId = fc.oneof(
  fc.constant(''),
  fc.string({ maxLength: 7 }),
  fc.string({ minLength: 65, maxLength: 80 }),
  fc.constantFrom('has space in it', 'semi;colon-id', 'ünïcødé-id-123'),
);

const hostilePayload = fc.oneof(
  notAnObject,
  unknownKeys.map((extra) => ({ commandId: 'fuzz-command-01', ...extra })),
  badCommandId.map((commandId) => ({ commandId })),
  fc.record({ commandId: badCommandId, ticketId: hostileValue, serviceId: hostileValue }),
);

describe('fuzzing every command with hostile payloads', () => {
  it('over the socket: an error ack every time, nothing changes, the server keeps serving', async () => {
    const before = ok(await send(leader, 'hall:snapshot', {}));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...commandNames), hostilePayload, async (name, payload) => {
        const ack = await sendRaw(leader, name, payload);
        expect(ack.ok).toBe(false);
        if (!ack.ok) expect(ack.code).toBe('invalid_payload');
      }),
      { numRuns: 400 },
    );
    const after = ok(await send(leader, 'hall:snapshot', {}));
    expect(after.seq).toBe(before.seq);
    expect(after.tickets).toEqual(before.tickets);
  });

  it('over HTTP: a 4xx with an error body every time, never a 5xx', async () => {
    const before = ok(await send(leader, 'hall:snapshot', {})).seq;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...commandNames.filter((n) => httpRoute(n).method === 'POST')),
        fc.oneof(
          hostilePayload.map((p) => JSON.stringify(p)),
          fc.string({ maxLength: 200 }), // not JSON at all
        ),
        async (name, body) => {
          const res = await http(hall.server.url, 'POST', httpRoute(name).path, {
            deviceToken: 'demo-console',
            rawBody: body,
          });
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          expect(res.body.ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
    expect(ok(await send(leader, 'hall:snapshot', {})).seq).toBe(before);
  });
});

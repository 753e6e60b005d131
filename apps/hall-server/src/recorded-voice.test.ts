import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clerkAtCounter,
  connectClient,
  ok,
  send,
  startTestHall,
  type TestHall,
} from './test-support/hall-harness';

// The hall's call voice (HallConfig announceVoice, docs/recorded-voice.md): speech until the
// admin chooses the recorded voice; the displays see the choice in the hall's snapshot; a value
// that is neither is refused and changes nothing; only the admin may change it.

let t: TestHall;
beforeAll(async () => {
  t = await startTestHall();
});
afterAll(() => t?.close());

const admin = () =>
  clerkAtCounter(t.server.url, { deviceToken: 'demo-backoffice', staffNo: '9000', pin: '9000' });

describe('the call voice', () => {
  it('is speech until the admin chooses the recorded voice, which every display sees', async () => {
    const display = await connectClient(t.server.url, { deviceToken: 'demo-display-1' });
    const before = ok(await send(display, 'hall:snapshot', {}));
    expect(before.config.announceVoice ?? 'speech').toBe('speech');

    const { socket } = await admin();
    const { config } = ok(
      await send(socket, 'admin:configure', { settings: { announceVoice: 'recorded' } }),
    );
    expect(config.announceVoice).toBe('recorded');
    expect(ok(await send(display, 'hall:snapshot', {})).config.announceVoice).toBe('recorded');

    expect(
      await send(socket, 'admin:configure', { settings: { announceVoice: 'loud' as never } }),
    ).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(t.server.hall.store.hall.state().config.announceVoice).toBe('recorded');
    socket.disconnect();
    display.disconnect();
  });

  it('is not the duty leader’s to change', async () => {
    const leader = await clerkAtCounter(t.server.url, {
      deviceToken: 'demo-console',
      staffNo: '8001',
      pin: '8001',
    });
    const refused = await send(leader.socket, 'admin:configure', {
      settings: { announceVoice: 'speech' },
    });
    expect(refused.ok).toBe(false);
    expect(t.server.hall.store.hall.state().config.announceVoice).toBe('recorded');
    leader.socket.disconnect();
  });
});

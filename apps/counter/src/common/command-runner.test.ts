import type { Ack } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { createCommandRunner } from './command-runner';

function fakeConnection() {
  const sent: { name: string; payload: unknown }[] = [];
  let answer: (ack: Ack<unknown>) => void = () => undefined;
  return {
    sent,
    answer: (ack: Ack<unknown>) => answer(ack),
    send: ((name: string, payload: unknown) => {
      sent.push({ name, payload });
      return new Promise<Ack<unknown>>((resolve) => (answer = resolve));
    }) as never,
  };
}

describe('the command runner', () => {
  it('sends once while the same action is in flight, then again after the ack', async () => {
    const connection = fakeConnection();
    const runner = createCommandRunner(connection);
    const first = runner.run('callNext', 'ticket:call-next', {});
    const second = runner.run('callNext', 'ticket:call-next', {});
    expect(await second).toBeNull();
    expect(connection.sent).toHaveLength(1);
    expect(runner.store.getState().pending).toEqual({ callNext: true });
    connection.answer({ ok: true, data: {} });
    expect(await first).toEqual({ ok: true, data: {} });
    expect(runner.store.getState().pending).toEqual({});
    void runner.run('callNext', 'ticket:call-next', {});
    expect(connection.sent).toHaveLength(2);
  });

  it('keeps a refusal with its code for the screen, and clears it on the next success', async () => {
    const connection = fakeConnection();
    const runner = createCommandRunner(connection);
    const refused = runner.run('callNext', 'ticket:call-next', {});
    connection.answer({ ok: false, code: 'queue_empty', message: 'Nobody is waiting.' });
    await refused;
    expect(runner.store.getState().refusal).toMatchObject({ key: 'callNext', code: 'queue_empty' });
    const next = runner.run('open', 'counter:open', {});
    connection.answer({ ok: true, data: {} });
    await next;
    expect(runner.store.getState().refusal).toBeNull();
  });
});

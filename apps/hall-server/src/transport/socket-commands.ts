import { commands, fail, inLanguage, isCommandName, type Ack } from '@onestop/shared';
import type { Hall } from '../app/hall';
import { commandClassOf, rateLimitedAck, type Limiter } from './rate-limits';
import type { HallSocket } from './socket-views';

// A socket's commands: every event with an ack gets an answer, in the socket's language
// (`auth.lang`): done, refused by the hall, or `rate_limited` at once when the socket has too
// many in flight or its device has used its window. An event that is no command is answered
// `unknown_command` by the hall; one without an ack has nobody to answer and is dropped.

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function listenForCommands(
  socket: HallSocket,
  hall: Hall,
  limiter: Limiter,
  /** The socket's staff session began or ended: its view follows. */
  sessionChanged: () => void,
): void {
  let inFlight = 0;
  const caller = () =>
    socket.data.deviceId
      ? { deviceId: socket.data.deviceId }
      : { address: socket.handshake.address };

  async function answer(name: string, payload: unknown): Promise<Ack<unknown>> {
    if (inFlight >= limiter.limits.inFlightPerSocket) return rateLimitedAck(250);
    inFlight++;
    try {
      const kind = isCommandName(name) ? commands[name].kind : undefined;
      const admitted = await limiter.admit(caller(), commandClassOf(name, kind));
      if (!admitted.ok) return rateLimitedAck(admitted.retryAfterMs);
      const { ack } = await hall.execute(name, payload, socket.data.credentials);
      return ack;
    } catch {
      return fail('internal_error');
    } finally {
      inFlight--;
    }
  }

  /** A sign-in's session token is the socket's from now on; a sign-out drops it. */
  function follow(name: string, ack: Ack<unknown>): void {
    if (!ack.ok) return;
    if (name === 'staff:sign-in' && isObject(ack.data)) {
      const token = ack.data.sessionToken;
      if (typeof token === 'string') socket.data.credentials.sessionToken = token;
    } else if (name === 'staff:sign-out') {
      socket.data.credentials.sessionToken = undefined;
    } else {
      return;
    }
    sessionChanged();
  }

  socket.onAny((event: string, ...args: unknown[]) => {
    const reply = args[args.length - 1];
    if (typeof reply !== 'function') return;
    void answer(event, args[0]).then((ack) => {
      follow(event, ack);
      reply(inLanguage(ack, socket.data.lang));
    });
  });
}

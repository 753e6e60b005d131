import {
  errorCodes,
  type Ack,
  type CommandName,
  type CommandOutput,
  type CommandPayload,
} from '@onestop/shared';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { z } from 'zod';

// The scripts' devices talk to the hall as its own clients do, and read what it answers
// through the contract (packages/shared): an ack is checked, not cast.

/** A device's socket: the hall's events are sent by name, their acks checked on arrival. */
export type Device = Socket;

const refusal = z.object({ ok: z.literal(false), code: z.enum(errorCodes), message: z.string() });

/** Any ack, its data unchecked: the answer to a hostile payload or an event sent by name. */
export const anyAck = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  refusal,
]);

/**
 * `raw` read as the ack of command `name`. The envelope is checked; the data is the hall's own
 * output for `name`, typed by the contract its handlers are typed by. (The output schemas
 * cannot re-parse it: a masked phone is not a phone number.) The one place the scripts take the
 * hall's word for a type, as the overload says.
 */
export function commandAck<K extends CommandName>(name: K, raw: unknown): Ack<CommandOutput<K>>;
export function commandAck(_name: CommandName, raw: unknown): Ack<unknown> {
  return anyAck.parse(raw);
}

/** A device connected with `auth` (its device token, a staff session), no reconnection. */
export async function connectDevice(url: string, auth: Record<string, string>): Promise<Device> {
  const socket = io(url, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/**
 * Sends command `name` with a new command id (or the payload's) and reads its ack; with
 * `timeoutMs`, a hall that does not answer in time rejects the promise.
 */
export async function sendCommand<K extends CommandName>(
  device: Device,
  name: K,
  payload: CommandPayload<K> & { commandId?: string },
  timeoutMs?: number,
): Promise<Ack<CommandOutput<K>>> {
  const withId = { commandId: randomUUID(), ...payload };
  const emitter = timeoutMs === undefined ? device : device.timeout(timeoutMs);
  return commandAck(name, await emitter.emitWithAck(name, withId));
}

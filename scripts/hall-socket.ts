import {
  errorCodes,
  type Ack,
  type CommandName,
  type CommandOutput,
  type CommandPayload,
  type ErrorCode,
} from '@onestop/shared';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';

// The scripts' devices talk to the hall as its own clients do, and read what it answers
// through the contract (packages/shared): an ack is checked, not cast.

/** A device's socket: the hall's events are sent by name, their acks checked on arrival. */
export type Device = Socket;

const isErrorCode = (code: unknown): code is ErrorCode =>
  errorCodes.some((known) => known === code);

/** Whether `raw` is an ack: `{ ok: true, data }` or `{ ok: false, code, message }`. */
export function isAck(raw: unknown): raw is Ack<unknown> {
  if (typeof raw !== 'object' || raw === null || !('ok' in raw)) return false;
  if (raw.ok === true) return 'data' in raw;
  return (
    raw.ok === false &&
    'code' in raw &&
    isErrorCode(raw.code) &&
    'message' in raw &&
    typeof raw.message === 'string'
  );
}

/** `raw` read as an ack whose data is not checked: the answer to a hostile payload. */
export function anyAck(raw: unknown): Ack<unknown> {
  if (!isAck(raw)) throw new Error(`not an ack: ${JSON.stringify(raw)}`);
  return raw;
}

/**
 * `raw` read as the ack of command `name`. The envelope is checked (`isAck`); the data is the hall's own
 * output for `name`, typed by the contract its handlers are typed by. (The output schemas
 * cannot re-parse it: a masked phone is not a phone number.) The one place the scripts take the
 * hall's word for a type, as the overload says.
 */
export function commandAck<K extends CommandName>(name: K, raw: unknown): Ack<CommandOutput<K>>;
export function commandAck(_name: CommandName, raw: unknown): Ack<unknown> {
  return anyAck(raw);
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

// What the hostile drill's attacks are made of: devices that connect as an attacker would
// (another origin, another loopback address), commands whose silence counts as an answer,
// bare HTTP requests, and the rows the drill reports.

import type { Ack, CommandName, CommandOutput, CommandPayload } from '@onestop/shared';
import { readFileSync } from 'node:fs';
import { request, type Agent } from 'node:http';
import { io, type Socket } from 'socket.io-client';
import { sendCommand } from '../hall-socket';

export interface DrillRow {
  attack: string;
  /** What was sent, in words ("60 wrong PINs at once"). */
  sent: string;
  /** What the server did with it ("5 checked, 55 throttled"). */
  outcome: string;
  /** What must hold ("≤ 10 checked"). */
  limit: string;
  ok: boolean;
}

/** The hall under attack: its URL, its process and its data directory. */
export interface Context {
  url: string;
  pid: number;
  dataDir: string;
}

export async function connect(
  url: string,
  auth: Record<string, string>,
  options: { origin?: string; localAddress?: string } = {},
) {
  const socket: Socket = io(url, {
    auth,
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...(options.origin ? { extraHeaders: { origin: options.origin } } : {}),
    ...(options.localAddress ? { localAddress: options.localAddress } : {}),
  });
  await new Promise<void>((ok, fail) => {
    socket.once('connect', ok);
    socket.once('connect_error', fail);
  });
  return socket;
}

/** A command's ack, or `no_answer` when the hall did not answer within `timeoutMs`. */
export type Reply<T = unknown> = Ack<T> | { ok: false; code: 'no_answer' };

export function send<K extends CommandName>(
  socket: Socket,
  name: K,
  payload: CommandPayload<K> & { commandId?: string },
  timeoutMs = 20_000,
): Promise<Reply<CommandOutput<K>>> {
  return sendCommand(socket, name, payload, timeoutMs).catch(() => NO_ANSWER);
}

const NO_ANSWER = { ok: false, code: 'no_answer' } as const;

export function tally(replies: Reply[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of replies) {
    const key = r.ok ? 'ok' : r.code;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function describe(counts: Map<string, number>): string {
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}

export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

export interface HttpAnswer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

export function http(
  url: string,
  path: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    agent?: Agent;
    localAddress?: string;
  } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, {
      method: options.method ?? 'GET',
      headers: options.headers,
      ...(options.agent ? { agent: options.agent } : { agent: false }),
      ...(options.localAddress ? { localAddress: options.localAddress } : {}),
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          headers: res.headers,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

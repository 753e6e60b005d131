import type {
  Ack,
  ClientToServerEvents,
  CommandPayload,
  CommandName,
  CommandOutput,
  HallChange,
  ServerToClientEvents,
} from '@onestop/shared';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { atLocalTime, dayOf } from '@onestop/shared';
import pino from 'pino';
import { io as connect, type Socket } from 'socket.io-client';
import { demoSeed, type SeedOptions } from '../app/seed';
import { startHallServer, type HallServer, type HallServerOptions } from '../server';

// Black-box harness: a real hall server on a free loopback port over a real SQLite file, and
// real socket.io clients.

export type HallClient = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestHall {
  server: HallServer;
  dataDir: string;
  restart(opts?: { clock?: () => number }): Promise<void>;
  close(): Promise<void>;
}

export const silent = pino({ level: 'silent' });

/** The demo hall's zone (app/seed.ts): the hall's days begin and end in it. */
export const HALL_ZONE = 'Asia/Shanghai';

/**
 * A hall clock that starts at `hour`:00 today in the hall's zone and runs in real time. A test
 * that moves the hall's clock by hours builds on it (`() => base() + offset`), never on
 * `Date.now()`: around midnight in Shanghai (16:00 UTC) an offset from the real time crosses
 * into another business day and the day's tickets are gone.
 */
export function daytimeClock(hour = 10): () => number {
  const realStart = Date.now();
  const start = atLocalTime(dayOf(realStart, HALL_ZONE), hour, 0, HALL_ZONE);
  return () => start + (Date.now() - realStart);
}

export function tempDir(prefix = 'onestop-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** What a hall's database takes on disk: the main file and its WAL (0 for one not there). */
export function databaseBytes(dataDir: string): number {
  return ['hall.sqlite', 'hall.sqlite-wal']
    .map((f) => {
      try {
        return statSync(join(dataDir, f)).size;
      } catch {
        return 0;
      }
    })
    .reduce((a, b) => a + b, 0);
}

/** A hall server on `dataDir`: local, silent, on a free port; `options` adds or overrides. */
export function hallServerOn(
  dataDir: string,
  options: Partial<HallServerOptions> = {},
): Promise<HallServer> {
  return startHallServer({ dataDir, port: 0, host: '127.0.0.1', logger: silent, ...options });
}

export async function startTestHall(
  opts: {
    seed?: SeedOptions;
    clock?: () => number;
    dataDir?: string;
    /** Transport settings: `allowedOrigins`, `limits`. */
    server?: Pick<HallServerOptions, 'allowedOrigins' | 'hallNames' | 'limits'>;
  } = {},
): Promise<TestHall> {
  const dataDir = opts.dataDir ?? tempDir();
  const seed = opts.seed ?? demoSeed(opts.clock?.() ?? Date.now());
  let server = await hallServerOn(dataDir, { seed, clock: opts.clock, ...opts.server });
  const hall: TestHall = {
    get server() {
      return server;
    },
    dataDir,
    async restart(r = {}) {
      const port = server.port;
      await server.close();
      server = await hallServerOn(dataDir, {
        port,
        seed,
        clock: r.clock ?? opts.clock,
        ...opts.server,
      });
    },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return hall;
}

export async function connectClient(
  url: string,
  auth: { deviceToken?: string; sessionToken?: string } = {},
): Promise<HallClient> {
  const socket: HallClient = connect(url, {
    auth,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  return socket;
}

export function commandId(): string {
  return randomUUID();
}

/** Emits `name` with `payload` as is and resolves to whatever the hall acks. */
function emitForAck(socket: HallClient, name: string, payload: unknown): Promise<unknown> {
  const emit = socket.emit as unknown as (
    event: string,
    payload: unknown,
    ack: (r: unknown) => void,
  ) => void;
  return new Promise((resolve) => emit.call(socket, name, payload, resolve));
}

/** Sends a command and waits for its ack. A command id is added unless the payload has one. */
export async function send<K extends CommandName>(
  socket: HallClient,
  name: K,
  payload: CommandPayload<K> & { commandId?: string },
): Promise<Ack<CommandOutput<K>>> {
  const ack = await emitForAck(socket, name, { commandId: commandId(), ...payload });
  return ack as Ack<CommandOutput<K>>;
}

/** Sends anything at all, for hostile-input tests. */
export async function sendRaw(
  socket: HallClient,
  name: string,
  payload: unknown,
): Promise<Ack<unknown>> {
  return (await emitForAck(socket, name, payload)) as Ack<unknown>;
}

export function ok<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`expected ok, got ${ack.code}: ${ack.message}`);
  return ack.data;
}

/** A desk with a clerk signed in and, optionally, at an open counter. */
export async function clerkAtCounter(
  url: string,
  opts: { deviceToken: string; staffNo: string; pin: string; counterId?: string; open?: boolean },
): Promise<{ socket: HallClient; sessionToken: string; staffId: string }> {
  const socket = await connectClient(url, { deviceToken: opts.deviceToken });
  const signedIn = ok(
    await send(socket, 'staff:sign-in', { staffNo: opts.staffNo, pin: opts.pin }),
  );
  if (opts.counterId) {
    ok(await send(socket, 'counter:sign-in', { counterId: opts.counterId }));
    if (opts.open !== false) ok(await send(socket, 'counter:open', {}));
  }
  return { socket, sessionToken: signedIn.sessionToken, staffId: signedIn.staff.id };
}

export function nextChange(
  socket: HallClient,
  predicate: (c: HallChange) => boolean = () => true,
  timeoutMs = 5000,
): Promise<HallChange> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no matching hall:changed')), timeoutMs);
    const listener = (change: HallChange) => {
      if (!predicate(change)) return;
      clearTimeout(timer);
      socket.off('hall:changed', listener);
      resolve(change);
    };
    socket.on('hall:changed', listener);
  });
}

/** A demo-hall HTTP call with the given device token and staff session. */
export async function http(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  opts: {
    deviceToken?: string;
    sessionToken?: string;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.deviceToken) headers.authorization = `Bearer ${opts.deviceToken}`;
  if (opts.sessionToken) headers['x-staff-session'] = opts.sessionToken;
  if (opts.body !== undefined || opts.rawBody !== undefined)
    headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/**
 * One socket.io handshake over websocket with the given headers (an origin, a host): resolves
 * 'connected' or the refusal's message, and closes the socket either way.
 */
export function tryHandshake(
  url: string,
  headers: Record<string, string>,
  deviceToken = 'demo-kiosk-1',
): Promise<'connected' | string> {
  const socket = connect(url, {
    auth: { deviceToken },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: headers,
  });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.close();
      resolve('connected');
    });
    socket.once('connect_error', (err) => {
      socket.close();
      resolve(err.message);
    });
  });
}

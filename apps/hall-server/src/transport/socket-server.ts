import { errorMessage, langOf, type ErrorCode, type Lang, type SocketAuth } from '@onestop/shared';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server, type ExtendedError } from 'socket.io';
import { resolveActor, type Credentials } from '../app/actor';
import type { Hall } from '../app/hall';
import { addressSlots } from './address-slots';
import type { Limiter } from './rate-limits';
import { listenForCommands } from './socket-commands';
import { createViews, type HallIo } from './socket-views';

export { COALESCE_MS, joinMessages, type HallIo } from './socket-views';

export const MAX_PAYLOAD_BYTES = 64 * 1024;

interface EngineConn {
  remoteAddress: string;
  close(): void;
  once(event: 'close', listener: () => void): void;
}

export interface Presence {
  /** Device ids with at least one live connection, and how many. */
  connected: Map<string, number>;
}

/**
 * The socket.io face of the hall. Every command in the contract is an event with an ack; the
 * server never relies on socket.io's connection-state recovery (it keeps nothing across a
 * restart): a client that reconnects or sees a gap asks for `hall:changes-since`.
 */
export interface PresenceHooks {
  /** A device's first connection is up. */
  deviceOnline?(deviceId: string): void;
  /** A device's last connection is gone. */
  deviceOffline?(deviceId: string): void;
}

export interface SocketGuards {
  /** Refuses a handshake from another web page's origin (see origins.ts). */
  originAllowed(req: IncomingMessage): boolean;
  /** Refuses a handshake sent to a name the hall is not known by (DNS rebinding, origins.ts). */
  hostAllowed(req: IncomingMessage): boolean;
  /** Origins outside the hall allowed to connect (CORS for the polling transport). */
  allowedOrigins: string[];
  limiter: Limiter;
}

/** What a handshake's auth says, each field only when it is a text (SocketAuth's fields). */
function authOf(raw: unknown) {
  const text = (key: keyof SocketAuth): string | undefined => {
    const v: unknown = raw && typeof raw === 'object' ? Reflect.get(raw, key) : undefined;
    return typeof v === 'string' ? v : undefined;
  };
  return {
    deviceToken: text('deviceToken'),
    sessionToken: text('sessionToken'),
    /** What the page says it shows: only `counter` narrows its view (delivery.ts). */
    screen: text('screen')?.slice(0, 20),
    lang: langOf(text('lang')),
  };
}

/** A refused handshake: the client reads `data.code` (its connect_error). */
const refusal = (code: ErrorCode, lang: Lang): ExtendedError =>
  Object.assign(new Error(errorMessage(code, lang)), { data: { code } });

export function attachSocketServer(
  httpServer: HttpServer,
  hall: Hall,
  hooks: PresenceHooks,
  guards: SocketGuards,
): { io: HallIo; presence: Presence } {
  // Connections per source address, refused at the handshake: every connection (engine.io,
  // before any credentials are read) up to `withDevice`, those without a valid device up to
  // `anonymous`. Counted exactly when a connection opens; allowRequest refuses early when full.
  const caps = guards.limiter.limits.connectionsPerAddress;
  const engineSlots = addressSlots(caps.withDevice);
  const anonymousSlots = addressSlots(caps.anonymous);
  const io: HallIo = new Server(httpServer, {
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    serveClient: false,
    pingInterval: 10_000,
    pingTimeout: 8_000,
    cors: { origin: guards.allowedOrigins },
    allowRequest: (req, done) =>
      done(
        null,
        guards.hostAllowed(req) &&
          guards.originAllowed(req) &&
          engineSlots.hasRoom(req.socket.remoteAddress),
      ),
  });
  const presence: Presence = { connected: new Map() };
  const views = createViews(io, hall);

  io.engine.on('connection', (conn: EngineConn) => {
    const address = conn.remoteAddress;
    if (!engineSlots.take(address)) {
      conn.close();
      return;
    }
    conn.once('close', () => engineSlots.give(address));
  });

  io.use((socket, next) => {
    const { lang, screen, ...auth } = authOf(socket.handshake.auth);
    const credentials: Credentials = {
      deviceToken: auth.deviceToken,
      sessionToken: auth.sessionToken,
      address: socket.handshake.address,
    };
    const actor = resolveActor(hall.store, credentials, hall.clock());
    if (!actor.ok) return next(refusal(actor.code, lang));
    if (!actor.value.device) {
      const address = socket.handshake.address;
      if (!anonymousSlots.take(address)) {
        next(refusal('rate_limited', lang));
        // The refusal is sent; the connection then gives its place back.
        setTimeout(() => socket.conn.close(), 100).unref();
        return;
      }
      socket.once('disconnect', () => anonymousSlots.give(address));
    }
    socket.data = { credentials, deviceId: actor.value.device?.id ?? null, screen, lang };
    views.joinRooms(socket, actor.value);
    next();
  });

  io.on('connection', (socket) => {
    const deviceId = socket.data.deviceId;
    if (deviceId) {
      const count = (presence.connected.get(deviceId) ?? 0) + 1;
      presence.connected.set(deviceId, count);
      if (count === 1) hooks.deviceOnline?.(deviceId);
    }
    socket.on('disconnect', () => {
      views.leaveView(socket);
      if (!deviceId) return;
      const left = (presence.connected.get(deviceId) ?? 1) - 1;
      if (left > 0) {
        presence.connected.set(deviceId, left);
      } else {
        presence.connected.delete(deviceId);
        hooks.deviceOffline?.(deviceId);
      }
    });
    listenForCommands(socket, hall, guards.limiter, () => {
      const fresh = resolveActor(hall.store, socket.data.credentials, hall.clock());
      if (fresh.ok) views.joinRooms(socket, fresh.value);
    });
  });

  hall.onChange((change) => {
    views.fanOut(change);
    // A session ended elsewhere (PIN reset, deactivation, expiry): its desk has just been told
    // in the change above, and now moves to the view of a desk nobody is signed in on.
    const ended = new Set(change.records.sessions?.filter((s) => s.endedAt).map((s) => s.deviceId));
    for (const socket of ended.size ? io.sockets.sockets.values() : []) {
      if (!socket.data.deviceId || !ended.has(socket.data.deviceId)) continue;
      const fresh = resolveActor(hall.store, socket.data.credentials, hall.clock());
      if (fresh.ok) views.joinRooms(socket, fresh.value);
    }
    for (const event of change.events) {
      if (event.type !== 'device.revoked') continue;
      io.to(`device:${event.deviceId}`).emit('session:ended', { reason: 'device_revoked' });
      io.in(`device:${event.deviceId}`).disconnectSockets(true);
    }
  });

  return { io, presence };
}

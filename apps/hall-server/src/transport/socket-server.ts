import {
  commandNames,
  commands,
  errorMessages,
  fail,
  type Ack,
  type CommandName,
  type ClientToServerEvents,
  type Counter,
  type HallChange,
  type Records,
  type ServerToClientEvents,
  type SocketAuth,
} from '@onestop/shared';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { resolveActor, type Credentials } from '../app/actor';
import type { Actor } from '../app/context';
import type { Hall } from '../app/hall';
import { mergeChanges } from '../app/hall-changes';
import { audienceOf } from '../app/handlers/query-handlers';
import { createDelivery, deskScopeKey, viewOf, type View } from './delivery';
import { commandClassOf, rateLimitedAck, type Limiter } from './rate-limits';

export const MAX_PAYLOAD_BYTES = 64 * 1024;

interface SocketData {
  credentials: Credentials;
  deviceId: string | null;
  /** What the page says it shows (`auth.screen`): only `counter` narrows its view. */
  screen: string | undefined;
  /** Its one view's key (a room), once it has a device. */
  view?: string;
}

type HallSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
export type HallIo = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

/**
 * What the socket server keeps per view: the last hall seq sent to it (`prev` of the next one),
 * its sockets, and for a desk the counter and services its filter used last.
 */
interface ViewState {
  view: View;
  prev: number;
  sockets: number;
  scopeKey?: string;
  /** Sockets that came to this view from another: their next change makes them catch up. */
  arrivals: Map<string, number>;
  /** When its last message went out (performance.now()), and what waits to go out next. */
  sentAt: number;
  pending: HallChange | null;
  timer: NodeJS.Timeout | null;
  /** Its last message is still being written to its sockets, a slice per turn. */
  writing: boolean;
}

/**
 * Sockets written in one event-loop turn (bench:core flat out, two rounds each on a quiet box:
 * ack p50 1.0–1.4 ms with 16, 0.9–1.2 ms with 8).
 */
const SOCKETS_PER_TURN = 8;

/** The shortest time between two messages to one view. */
export const COALESCE_MS = 20;

/**
 * Two messages for one view as one: records and events in order, `seq` of the second, and
 * `prev` of the first unless the second demands a catch-up of its own (prev past the first).
 */
export function joinMessages(first: HallChange, second: HallChange): HallChange {
  const merged = mergeChanges([first, second]);
  const prev = (second.prev ?? 0) > first.seq ? second.prev : first.prev;
  // A record changed twice goes once, at its latest version.
  const records: Record<string, unknown> = {};
  for (const [kind, list] of Object.entries(merged.records)) {
    records[kind] = Array.isArray(list) ? latestById(list as { id: string }[]) : list;
  }
  return { ...merged, records: records as Records, ...(prev === undefined ? {} : { prev }) };
}

function latestById<T extends { id: string }>(list: readonly T[]): T[] {
  const last = new Map<string, number>();
  list.forEach((r, i) => last.set(r.id, i));
  return last.size === list.length ? [...list] : list.filter((r, i) => last.get(r.id) === i);
}

interface EngineConn {
  remoteAddress: string;
  close(): void;
  once(event: 'close', listener: () => void): void;
}

/** Open connections per source address, at most `cap` each (the map holds only open ones). */
function addressCounter(cap: number) {
  const open = new Map<string, number>();
  return {
    hasRoom: (address: string | undefined) => (open.get(address ?? '') ?? 0) < cap,
    take(address: string | undefined): boolean {
      const key = address ?? '';
      const n = open.get(key) ?? 0;
      if (n >= cap) return false;
      open.set(key, n + 1);
      return true;
    },
    give(address: string | undefined): void {
      const key = address ?? '';
      const n = (open.get(key) ?? 1) - 1;
      if (n > 0) open.set(key, n);
      else open.delete(key);
    },
  };
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
  /** Origins outside the hall allowed to connect (CORS for the polling transport). */
  allowedOrigins: string[];
  limiter: Limiter;
}

export function attachSocketServer(
  httpServer: HttpServer,
  hall: Hall,
  hooks: PresenceHooks,
  guards: SocketGuards,
): { io: HallIo; presence: Presence } {
  const io: HallIo = new Server(httpServer, {
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    serveClient: false,
    pingInterval: 10_000,
    pingTimeout: 8_000,
    cors: { origin: guards.allowedOrigins },
    allowRequest: (req, done) =>
      done(null, guards.originAllowed(req) && engineSlots.hasRoom(req.socket.remoteAddress)),
  });
  const presence: Presence = { connected: new Map() };
  /**
   * The counters as one fan-out sees them, read once per change (a query per desk and pad view
   * was a third of the fan-out's time at hall load); outside a fan-out each lookup reads afresh.
   */
  let countersNow: { byId: Map<string, Counter>; byStaff: Map<string, Counter> } | null = null;
  const delivery = createDelivery({
    counterById: (id) => (countersNow ? countersNow.byId.get(id) : hall.store.counters.byId(id)),
    counterOfStaff: (id) =>
      countersNow ? countersNow.byStaff.get(id) : hall.store.counters.byStaff(id),
    ticketById: (id) => hall.store.tickets.byId(id),
  });
  const views = new Map<string, ViewState>();
  /** The seq of the last change fanned out: where a new view starts. */
  let lastSeq = hall.store.hall.state().seq;

  function leaveView(socket: HallSocket): void {
    const key = socket.data.view;
    if (!key) return;
    socket.data.view = undefined;
    void socket.leave(key);
    const state = views.get(key);
    if (!state) return;
    // What its view was about to be sent is still its own (e.g. its session ending).
    if (state.pending && socket.connected) {
      const from = state.arrivals.get(socket.id) ?? 0;
      socket.emit('hall:changed', {
        ...state.pending,
        prev: Math.max(state.pending.prev ?? 0, from),
      });
    }
    state.arrivals.delete(socket.id);
    if (--state.sockets > 0) return;
    if (state.timer) clearTimeout(state.timer);
    views.delete(key);
  }

  /**
   * One room per device (for revocation), one per audience and one per view. A socket that changes view (sign-in,
   * sign-out, session ended) may hold records its new view was not sent: its next change tells
   * it to catch up (prev past anything it holds from before).
   */
  function joinRooms(socket: HallSocket, actor: Actor): void {
    const view = actor.device ? viewOf(actor, socket.data.screen) : null;
    const previous = socket.data.view;
    if (previous === view?.key) return;
    leaveView(socket);
    for (const room of socket.rooms) if (room !== socket.id) void socket.leave(room);
    if (!actor.device || !view) return;
    // The audience's room (staff, public, pad:<counter>) says what it may see; the view's, what
    // it is sent.
    void socket.join([`device:${actor.device.id}`, audienceOf(actor), view.key]);
    socket.data.view = view.key;
    let state = views.get(view.key);
    if (!state) {
      state = {
        view,
        prev: lastSeq,
        sockets: 0,
        arrivals: new Map(),
        sentAt: -Infinity,
        pending: null,
        timer: null,
        writing: false,
      };
      if (view.kind === 'desk') state.scopeKey = deskScopeKey(delivery.scopeOf(view.staffId));
      views.set(view.key, state);
    }
    state.sockets++;
    if (previous) state.arrivals.set(socket.id, lastSeq + 1);
  }

  /**
   * A view is sent at most one message per COALESCE_MS: a change that comes sooner waits, and
   * the changes that come meanwhile go out with it as one (each socket's write costs more than
   * the encoding; a busy hall pays it per interval, not per command). A quiet hall's changes go
   * out at once.
   */
  function deliver(state: ViewState, message: HallChange): void {
    if (state.pending) {
      state.pending = joinMessages(state.pending, message);
      return;
    }
    state.pending = message;
    if (!state.timer && !state.writing) schedule(state);
  }

  function schedule(state: ViewState): void {
    const wait = state.sentAt + COALESCE_MS - performance.now();
    if (wait <= 0) return flushView(state);
    state.timer = setTimeout(() => {
      state.timer = null;
      flushView(state);
    }, wait);
    state.timer.unref();
  }

  /**
   * Messages being written, SOCKETS_PER_TURN sockets per event-loop turn across all views (60
   * pads and 60 desks are 120 views of one socket each): a command that arrives meanwhile waits
   * for one slice of the fan-out, not all of it.
   */
  const writes: { state: ViewState; message: HallChange; ids: string[] }[] = [];
  let pumping = false;
  let deferred = false;
  function pump(): void {
    // A batch waits to be committed this turn: its COMMIT goes first, the slice right after
    // (one turn at most, so that a steady stream of commands never holds the fan-out back).
    if (hall.committing() && !deferred) {
      deferred = true;
      setImmediate(pump);
      return;
    }
    deferred = false;
    let budget = SOCKETS_PER_TURN;
    while (budget > 0 && writes.length > 0) {
      const w = writes[0]!;
      const now = w.ids.splice(0, budget);
      budget -= now.length;
      if (now.length > 0) io.to(now).emit('hall:changed', w.message);
      if (w.ids.length > 0) continue;
      writes.shift();
      w.state.writing = false;
      if (w.state.pending) schedule(w.state);
    }
    pumping = writes.length > 0;
    if (pumping) setImmediate(pump);
  }

  /** Writes the view's message to its sockets, in the shared slices of `pump` (next turn on). */
  function flushView(state: ViewState): void {
    const message = state.pending;
    const members = io.sockets.adapter.rooms.get(state.view.key);
    state.pending = null;
    if (!message || !members) return;
    state.sentAt = performance.now();
    const arrivals = new Map(state.arrivals);
    state.arrivals.clear();
    for (const [id, from] of arrivals) {
      io.to(id).emit('hall:changed', { ...message, prev: Math.max(message.prev ?? 0, from) });
    }
    const ids = [...members].filter((id) => !arrivals.has(id));
    state.writing = true;
    writes.push({ state, message, ids });
    // Never written from here: the fan-out of one change flushes up to 120 views in one turn.
    if (pumping) return;
    pumping = true;
    setImmediate(pump);
  }

  /** Each view gets the change as it sees it, serialised once, or nothing when none of it is its. */
  function fanOut(change: HallChange): void {
    const all = hall.store.counters.all();
    countersNow = {
      byId: new Map(all.map((c) => [c.id, c])),
      byStaff: new Map(all.flatMap((c) => (c.staffId ? [[c.staffId, c] as const] : []))),
    };
    try {
      fanOutViews(change);
    } finally {
      countersNow = null;
    }
  }

  function fanOutViews(change: HallChange): void {
    const countersMoved = Boolean(change.records.counters?.length);
    for (const state of views.values()) {
      const { view } = state;
      let prev = state.prev;
      let scope;
      if (view.kind === 'desk') {
        scope = delivery.scopeOf(view.staffId);
        const key = deskScopeKey(scope);
        // Its counter or services changed: records it was never sent are now on its screen.
        if (countersMoved && key !== state.scopeKey) prev = change.seq;
        state.scopeKey = key;
      }
      const out = delivery.project(change, view, scope);
      if (!out) continue;
      state.prev = change.seq;
      deliver(state, { ...out, prev });
    }
    delivery.remember(change);
    lastSeq = change.seq;
  }

  // Connections per source address, refused at the handshake: every connection (engine.io,
  // before any credentials are read) up to `withDevice`, those without a valid device up to
  // `anonymous`. Counted exactly when a connection opens; allowRequest refuses early when full.
  const caps = guards.limiter.limits.connectionsPerAddress;
  const engineSlots = addressCounter(caps.withDevice);
  const anonymousSlots = addressCounter(caps.anonymous);
  io.engine.on('connection', (conn: EngineConn) => {
    const address = conn.remoteAddress;
    if (!engineSlots.take(address)) {
      conn.close();
      return;
    }
    conn.once('close', () => engineSlots.give(address));
  });

  io.use((socket, next) => {
    const auth = (socket.handshake.auth ?? {}) as SocketAuth;
    const credentials: Credentials = {
      deviceToken: typeof auth.deviceToken === 'string' ? auth.deviceToken : undefined,
      sessionToken: typeof auth.sessionToken === 'string' ? auth.sessionToken : undefined,
      address: socket.handshake.address,
    };
    const actor = resolveActor(hall.store, credentials, hall.clock());
    if (!actor.ok) {
      const err = new Error(errorMessages[actor.code].en) as Error & { data?: unknown };
      err.data = { code: actor.code };
      return next(err);
    }
    if (!actor.value.device) {
      const address = socket.handshake.address;
      if (!anonymousSlots.take(address)) {
        const err = new Error(errorMessages.rate_limited.en) as Error & { data?: unknown };
        err.data = { code: 'rate_limited' };
        next(err);
        // The refusal is sent; the connection then gives its place back.
        setTimeout(() => socket.conn.close(), 100).unref();
        return;
      }
      socket.once('disconnect', () => anonymousSlots.give(address));
    }
    const screen = typeof auth.screen === 'string' ? auth.screen.slice(0, 20) : undefined;
    socket.data = { credentials, deviceId: actor.value.device?.id ?? null, screen };
    joinRooms(socket, actor.value);
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
      leaveView(socket);
      if (!deviceId) return;
      const left = (presence.connected.get(deviceId) ?? 1) - 1;
      if (left > 0) {
        presence.connected.set(deviceId, left);
      } else {
        presence.connected.delete(deviceId);
        hooks.deviceOffline?.(deviceId);
      }
    });

    const loose = socket as unknown as {
      on(event: string, listener: (...args: unknown[]) => void): void;
      onAny(listener: (event: string, ...args: unknown[]) => void): void;
    };
    // Every command with an ack gets an answer: done, refused by the hall, or `rate_limited`
    // at once when the socket has too many in flight or its device has used its window.
    let inFlight = 0;
    const caller = () =>
      socket.data.deviceId
        ? { deviceId: socket.data.deviceId }
        : { address: socket.handshake.address };
    const guarded = async (name: string, payload: unknown, reply: (r: unknown) => void) => {
      if (inFlight >= guards.limiter.limits.inFlightPerSocket) {
        reply(rateLimitedAck(250));
        return;
      }
      inFlight++;
      try {
        const kind = (commandNames as string[]).includes(name)
          ? commands[name as CommandName].kind
          : undefined;
        const admitted = await guards.limiter.admit(caller(), commandClassOf(name, kind));
        if (!admitted.ok) {
          reply(rateLimitedAck(admitted.retryAfterMs));
          return;
        }
        const { ack: result } = await hall.execute(name, payload, socket.data.credentials);
        reply(result);
      } catch {
        reply(fail('internal_error'));
      } finally {
        inFlight--;
      }
    };
    for (const name of commandNames) {
      loose.on(name, (payload: unknown, ack: unknown) => {
        if (typeof ack !== 'function') return; // a command without an ack has nobody to answer
        void guarded(name, payload, (result) => {
          const r = result as Ack<unknown>;
          if (r.ok && name === 'staff:sign-in') {
            socket.data.credentials.sessionToken = (
              r.data as { sessionToken: string }
            ).sessionToken;
          }
          if (r.ok && name === 'staff:sign-out') socket.data.credentials.sessionToken = undefined;
          if (r.ok && (name === 'staff:sign-in' || name === 'staff:sign-out')) {
            const fresh = resolveActor(hall.store, socket.data.credentials, hall.clock());
            if (fresh.ok) joinRooms(socket, fresh.value);
          }
          (ack as (r: unknown) => void)(result);
        });
      });
    }
    loose.onAny((event, ...args) => {
      if ((commandNames as string[]).includes(event)) return;
      const ack = args[args.length - 1];
      if (typeof ack === 'function') void guarded(event, args[0], ack as (r: unknown) => void);
    });
  });

  hall.onChange((change) => {
    fanOut(change);
    // A session ended elsewhere (PIN reset, deactivation, expiry): its desk has just been told
    // in the change above, and now moves to the view of a desk nobody is signed in on.
    const ended = new Set(change.records.sessions?.filter((s) => s.endedAt).map((s) => s.deviceId));
    for (const socket of ended.size ? io.sockets.sockets.values() : []) {
      if (!socket.data.deviceId || !ended.has(socket.data.deviceId)) continue;
      const fresh = resolveActor(hall.store, socket.data.credentials, hall.clock());
      if (fresh.ok) joinRooms(socket, fresh.value);
    }
    for (const event of change.events) {
      if (event.type !== 'device.revoked') continue;
      io.to(`device:${event.deviceId}`).emit('session:ended', { reason: 'device_revoked' });
      io.in(`device:${event.deviceId}`).disconnectSockets(true);
    }
  });

  return { io, presence };
}

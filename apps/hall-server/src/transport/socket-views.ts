import type {
  ClientToServerEvents,
  Counter,
  HallChange,
  Lang,
  Records,
  ServerToClientEvents,
} from '@onestop/shared';
import type { Server, Socket } from 'socket.io';
import type { Credentials } from '../app/actor';
import type { Actor } from '../app/context';
import type { Hall } from '../app/hall';
import { mergeChanges } from '../app/hall-changes';
import { audienceOf } from '../app/handlers/query-handlers';
import { createDelivery, deskScopeKey, viewOf, type View } from './delivery';

// Views and their fan-out: each socket is in ONE view (delivery.ts), each view is sent every
// change as it sees it, at most one message per COALESCE_MS, with `seq` and `prev` (the seq
// of the message this view was sent before) so that a device sees a gap and catches up.

export interface SocketData {
  credentials: Credentials;
  deviceId: string | null;
  /** What the page says it shows (`auth.screen`): only `counter` narrows its view. */
  screen: string | undefined;
  /** The page's language (`auth.lang`): refusals are written in it. */
  lang: Lang;
  /** Its one view's key (a room), once it has a device. */
  view?: string;
}

export type HallSocket = Socket<
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
  const records: Records = { ...merged.records };
  for (const [kind, list] of Object.entries(merged.records)) {
    if (Array.isArray(list)) Object.assign(records, { [kind]: latestById(list) });
  }
  return { ...merged, records, ...(prev === undefined ? {} : { prev }) };
}

const idOf = (record: unknown): unknown =>
  record && typeof record === 'object' && 'id' in record ? record.id : record;

function latestById(list: readonly unknown[]): unknown[] {
  const last = new Map<unknown, number>();
  list.forEach((r, i) => last.set(idOf(r), i));
  return last.size === list.length ? [...list] : list.filter((r, i) => last.get(idOf(r)) === i);
}

export function createViews(io: HallIo, hall: Hall) {
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

  return { joinRooms, leaveView, fanOut };
}

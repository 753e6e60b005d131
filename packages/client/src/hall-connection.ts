import {
  errorCodes,
  errorMessage,
  langOf,
  type Ack,
  type ClientToServerEvents,
  type CommandInput,
  type CommandName,
  type CommandOutput,
  type CommandPayload,
  type ErrorCode,
  type HallChange,
  type Lang,
  type ServerToClientEvents,
  type Snapshot,
  type SocketAuth,
} from '@onestop/shared';
import { io, type Socket } from 'socket.io-client';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { applyRecords, judgeChange } from './merge';

// A device's link to the hall server. It keeps a copy of the hall (snapshot + changes by
// sequence number), and sends commands so that a retry after a dropped link carries the same
// command id: the server answers a repeat with the first result, so a request in flight when
// the link drops yields exactly one ticket.

/**
 * - `connecting`: first connection not made yet.
 * - `syncing`: connected, fetching the hall's state.
 * - `online`: connected and up to date.
 * - `offline`: the link dropped; reconnecting by itself.
 * - `refused`: the server refuses this device (not paired, revoked); needs a person.
 */
export type LinkState = 'connecting' | 'syncing' | 'online' | 'offline' | 'refused';

export interface HallView {
  link: LinkState;
  /** The hall as last known; kept while offline so screens can show it, marked stale. */
  hall: Snapshot | null;
  /** Why the server refused this device, when `link` is `refused`. */
  refusal: ErrorCode | null;
  /** Commands sent and not yet answered (shown as "sending…", retried on reconnect). */
  pending: number;
  /** The last time the link was up, for "last updated" on offline screens. */
  lastOnlineAt: number | null;
}

export interface HallConnectionOptions {
  /** The hall server's address; the page's own origin when served by it. */
  url: string;
  deviceToken: string | null;
  sessionToken?: string | null;
  /**
   * What this page shows when it is less than everything its audience may see (`counter`: a
   * clerk's workstation). The server then sends only the changes this screen shows, and a
   * catch-up takes a whole snapshot: records it was not sent may since have come into view.
   */
  screen?: 'counter';
  /**
   * The page's language: the hall writes refusals in it (zh or en). Default: the browser's
   * language, else zh.
   */
  lang?: Lang;
  /** How long one attempt waits for an ack before it is retried (same command id). */
  ackTimeoutMs?: number;
  /** Only for tests: socket.io options such as `transports`. */
  socketOptions?: Parameters<typeof io>[1];
}

export interface SendOptions {
  /** Give up (with code `offline`) after this long without an answer; default never. */
  giveUpAfterMs?: number;
  /** A fixed command id, e.g. one kept across a page reload; one is made otherwise. */
  commandId?: string;
}

export interface HallConnection {
  store: StoreApi<HallView>;
  send<K extends CommandName>(
    name: K,
    payload: CommandPayload<K>,
    options?: SendOptions,
  ): Promise<Ack<CommandOutput<K>>>;
  /** Use a staff session from now on (after sign-in), or none (after sign-out). */
  setSessionToken(token: string | null): void;
  /** Fetch a fresh snapshot now (e.g. after a staff sign-in changes what this device may see). */
  resync(): Promise<void>;
  /** Listen to every change as it is applied (for announcements and highlights). */
  onChange(listener: (change: HallChange) => void): () => void;
  close(): void;
}

const SESSION_REFUSALS: readonly ErrorCode[] = ['not_signed_in'];
const DEVICE_REFUSALS: readonly ErrorCode[] = ['not_paired', 'device_revoked'];

/** The code a refused handshake carries (`connect_error`'s `data.code`), when it is one. */
function refusalCodeOf(err: Error & { data?: unknown }): ErrorCode | undefined {
  const data = err.data;
  const code = data && typeof data === 'object' && 'code' in data ? data.code : undefined;
  return errorCodes.find((c) => c === code);
}

export function newCommandId(): string {
  return globalThis.crypto.randomUUID();
}

export function createHallConnection(options: HallConnectionOptions): HallConnection {
  const ackTimeoutMs = options.ackTimeoutMs ?? 8000;
  const lang = options.lang ?? langOf(globalThis.navigator?.language);
  const auth: SocketAuth = { lang };
  if (options.deviceToken) auth.deviceToken = options.deviceToken;
  if (options.screen) auth.screen = options.screen;
  if (options.sessionToken) auth.sessionToken = options.sessionToken;

  const store = createStore<HallView>(() => ({
    link: 'connecting',
    hall: null,
    refusal: null,
    pending: 0,
    lastOnlineAt: null,
  }));
  const listeners = new Set<(change: HallChange) => void>();

  // Commands go out through the untyped face (their names are checked by `send`'s type);
  // the hall's events come in through the typed one.
  const raw: Socket = io(options.url, {
    auth,
    reconnection: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
    ...options.socketOptions,
  });
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = raw;

  // Changes that arrive while a catch-up is running are held and applied after it.
  let syncing: Promise<void> | null = null;
  let held: HallChange[] = [];

  async function rawQuery<K extends 'hall:snapshot' | 'hall:changes-since'>(
    name: K,
    payload: CommandInput<K>,
  ): Promise<Ack<CommandOutput<K>>> {
    return raw.timeout(ackTimeoutMs).emitWithAck(name, payload);
  }

  async function catchUp(): Promise<void> {
    const current = store.getState().hall;
    if (current && !options.screen) {
      const since = await rawQuery('hall:changes-since', { since: current.seq });
      if (since.ok) {
        const latest = store.getState().hall ?? current;
        store.setState({ hall: applyRecords(latest, since.data.records, since.data.seq) });
        return;
      }
    }
    const snapshot = await rawQuery('hall:snapshot', {});
    if (snapshot.ok) store.setState({ hall: snapshot.data });
    else throw new Error(snapshot.message);
  }

  function sync(fresh = false): Promise<void> {
    // A fresh snapshot asked for during a catch-up (a sign-in while a gap is being mended) is
    // taken after it: the catch-up was asked for with what this device could see before.
    if (syncing) return fresh ? syncing.then(() => sync(true)) : syncing;
    if (fresh) store.setState({ hall: null });
    store.setState({ link: 'syncing' });
    syncing = (async () => {
      let caughtUp = false;
      try {
        await catchUp();
        caughtUp = true;
      } catch {
        // The link dropped again mid-sync; the next connect syncs again.
        if (!socket.connected) store.setState({ link: 'offline' });
      }
      syncing = null;
      if (!caughtUp) return;
      store.setState({ link: 'online', lastOnlineAt: Date.now(), refusal: null });
      const queued = held;
      held = [];
      for (const change of queued) receive(change);
    })();
    return syncing;
  }

  function receive(change: HallChange): void {
    if (syncing) {
      held.push(change);
      return;
    }
    const hall = store.getState().hall;
    if (!hall) return void sync();
    switch (judgeChange(hall.seq, change)) {
      case 'stale':
        return;
      case 'gap':
        held.push(change);
        return void sync();
      case 'resync':
        void sync(true).then(() => listeners.forEach((l) => l(change)));
        return;
      case 'apply':
        store.setState({
          hall: applyRecords(hall, change.records, change.seq),
          lastOnlineAt: Date.now(),
        });
        listeners.forEach((l) => l(change));
    }
  }

  socket.on('connect', () => void sync());
  socket.on('disconnect', () => store.setState({ link: 'offline' }));
  socket.on('connect_error', (err: Error & { data?: unknown }) => {
    const code = refusalCodeOf(err);
    if (code && DEVICE_REFUSALS.includes(code)) {
      store.setState({ link: 'refused', refusal: code });
      socket.disconnect();
      return;
    }
    if (code && SESSION_REFUSALS.includes(code)) {
      delete auth.sessionToken;
      return;
    }
    store.setState({ link: store.getState().link === 'connecting' ? 'connecting' : 'offline' });
  });
  socket.on('hall:changed', receive);
  socket.on('session:ended', ({ reason }) => {
    if (reason === 'device_revoked') {
      store.setState({ link: 'refused', refusal: 'device_revoked' });
      socket.disconnect();
    }
  });

  function rateLimitWaitMs(message: string): number {
    const seconds = Number(/retry after (\d+) s/.exec(message)?.[1] ?? 1);
    return Math.min(Math.max(seconds, 1), 10) * 1000;
  }

  function waitForConnect(): Promise<void> {
    if (socket.connected) return Promise.resolve();
    return new Promise((resolve) => socket.once('connect', () => resolve()));
  }

  async function send<K extends CommandName>(
    name: K,
    payload: CommandPayload<K>,
    sendOptions: SendOptions = {},
  ): Promise<Ack<CommandOutput<K>>> {
    const commandId = sendOptions.commandId ?? newCommandId();
    const body = { ...payload, commandId };
    const deadline =
      sendOptions.giveUpAfterMs === undefined ? Infinity : Date.now() + sendOptions.giveUpAfterMs;
    store.setState((s) => ({ pending: s.pending + 1 }));
    // Not p-retry (the hall's and center's retry helper): this loop is no count of tries with
    // backoff. It keeps one command id across tries, waits for socket.io's own reconnection
    // rather than a timer, waits exactly as long as a `rate_limited` ack says, stops at once
    // when the device is refused, and is bounded by one deadline (giveUpAfterMs), not a count.
    try {
      for (;;) {
        if (store.getState().link === 'refused') {
          const code = store.getState().refusal ?? 'not_paired';
          return { ok: false, code, message: errorMessage(code, lang) };
        }
        const left = deadline - Date.now();
        if (left <= 0)
          return { ok: false, code: 'offline', message: errorMessage('offline', lang) };
        const connected = await Promise.race([
          waitForConnect().then(() => true),
          new Promise<false>((r) => setTimeout(() => r(false), Math.min(left, 2 ** 31 - 1))),
        ]);
        if (!connected) continue;
        try {
          const ack: Ack<CommandOutput<K>> = await raw
            .timeout(Math.min(ackTimeoutMs, left))
            .emitWithAck(name, body);
          // Refused for now because this device sent too much: wait as told and send again,
          // with the same command id, rather than show a failure.
          if (ack.ok || ack.code !== 'rate_limited') return ack;
          const wait = rateLimitWaitMs(ack.message);
          if (deadline - Date.now() <= wait) return ack;
          await new Promise((r) => setTimeout(r, wait));
        } catch {
          // No ack in time (the link dropped or the server restarted): retry, same command id.
        }
      }
    } finally {
      store.setState((s) => ({ pending: s.pending - 1 }));
    }
  }

  return {
    store,
    send,
    setSessionToken(token) {
      if (token) auth.sessionToken = token;
      else delete auth.sessionToken;
    },
    resync: () => sync(true),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}

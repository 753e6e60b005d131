import { fail } from '@onestop/shared';
// The in-memory limiter alone, not the package's index (rate-limiter-flexible.d.ts).
import RateLimiterMemory from 'rate-limiter-flexible/lib/RateLimiterMemory.js';
import RateLimiterRes from 'rate-limiter-flexible/lib/RateLimiterRes.js';

// Every limit the hall server puts on its callers, in one table. A limit is a fixed window:
// `points` commands per `seconds`, per device (or per source address for traffic without a
// device token). The numbers sit well above what a real screen ever does, so only a broken or
// hostile caller meets them; scripts that drive a whole hall through a few devices (the day
// simulator, drills, benchmarks, load tests) raise them or turn them off with `limits: false`.

export type CommandClass = 'issue' | 'snapshot' | 'query' | 'command';

export interface Window {
  points: number;
  seconds: number;
}

export interface RateLimits {
  /**
   * Commands a socket may have in flight (received, not yet answered). A well-behaved screen
   * waits for its answers; a console opening sends about a dozen queries together.
   */
  inFlightPerSocket: number;
  /** Per device and command class (socket and HTTP share the count). */
  perDevice: Record<CommandClass, Window>;
  /** Every command without a device token, per source address (customers' phone pages). */
  anonymousPerAddress: Window;
  /** Every HTTP request (pages, assets, API) per source address: the coarse ceiling. */
  httpPerAddress: Window;
  /**
   * Open socket.io connections per source address, checked at the handshake (socket.io answers
   * before fastify, so the HTTP limits do not reach it). `withDevice` bounds every connection
   * from the address; `anonymous` those without a valid device token (pairing screens).
   */
  connectionsPerAddress: { withDevice: number; anonymous: number };
}

export const defaultRateLimits: RateLimits = {
  // A console opening issues ~12 queries at once; 16 leaves room without letting one socket
  // fill the server's memory with answers it does not read.
  inFlightPerSocket: 16,
  perDevice: {
    // A kiosk issues at most a ticket every few seconds (printing takes ~3 s): 20 a minute is a
    // queue of customers pressing as fast as the printer cuts.
    issue: { points: 20, seconds: 60 },
    // A reconnecting device asks one snapshot (or changes-since); 30 a minute survives a
    // flapping network, while a flood of snapshots (each the whole hall) is refused early.
    snapshot: { points: 30, seconds: 60 },
    // A console loads a dozen queries on open and refreshes a few per minute.
    query: { points: 240, seconds: 60 },
    // A desk sends a few commands a minute; a busy guide desk maybe twenty.
    command: { points: 120, seconds: 60 },
  },
  // Phone status pages of many customers may share one address behind the hall's Wi-Fi.
  anonymousPerAddress: { points: 300, seconds: 60 },
  // One screen loads ~5 files; a hall of 40 screens reloading together behind one NAT stays
  // below this.
  httpPerAddress: { points: 1200, seconds: 60 },
  // A hall's screens each have their own address; 50 leaves a desk PC's console, its pad and
  // a few reloads room. Without a device only pairing screens connect: 10 is plenty.
  connectionsPerAddress: { withDevice: 50, anonymous: 10 },
};

/** `false` turns every limit off; a partial table overrides the defaults it names. */
export type RateLimitsOption =
  | false
  | (Partial<Omit<RateLimits, 'perDevice' | 'connectionsPerAddress'>> & {
      perDevice?: Partial<RateLimits['perDevice']>;
      connectionsPerAddress?: Partial<RateLimits['connectionsPerAddress']>;
    });

export function resolveRateLimits(option: RateLimitsOption | undefined): RateLimits | null {
  if (option === false) return null;
  return {
    ...defaultRateLimits,
    ...option,
    perDevice: { ...defaultRateLimits.perDevice, ...option?.perDevice },
    connectionsPerAddress: {
      ...defaultRateLimits.connectionsPerAddress,
      ...option?.connectionsPerAddress,
    },
  };
}

/** Limits that let everything through, for `limits: false` (the shape stays the same). */
const OFF = 1e9;
export const noRateLimits: RateLimits = {
  inFlightPerSocket: OFF,
  perDevice: {
    issue: { points: OFF, seconds: 1 },
    snapshot: { points: OFF, seconds: 1 },
    query: { points: OFF, seconds: 1 },
    command: { points: OFF, seconds: 1 },
  },
  anonymousPerAddress: { points: OFF, seconds: 1 },
  httpPerAddress: { points: OFF, seconds: 1 },
  connectionsPerAddress: { withDevice: OFF, anonymous: OFF },
};

const ISSUING = new Set([
  'ticket:issue',
  'ticket:walk-in',
  'appointment:check-in',
  'opinion:submit',
  'evaluation:submit',
]);
const SNAPSHOTS = new Set(['hall:snapshot', 'hall:changes-since']);

export function commandClassOf(name: string, kind: 'command' | 'query' | undefined): CommandClass {
  if (ISSUING.has(name)) return 'issue';
  if (SNAPSHOTS.has(name)) return 'snapshot';
  return kind === 'query' ? 'query' : 'command';
}

/** Who is counted: a device by its id, or a source address when no device is known. */
export type Caller = { deviceId: string } | { address: string };

export type Admission = { ok: true } | { ok: false; retryAfterMs: number };

export interface Limiter {
  limits: RateLimits;
  admit(caller: Caller, cls: CommandClass): Promise<Admission>;
}

const windowLimiter = (w: Window, prefix: string) =>
  new RateLimiterMemory({ points: w.points, duration: w.seconds, keyPrefix: prefix });

export function createLimiter(option: RateLimitsOption | undefined): Limiter {
  const limits = resolveRateLimits(option);
  if (!limits) return { limits: noRateLimits, admit: () => Promise.resolve({ ok: true }) };
  const perClass = (cls: CommandClass) => windowLimiter(limits.perDevice[cls], `device-${cls}`);
  const perDevice: Record<CommandClass, InstanceType<typeof RateLimiterMemory>> = {
    issue: perClass('issue'),
    snapshot: perClass('snapshot'),
    query: perClass('query'),
    command: perClass('command'),
  };
  const anonymous = windowLimiter(limits.anonymousPerAddress, 'address');
  return {
    limits,
    async admit(caller, cls) {
      const [limiter, key] =
        'deviceId' in caller
          ? [perDevice[cls], caller.deviceId]
          : [anonymous, caller.address || 'unknown'];
      try {
        await limiter.consume(key);
        return { ok: true };
      } catch (res) {
        if (res instanceof RateLimiterRes) return { ok: false, retryAfterMs: res.msBeforeNext };
        throw res;
      }
    },
  };
}

/** The refusal a limited command gets: the wait is in the message for people and logs. */
export function rateLimitedAck(retryAfterMs: number): ReturnType<typeof fail> {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return fail('rate_limited', `retry after ${seconds} s`);
}

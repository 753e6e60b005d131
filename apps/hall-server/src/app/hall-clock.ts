// The hall's clock: the wall clock, guarded. Tickets are ordered by the times it gives and the
// business day follows it, so it must not go backwards and must not leap ahead:
// - it never goes backwards (a step back holds it until the wall clock catches up);
// - with a monotonic reference (the real server: `performance.now`), each reading is compared
//   with the time that really passed since the last one. A wall clock more than
//   `jumpThresholdMs` off that is a jump: it is reported once (`onJump`) and not trusted — the
//   hall clock goes on counting real elapsed time from its last trusted reading until the
//   wall clock agrees with it again (the jump undone) or the server restarts (an operator who
//   set the clock right). So a forward jump cannot end the business day early, and a step
//   back cannot put a new ticket before earlier ones.
// - a jump is remembered across a restart (run_state, see server.ts): a hall restarted while
//   its wall clock is still leapt ahead goes on from the hall time it recorded
//   (`untrustedFrom`), untrusted, and reports the jump again — a restart alone never makes a
//   leapt wall clock true.
// A clock injected without a monotonic reference (tests, the time-compressed simulator) is
// virtual time that may legitimately leap ahead: only the never-backwards rule applies to it.

export interface ClockJump {
  /** Hall time when the jump was seen. */
  at: number;
  /** What the wall clock said then. */
  wallAt: number;
  /** How far the wall clock moved beyond real elapsed time (negative: backwards). */
  byMs: number;
}

export interface ClockState {
  /** The wall clock agrees with the hall clock (within the threshold). */
  trusted: boolean;
  /** Wall clock minus hall clock at the last reading. */
  offsetMs: number;
  jumps: number;
  lastJump: ClockJump | null;
}

export interface HallClock {
  now(): number;
  state(): ClockState;
}

export const CLOCK_JUMP_THRESHOLD_MS = 120_000;

export function createHallClock(options: {
  wall: () => number;
  /** Real elapsed milliseconds (monotonic); null for virtual time. */
  monotonic: (() => number) | null;
  /** The hall clock starts no earlier than this (the database's last write), real time only. */
  floor?: number;
  /** Start untrusted from this hall time (a jump remembered from the last run), real time only. */
  untrustedFrom?: number;
  jumpThresholdMs?: number;
  onJump?: (jump: ClockJump) => void;
}): HallClock {
  const threshold = options.jumpThresholdMs ?? CLOCK_JUMP_THRESHOLD_MS;
  const { wall, monotonic } = options;
  const first = Math.floor(wall());
  const start = options.untrustedFrom ?? first;
  let last = monotonic ? Math.max(start, options.floor ?? start) : first;
  let lastMono = monotonic?.() ?? 0;
  let offsetMs = first - last;
  let trusted = Math.abs(offsetMs) <= threshold;
  let jumps = 0;
  let lastJump: ClockJump | null = null;

  function jumped(wallAt: number, byMs: number): void {
    jumps++;
    lastJump = { at: last, wallAt, byMs };
    options.onJump?.(lastJump);
  }
  if (!trusted) setImmediate(() => jumped(first, offsetMs)); // behind the database at start

  function now(): number {
    const w = Math.floor(wall());
    if (!monotonic) {
      last = Math.max(last, w);
      return last;
    }
    const m = monotonic();
    const whole = Math.max(0, Math.floor(m - lastMono));
    lastMono += whole; // the sub-millisecond rest counts at the next reading
    const expected = last + whole;
    const offset = w - expected;
    if (Math.abs(offset) <= threshold) {
      trusted = true;
      last = Math.max(last, w);
    } else {
      // A new jump when it starts, or when an untrusted wall clock moves again by as much.
      const fresh = trusted || Math.abs(offset - offsetMs) > threshold;
      const byMs = trusted ? offset : offset - offsetMs;
      trusted = false;
      last = expected;
      if (fresh) jumped(w, byMs);
    }
    offsetMs = w - last;
    return last;
  }

  return {
    now,
    state: () => ({ trusted, offsetMs, jumps, lastJump }),
  };
}

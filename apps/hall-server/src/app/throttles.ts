import type { Store } from '../store/store';

// Budgets for guessing secrets, kept in memory per hall (a restart forgives them; the lock on a
// staff number is in SQLite and survives it). Synchronous on purpose: a budget is taken before
// the first `await`, so a burst sent at once cannot all pass the check before any is counted.

export interface Budget {
  /** Takes one try for `key` at `now`; refused with the wait when the window's tries are used. */
  take(key: string, now: number): { ok: true } | { ok: false; retryAfterMs: number };
  /** Gives a try back (a right PIN should not count against the desk that typed it). */
  giveBack(key: string): void;
}

/** `limit` tries per key per fixed window; at most `maxKeys` keys held (oldest windows first out). */
export function budget(limit: number, windowMs: number, maxKeys = 10_000): Budget {
  const windows = new Map<string, { start: number; used: number }>();
  return {
    take(key, now) {
      let w = windows.get(key);
      if (!w || now - w.start >= windowMs) {
        windows.delete(key); // re-inserted last: the map stays in order of window start
        w = { start: now, used: 0 };
        windows.set(key, w);
        if (windows.size > maxKeys) windows.delete(windows.keys().next().value!);
      }
      if (w.used >= limit) return { ok: false, retryAfterMs: w.start + windowMs - now };
      w.used++;
      return { ok: true };
    },
    giveBack(key) {
      const w = windows.get(key);
      if (w && w.used > 0) w.used--;
    },
  };
}

/** The hall's settings for guessing; see docs/security.md "Access". */
export const THROTTLES = {
  /**
   * Failed sign-ins per desk and per source address (any staff numbers) per window. A try is
   * taken when the attempt arrives and given back when its PIN is right, so attempts in flight
   * count: the address budget leaves room for a whole hall signing in at once behind one address.
   */
  signInPerDevice: { limit: 10, windowMs: 10 * 60_000 },
  signInPerAddress: { limit: 60, windowMs: 10 * 60_000 },
  /**
   * Tries per typed staff number across all desks per window. Binds only desks that have
   * already failed for that number: a desk with no failure for it is always admitted, so the
   * ceiling slows a guesser with many desks but cannot lock the staff member out.
   */
  signInPerStaffNo: { limit: 20, windowMs: 10 * 60_000 },
  /** Pairing-code guesses per source address, and for the whole hall. */
  pairingPerAddress: { limit: 10, windowMs: 10 * 60_000 },
  pairingHallWide: { limit: 30, windowMs: 10 * 60_000 },
  /**
   * Whole customer numbers one staff member may reveal per hour (customer:reveal-contact). A
   * clerk calls back a few customers an hour; the duty leader may reveal any visit's number, so
   * without a bound a leader's session (or a copy of it) could list every customer's.
   */
  revealPerStaff: { limit: 30, windowMs: 60 * 60_000 },
} as const;

function create() {
  const b = (s: { limit: number; windowMs: number }) => budget(s.limit, s.windowMs);
  return {
    signInPerDevice: b(THROTTLES.signInPerDevice),
    signInPerAddress: b(THROTTLES.signInPerAddress),
    signInPerStaffNo: b(THROTTLES.signInPerStaffNo),
    pairingPerAddress: b(THROTTLES.pairingPerAddress),
    pairingHallWide: b(THROTTLES.pairingHallWide),
    revealPerStaff: b(THROTTLES.revealPerStaff),
  };
}
export type Throttles = ReturnType<typeof create>;

const byStore = new WeakMap<Store, Throttles>();

/** The throttles of the hall that owns `store` (one per hall, also with several in one process). */
export function throttlesOf(store: Store): Throttles {
  let t = byStore.get(store);
  if (!t) byStore.set(store, (t = create()));
  return t;
}

/** Takes one try from each budget in order; none is taken when any refuses. */
export function takeAll(
  tries: { budget: Budget; key: string | null | undefined }[],
  now: number,
): { ok: true; giveBack(): void } | { ok: false; retryAfterMs: number } {
  const taken: { budget: Budget; key: string }[] = [];
  const giveBack = () => taken.forEach((t) => t.budget.giveBack(t.key));
  for (const { budget: b, key } of tries) {
    if (!key) continue;
    const r = b.take(key, now);
    if (!r.ok) {
      giveBack();
      return r;
    }
    taken.push({ budget: b, key });
  }
  return { ok: true, giveBack };
}

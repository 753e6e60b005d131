import { errorMessages, type ErrorCode } from '@onestop/shared';

// The pairing screen's states, apart from React so the rules are tested without a browser.

/** What a pairing attempt came to, as the screen needs it (`pairDevice` in @onestop/client). */
export type PairingAttempt =
  | { state: 'paired' }
  | { state: 'refused'; code: string }
  | { state: 'locked'; retryAfterMs: number }
  | { state: 'offline' };

/**
 * - `entering`: typing the code.
 * - `sending`: the code is on its way (and stays so once paired, while the page restarts).
 * - `refused`: the hall said no (a wrong or used code), with its reason.
 * - `locked`: too many tries; no new one before `until`.
 * - `offline`: no answer from the hall.
 */
export type PairingState =
  | { step: 'entering' }
  | { step: 'sending' }
  | { step: 'refused'; code: string }
  | { step: 'locked'; until: number }
  | { step: 'offline' };

export const pairingCodeLength = 6;

export function afterAttempt(attempt: PairingAttempt, now: number): PairingState {
  switch (attempt.state) {
    case 'paired':
      return { step: 'sending' };
    case 'refused':
      return { step: 'refused', code: attempt.code };
    case 'locked':
      return { step: 'locked', until: now + attempt.retryAfterMs };
    case 'offline':
      return { step: 'offline' };
  }
}

/** A lockout that has run out is over: back to entering (the code typed is kept). */
export function atTime(state: PairingState, now: number): PairingState {
  return state.step === 'locked' && state.until <= now ? { step: 'entering' } : state;
}

/** Whether the pair button sends: six digits, nothing on its way, no lockout running. */
export function canPair(state: PairingState, code: string, now: number): boolean {
  if (!new RegExp(`^\\d{${pairingCodeLength}}$`).test(code)) return false;
  if (state.step === 'sending') return false;
  return state.step !== 'locked' || state.until <= now;
}

/** Whole seconds left of a lockout, at least 1 while it runs. */
export function secondsLeft(until: number, now: number): number {
  return Math.max(1, Math.ceil((until - now) / 1000));
}

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorMessages, code);
}

/** A refusal in the screen's language by its code (the contract holds both wordings). */
export function refusalText(code: string, language: string, fallback = code): string {
  if (!isErrorCode(code)) return fallback;
  return language === 'en' ? errorMessages[code].en : errorMessages[code].zh;
}

import type { Counter, Evaluation } from '@onestop/shared';

// What the evaluation pad shows, from its counter, the question the server holds for it, and
// the customer's taps so far. The server decides when a question opens and when it closes
// (answered or not rated after the time-out); the pad follows.

export type PadScreen = 'unknown' | 'closed' | 'paused' | 'idle' | 'ask' | 'reasons' | 'thanks';

export interface PadTaps {
  /** The question the customer tapped 不满意 on, to pick reasons. */
  reasonsFor: string | null;
  /** After an answer the pad thanks the customer until this time. */
  thanksUntil: number;
}

export const noTaps: PadTaps = { reasonsFor: null, thanksUntil: 0 };

/** The newest question still open at this counter. */
export function openQuestion(
  evaluations: readonly Evaluation[],
  counterId: string,
): Evaluation | null {
  let newest: Evaluation | null = null;
  for (const e of evaluations) {
    if (e.counterId !== counterId || e.state !== 'pending') continue;
    if (!newest || e.createdAt > newest.createdAt) newest = e;
  }
  return newest;
}

export function padScreen(input: {
  counter: Counter | null;
  question: Evaluation | null;
  taps: PadTaps;
  now: number;
}): PadScreen {
  const { counter, question, taps, now } = input;
  if (now < taps.thanksUntil) return 'thanks';
  if (question) return taps.reasonsFor === question.id ? 'reasons' : 'ask';
  if (!counter) return 'unknown';
  if (counter.state === 'paused') return 'paused';
  if (counter.state === 'closed' || counter.staffId === null) return 'closed';
  return 'idle';
}

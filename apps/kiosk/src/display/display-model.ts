import type { Counter, Ticket } from '@onestop/shared';

// What the hall display shows, derived from the hall's state as the server sent it. Pure, so
// it is tested; no rule here decides anything, it only arranges.

export type BoardState = 'called' | 'serving' | 'idle' | 'paused' | 'closed';

export interface CounterBoard {
  counter: Counter;
  /** The ticket called to or served at this counter now, if any. */
  ticket: Ticket | null;
  state: BoardState;
}

export function counterBoards(
  counters: readonly Counter[],
  tickets: readonly Ticket[],
): CounterBoard[] {
  const current = new Map<string, Ticket>();
  for (const t of tickets) {
    if (t.counterId === null || (t.state !== 'called' && t.state !== 'serving')) continue;
    const seen = current.get(t.counterId);
    if (!seen || (t.calledAt ?? 0) > (seen.calledAt ?? 0)) current.set(t.counterId, t);
  }
  return counters
    .slice()
    .sort((a, b) => a.number - b.number)
    .map((counter) => {
      const ticket = current.get(counter.id) ?? null;
      const state: BoardState = ticket
        ? ticket.state === 'called'
          ? 'called'
          : 'serving'
        : counter.state === 'open'
          ? 'idle'
          : counter.state;
      return { counter, ticket, state };
    });
}

export interface RecentCall {
  ticketId: string;
  number: string;
  counterId: string;
  counterNumber: number;
  calledAt: number;
}

/** The latest calls, newest first. */
export function recentCalls(
  tickets: readonly Ticket[],
  counters: readonly Counter[],
  limit: number,
): RecentCall[] {
  const numberOf = new Map(counters.map((c) => [c.id, c.number]));
  return tickets
    .filter((t) => t.calledAt !== null && t.counterId !== null && numberOf.has(t.counterId))
    .sort((a, b) => b.calledAt! - a.calledAt!)
    .slice(0, limit)
    .map((t) => ({
      ticketId: t.id,
      number: t.number,
      counterId: t.counterId!,
      counterNumber: numberOf.get(t.counterId!)!,
      calledAt: t.calledAt!,
    }));
}

/** The call the board shows largest: the latest ticket called and not yet done. */
export function currentCall(
  tickets: readonly Ticket[],
  counters: readonly Counter[],
): RecentCall | null {
  const numberOf = new Map(counters.map((c) => [c.id, c.number]));
  let latest: Ticket | null = null;
  for (const t of tickets) {
    if (t.state !== 'called' && t.state !== 'serving') continue;
    if (t.calledAt === null || t.counterId === null || !numberOf.has(t.counterId)) continue;
    if (!latest || t.calledAt > latest.calledAt!) latest = t;
  }
  return latest
    ? {
        ticketId: latest.id,
        number: latest.number,
        counterId: latest.counterId!,
        counterNumber: numberOf.get(latest.counterId!)!,
        calledAt: latest.calledAt!,
      }
    : null;
}

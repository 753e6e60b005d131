import {
  DEFAULT_SPOT_CHECK_ITEMS,
  SPOT_CHECK_RECENT_DAYS,
  addDays,
  type ScoredItem,
  type SpotCheckItem,
  type TicketState,
} from '@onestop/shared';
import { accept, reject, type Result } from './result';

// Spot checks (抽查): which work the duty leader may check, and how item scores make a total.
// Pure: the handler reads the visit or case, the checklist and what was already checked.

/** A checklist as the admin saves it: item ids unique (the scores name them). */
export function checklistProblem(items: readonly SpotCheckItem[]): string | null {
  const seen = new Set<string>();
  for (const [i, item] of items.entries()) {
    if (seen.has(item.id)) return `items.${i}.id: ${item.id} is on the checklist twice`;
    seen.add(item.id);
  }
  return null;
}

/** The service's own items, or the hall's default when it has none. */
export const checklistItems = (own: readonly SpotCheckItem[] | null): readonly SpotCheckItem[] =>
  own && own.length > 0 ? own : DEFAULT_SPOT_CHECK_ITEMS;

export interface ScoreInput {
  itemId: string;
  score: number;
}

/**
 * Every item of the checklist scored once, from 0 to its points; the total is points given
 * over points possible, as a whole percentage.
 */
export function scoreSpotCheck(
  items: readonly SpotCheckItem[],
  scores: readonly ScoreInput[],
): Result<{ items: ScoredItem[]; totalPct: number }> {
  const given = new Map<string, number>();
  for (const s of scores) {
    if (!items.some((i) => i.id === s.itemId))
      return reject('invalid_payload', `scores: ${s.itemId} is not on the checklist`);
    if (given.has(s.itemId))
      return reject('invalid_payload', `scores: ${s.itemId} is scored twice`);
    given.set(s.itemId, s.score);
  }
  const scored: ScoredItem[] = [];
  for (const item of items) {
    const score = given.get(item.id);
    if (score === undefined) return reject('invalid_payload', `scores: ${item.id} is not scored`);
    if (!Number.isInteger(score) || score < 0 || score > item.weight)
      return reject('invalid_payload', `scores: ${item.id} must be from 0 to ${item.weight}`);
    scored.push({ ...item, score });
  }
  const possible = scored.reduce((sum, i) => sum + i.weight, 0);
  const points = scored.reduce((sum, i) => sum + i.score, 0);
  return accept({ items: scored, totalPct: Math.round((points / possible) * 100) });
}

/** The work picked, as far as the rules need it. */
export type SpotCheckWork =
  | {
      subject: 'ticket';
      state: TicketState;
      servingStaffId: string | null;
      /** The visit's business day. */
      day: string;
    }
  | {
      subject: 'case';
      ownerStaffId: string;
      /** The business day the case was opened. */
      day: string;
    };

/** Whether `day` is within the last SPOT_CHECK_RECENT_DAYS business days up to `today`. */
export const isRecentDay = (day: string, today: string) =>
  day <= today && day >= addDays(today, -SPOT_CHECK_RECENT_DAYS);

/**
 * Who the check is of, or why the duty leader may not check this work: a visit must be
 * finished and served by someone; never the leader's own work; recent; not checked before.
 */
export function judgeSpotCheck(
  work: SpotCheckWork,
  leaderId: string,
  today: string,
  alreadyChecked: boolean,
): Result<{ staffId: string }> {
  let staffId: string;
  switch (work.subject) {
    case 'ticket':
      if (work.state !== 'done' || work.servingStaffId === null)
        return reject('spot_check_not_finished');
      staffId = work.servingStaffId;
      break;
    case 'case':
      staffId = work.ownerStaffId;
      break;
  }
  if (staffId === leaderId) return reject('spot_check_own_work');
  if (!isRecentDay(work.day, today)) return reject('spot_check_too_old');
  if (alreadyChecked) return reject('spot_check_exists');
  return accept({ staffId });
}

/** `YYYY-MM` of the `n` months ending with `lastMonth`, oldest first. */
export function monthsEnding(lastMonth: string, n: number): string[] {
  const [y, m] = lastMonth.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let back = n - 1; back >= 0; back--) {
    const index = y * 12 + (m - 1) - back;
    out.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

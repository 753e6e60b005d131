import type { TFunction } from 'i18next';

// How a wait estimate reads (issue 15): a range of minutes, "soon" only while a counter is free
// for it, and plainly "no counter serves this now" (with the opening time, where known) when
// nobody will call it. Never "soon" for a service nobody serves.

/** What the hall server answers for a service or a ticket (hall:queues, ticket:*). */
export interface WaitFigures {
  estimatedWaitSec: number;
  estimatedWaitLowSec: number;
  estimatedWaitHighSec: number;
  noCounterOpen: boolean;
  hallOpensAt: number | null;
}

export type WaitWording =
  | { kind: 'no-counter'; opensAt: number | null }
  | { kind: 'soon' }
  | { kind: 'range'; low: number; high: number };

/** Beyond this many minutes the range is given in steps of five. */
const FINE_UP_TO_MIN = 30;

export function waitWording(w: WaitFigures): WaitWording {
  if (w.noCounterOpen) return { kind: 'no-counter', opensAt: w.hallOpensAt };
  let low = Math.floor(w.estimatedWaitLowSec / 60);
  let high = Math.ceil(w.estimatedWaitHighSec / 60);
  if (high <= 1) return { kind: 'soon' };
  if (high > FINE_UP_TO_MIN) {
    low = Math.floor(low / 5) * 5;
    high = Math.ceil(high / 5) * 5;
  }
  return { kind: 'range', low, high: Math.max(high, low + 1) };
}

/** HH:MM of an instant, in the hall's time zone where known. */
export function clockText(at: number, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).format(at);
}

/** Short, for a service button or the phone page: "约 10–20 分钟" / "暂无窗口办理此业务". */
export function waitShort(t: TFunction, w: WaitFigures, timeZone?: string): string {
  const wording = waitWording(w);
  switch (wording.kind) {
    case 'no-counter':
      return wording.opensAt === null
        ? t('noCounterNow')
        : t('noCounterOpensAt', { time: clockText(wording.opensAt, timeZone) });
    case 'soon':
      return t('soon');
    case 'range':
      return t('waitRange', { low: wording.low, high: wording.high });
  }
}

/** A sentence, for the issued screen and the printed ticket. */
export function waitSentence(t: TFunction, w: WaitFigures, timeZone?: string): string {
  const wording = waitWording(w);
  switch (wording.kind) {
    case 'no-counter':
      return wording.opensAt === null
        ? t('noCounterTicket')
        : t('noCounterOpensAt', { time: clockText(wording.opensAt, timeZone) });
    case 'soon':
      return t('estimatedSoon');
    case 'range':
      return t('estimatedRange', { low: wording.low, high: wording.high });
  }
}

/** Whole minutes, at least one, or null for nothing to wait (the hall display's table). */
export function waitMinutes(estimatedWaitSec: number): number | null {
  if (estimatedWaitSec <= 0) return null;
  return Math.max(1, Math.round(estimatedWaitSec / 60));
}

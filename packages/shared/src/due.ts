import { addDays, dayOf } from './time';

// How an open item's due time stands (cases, support tasks, follow-ups), in the hall's time
// zone; shared so that every screen marks overdue and due-today items the same way as the
// server.

export type DueStatus = 'overdue' | 'due_today' | 'later';

/** The local calendar day (`YYYY-MM-DD`) of an instant in a time zone. */
export const localDay = dayOf;

/** Overdue once past `dueAt`; due today while `dueAt` falls later on today's local date. */
export function dueStatus(dueAt: number, now: number, timeZone: string): DueStatus {
  if (now > dueAt) return 'overdue';
  return localDay(dueAt, timeZone) === localDay(now, timeZone) ? 'due_today' : 'later';
}

/** 限时办结: a case is warned about this long before its due time (unless the hall says
 * otherwise: `HallConfig.caseWarning`), and alerted at it. */
export const CASE_WARN_MS = 24 * 3_600_000;

/** The hall's warning setting (`CaseWarning` in model/config.ts): hours, or a share of the promise. */
export type CaseWarningSetting = { by: 'hours'; hours: number } | { by: 'share'; percent: number };

/** How long before its due time a case is warned about, under the hall's setting. */
export function caseWarnMs(
  warning: CaseWarningSetting | undefined,
  c: { openedAt: number; dueAt: number },
): number {
  if (!warning) return CASE_WARN_MS;
  return warning.by === 'hours'
    ? warning.hours * 3_600_000
    : Math.round(((c.dueAt - c.openedAt) * warning.percent) / 100);
}

export type CaseDueStage = 'overdue' | 'due_soon' | 'later';

/** Where an open case stands against its time limit: past it, within the warning, or not. */
export function caseDueStage(dueAt: number, now: number, warnMs = CASE_WARN_MS): CaseDueStage {
  if (now > dueAt) return 'overdue';
  return dueAt - now <= warnMs ? 'due_soon' : 'later';
}

/**
 * Whether an owner may keep an item over a sign-off instead of handing it over: only when it
 * is due after tomorrow (local days), so nothing due today, tomorrow or overdue is left with
 * someone who is off.
 */
export function keepableOverSignOff(dueAt: number, now: number, timeZone: string): boolean {
  return localDay(dueAt, timeZone) > addDays(localDay(now, timeZone), 1);
}

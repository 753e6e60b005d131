import { caseWarnMs, type CaseWarningSetting } from './due';
import type { BusinessHours, PromiseClock, PromiseRule } from './model';
import { DEFAULT_PROMISE_WARN_PERCENT } from './model/promises';
import { addDays, atLocalTime, dayOf, endOfDayAfter } from './time';

// 承诺's clock arithmetic, shared so that the owner's list marks a promise's warning and its
// limit exactly as the hall's alerts do. Business time is the hall's opening hours
// (`HallConfig.businessHours`, every day: the hall has no closed days in its configuration),
// in the hall's time zone; a hall without opening hours is open around the clock, so its
// business time is calendar time. DST days are the time module's: an opening window is the
// instants between that day's local opening and closing times, however long they are.

const HOUR = 3_600_000;
/** A business-time walk never looks further than this many days ahead (rules stop at 720 h). */
const MAX_WALK_DAYS = 400;

export interface PromiseClockSetting {
  timeZone: string;
  businessHours: BusinessHours | null;
}

const hm = (hhmm: string) => hhmm.split(':').map(Number) as [number, number];

/** The opening window of a local day, as instants. */
function windowOf(day: string, hours: BusinessHours, timeZone: string): [number, number] {
  const [oh, om] = hm(hours.open);
  const [ch, cm] = hm(hours.close);
  return [atLocalTime(day, oh, om, timeZone), atLocalTime(day, ch, cm, timeZone)];
}

/** The instant `ms` of opening time after `from` (nights skipped); from inside a night: the next opening. */
export function addBusinessMs(from: number, ms: number, setting: PromiseClockSetting): number {
  const hours = setting.businessHours;
  if (!hours) return from + ms;
  let day = dayOf(from, setting.timeZone);
  let left = ms;
  for (let i = 0; i < MAX_WALK_DAYS; i++, day = addDays(day, 1)) {
    const [open, close] = windowOf(day, hours, setting.timeZone);
    const start = Math.max(from, open);
    if (start >= close) continue;
    if (left <= close - start) return start + left;
    left -= close - start;
  }
  return from + ms; // unreachable for the rules' bounds; never loop for ever
}

/** Opening time (ms) between two instants. */
export function businessMsBetween(from: number, to: number, setting: PromiseClockSetting): number {
  const hours = setting.businessHours;
  if (!hours) return Math.max(0, to - from);
  let total = 0;
  let day = dayOf(from, setting.timeZone);
  const last = dayOf(to, setting.timeZone);
  for (let i = 0; i < MAX_WALK_DAYS && day <= last; i++, day = addDays(day, 1)) {
    const [open, close] = windowOf(day, hours, setting.timeZone);
    total += Math.max(0, Math.min(close, to) - Math.max(open, from));
  }
  return total;
}

/** The promised time of a rule started at `start` (docs/promises.md, "How a promise is counted"). */
export function promiseDue(rule: PromiseRule, start: number, setting: PromiseClockSetting): number {
  const { timeZone, businessHours } = setting;
  if (rule.unit === 'hours') {
    return rule.clock === 'business'
      ? addBusinessMs(start, rule.amount * HOUR, setting)
      : start + rule.amount * HOUR;
  }
  if (rule.clock === 'calendar' || !businessHours)
    return endOfDayAfter(start, rule.amount, timeZone);
  // Closing time of the amount-th opening day after the start's day.
  const day = addDays(dayOf(start, timeZone), rule.amount);
  return windowOf(day, businessHours, timeZone)[1];
}

export interface PromiseWarnSetting extends PromiseClockSetting {
  promiseWarnPercent?: number | undefined;
  caseWarning?: CaseWarningSetting | undefined;
}

/**
 * When the owner is warned: once `promiseWarnPercent` of the time from the start to the current
 * promise has passed, counted on the promise's clock. A hall without `promiseWarnPercent` keeps
 * its cases' `caseWarning` (24 hours before, by default); its tasks get the default share.
 */
export function promiseWarnAt(
  item: { kind: 'case' | 'task'; start: number; dueAt: number; clock: PromiseClock },
  setting: PromiseWarnSetting,
): number {
  const { start, dueAt } = item;
  if (setting.promiseWarnPercent === undefined && item.kind === 'case') {
    return dueAt - caseWarnMs(setting.caseWarning, { openedAt: start, dueAt });
  }
  const share = (setting.promiseWarnPercent ?? DEFAULT_PROMISE_WARN_PERCENT) / 100;
  const business = item.clock === 'business' ? businessMsBetween(start, dueAt, setting) : 0;
  if (business > 0) return addBusinessMs(start, Math.round(business * share), setting);
  return start + Math.round((dueAt - start) * share);
}

export type PromiseStage = 'on_time' | 'warning' | 'overdue';

/** Where an open promise stands at `now`: past its time, within its warning, or on time. */
export function promiseStage(dueAt: number, warnAt: number, now: number): PromiseStage {
  if (now > dueAt) return 'overdue';
  return now >= warnAt ? 'warning' : 'on_time';
}

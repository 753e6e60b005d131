// The business day is the hall's local calendar date. Numbering restarts with it, so it is
// derived from `now` and the hall's time zone on every use: no cron, nothing to miss on restart.
// The zone arithmetic (DST-safe) is the shared time module's (`packages/shared/src/time.ts`):
// `businessDayOf(now, tz)`, `nextBusinessDayStart(now, tz)` (the next day's first instant) and
// `startOfBusinessDay(day, tz)`, in the hall's words.

export {
  dayOf as businessDayOf,
  nextDayStart as nextBusinessDayStart,
  startOfDay as startOfBusinessDay,
} from '@onestop/shared';

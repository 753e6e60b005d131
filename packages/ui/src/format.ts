// Times and durations as people in the hall read them, in the hall's time zone; the screen's
// language as a Lang (the kiosk's and the counter's screens alike).

import { atLocalTime, dayOf, isCalendarDay, timeOfDay } from '@onestop/shared';

export type Lang = 'zh' | 'en';

/** The screen's language from i18next's: English when asked for, Chinese (the default) else. */
export function langOf(language: string | undefined): Lang {
  return language === 'en' || language?.startsWith('en-') ? 'en' : 'zh';
}

const formats = new Map<string, Intl.DateTimeFormat>();

function cached(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = formats.get(key);
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

/** `14:05` */
export function formatClock(ms: number, timeZone: string): string {
  return cached(`clock|${timeZone}`, () => {
    return new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
  }).format(ms);
}

/** `11月24日 14:05` / `24 Nov 14:05` */
export function formatDateTime(ms: number, timeZone: string, lang: Lang): string {
  const parts = cached(`date|${timeZone}`, () => {
    return new Intl.DateTimeFormat('en-GB', { timeZone, month: 'short', day: 'numeric' });
  }).formatToParts(ms);
  const day = parts.find((p) => p.type === 'day')?.value ?? '';
  const month = parts.find((p) => p.type === 'month')?.value ?? '';
  const date = lang === 'zh' ? `${monthNumber(month)}月${day}日` : `${day} ${month}`;
  return `${date} ${formatClock(ms, timeZone)}`;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function monthNumber(short: string): number {
  return months.findIndex((m) => short.startsWith(m)) + 1;
}

/** A duration in whole seconds: `45秒`, `12分`, `1小时5分` / `45 s`, `12 min`, `1 h 5 min`. */
export function formatDuration(totalSec: number, lang: Lang): string {
  const sec = Math.max(0, Math.round(totalSec));
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const s = sec % 60;
  const units = lang === 'zh' ? { h: '小时', m: '分', s: '秒' } : { h: ' h', m: ' min', s: ' s' };
  const sep = lang === 'zh' ? '' : ' ';
  if (h > 0) return m > 0 ? `${h}${units.h}${sep}${m}${units.m}` : `${h}${units.h}`;
  if (m > 0) return `${m}${units.m}`;
  return `${s}${units.s}`;
}

/**
 * A `datetime-local` input's value for an instant, on the hall's wall clock (`timeZone`), not
 * the browser's: a desk whose computer is set to another zone still shows the hall's time.
 */
export function toDateTimeInput(ms: number, timeZone: string): string {
  return `${dayOf(ms, timeZone)}T${timeOfDay(ms, timeZone)}`;
}

/**
 * Parses a `datetime-local` value read on the hall's wall clock (`timeZone`); null when empty,
 * malformed or not a calendar day. A time a DST change skips is taken as just after the jump.
 */
export function fromDateTimeInput(value: string, timeZone: string): number | null {
  const parts = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!parts) return null;
  const [, day, hour, minute] = parts;
  if (!isCalendarDay(day!) || Number(hour) > 23 || Number(minute) > 59) return null;
  return atLocalTime(day!, Number(hour), Number(minute), timeZone);
}

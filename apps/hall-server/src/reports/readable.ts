import { dayOf, timeOfDay, type Service } from '@onestop/shared';

// How a report reads for people, in the export's language: services by name (never an id),
// hours as 09:00–10:00, shares as 83.3%, times in minutes with one decimal, business days as
// 2026-11-24 (周二). The XLSX, the CSV and the bulletin all format through here.

export const exportLangs = ['zh', 'en'] as const;
export type ExportLang = (typeof exportLangs)[number];

export const isExportLang = (s: string): s is ExportLang => exportLangs.some((l) => l === s);

/** What an export needs beside the report: its language and the names to show for ids. */
export interface ExportContext {
  lang: ExportLang;
  hallName: string;
  /** The hall's time zone, for when the report was made. */
  timeZone: string;
  serviceName: (serviceId: string) => string;
}

export function exportContextOf(
  lang: ExportLang,
  hall: { nameZh: string; nameEn: string; timeZone: string },
  services: readonly Pick<Service, 'id' | 'nameZh' | 'nameEn'>[],
): ExportContext {
  const names = new Map(services.map((s) => [s.id, lang === 'zh' ? s.nameZh : s.nameEn]));
  return {
    lang,
    hallName: lang === 'zh' ? hall.nameZh : hall.nameEn,
    timeZone: hall.timeZone,
    // A service the hall no longer lists still gets a word, not its id.
    serviceName: (id) => names.get(id) ?? (lang === 'zh' ? '(已停用业务)' : '(retired service)'),
  };
}

export const DASH = '—';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** 9 → `09:00–10:00` (an en dash, so Excel keeps it as text). */
export const hourSpan = (hour: number) => `${pad2(hour)}:00–${pad2(hour + 1)}:00`;

/** The report's per-hour keys (`09:00`) as spans; anything else is left as it is. */
export function hourKeySpan(key: string): string {
  const m = /^(\d{2}):00$/.exec(key);
  return m ? hourSpan(Number(m[1])) : key;
}

const weekdayWords: Record<ExportLang, readonly string[]> = {
  zh: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

/** `2026-11-24` → `2026-11-24 (周二)` / `2026-11-24 (Tue)`. */
export function dayWithWeekday(day: string, lang: ExportLang): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return `${day} (${weekdayWords[lang][weekday]})`;
}

export function rangeText(from: string, to: string, lang: ExportLang): string {
  const first = dayWithWeekday(from, lang);
  return from === to ? first : `${first} – ${dayWithWeekday(to, lang)}`;
}

/** When the report was made, on the hall's clock: `2026-11-24 (周二) 17:05`. */
export function instantText(ms: number, timeZone: string, lang: ExportLang): string {
  return `${dayWithWeekday(dayOf(ms, timeZone), lang)} ${timeOfDay(ms, timeZone)}`;
}

export const percentText = (share: number | null) =>
  share === null ? DASH : `${(share * 100).toFixed(1)}%`;

export const minutesOf = (sec: number) => Math.round(sec / 6) / 10;

export const oneDecimal = (n: number) => Math.round(n * 10) / 10;

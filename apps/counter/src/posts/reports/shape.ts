import type { HallReport } from '@onestop/shared';

// The report's figures shaped for the charts and the summary line. Pure.

export const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** The hours from the first to the last with anything in them (at least opening hours). */
function hourSpan(active: number[]): number[] {
  if (active.length === 0) return [];
  const first = Math.min(...active);
  const last = Math.max(...active);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export interface Heatmap {
  hours: number[];
  /** [column (index into hours), weekday 0=Mon..6=Sun, arrivals]; empty cells left out. */
  cells: [number, number, number][];
  max: number;
}

/** Arrivals by weekday × hour for a heat map over the hours that had arrivals. */
export function arrivalsHeatmap(byWeekdayHour: readonly (readonly number[])[]): Heatmap {
  const active = new Set<number>();
  byWeekdayHour.forEach((row) => row.forEach((n, hour) => n > 0 && active.add(hour)));
  const hours = hourSpan([...active]);
  const cells: [number, number, number][] = [];
  let max = 0;
  byWeekdayHour.forEach((row, weekday) =>
    hours.forEach((hour, column) => {
      const n = row[hour] ?? 0;
      if (n > 0) cells.push([column, weekday, n]);
      max = Math.max(max, n);
    }),
  );
  return { hours, cells, max };
}

export interface StaffingSeries {
  hours: number[];
  recommended: number[];
  serving: number[];
  arrivals: number[];
  /** Minutes; null where nobody was called that hour. */
  waitP50Min: (number | null)[];
  waitP90Min: (number | null)[];
}

const minutes = (sec: number) => Math.round((sec / 60) * 10) / 10;

/** Per hour, with the hours between the report's first and last filled in as zero. */
export function staffingSeries(hours: HallReport['hours']): StaffingSeries {
  const byHour = new Map(hours.map((h) => [h.hour, h]));
  const span = hourSpan(hours.map((h) => h.hour));
  const pick = <T>(f: (h: HallReport['hours'][number]) => T, none: T) =>
    span.map((hour) => {
      const h = byHour.get(hour);
      return h ? f(h) : none;
    });
  const called = (h: HallReport['hours'][number]) => h.waitP50Sec > 0 || h.waitP90Sec > 0;
  return {
    hours: span,
    recommended: pick((h) => h.countersRecommended, 0),
    serving: pick((h) => h.countersServing, 0),
    arrivals: pick((h) => h.arrivalsPerHour, 0),
    waitP50Min: pick((h) => (called(h) ? minutes(h.waitP50Sec) : null), null),
    waitP90Min: pick((h) => (called(h) ? minutes(h.waitP90Sec) : null), null),
  };
}

/** Nothing happened in the range: no visit, no opinion, no case. An empty state, not an error. */
export function isEmptyReport(report: HallReport): boolean {
  return (
    report.tickets === 0 &&
    report.opinions.total === 0 &&
    report.cases.opened === 0 &&
    // A day of device faults and no visitor (the hall closed for a repair) is still a report.
    (report.hardware?.faults ?? 0) === 0
  );
}

export interface Headline {
  tickets: number;
  served: number;
  /** Called within target, of all called; null when nobody was called. */
  withinTarget: number | null;
  handleMeanSec: number | null;
  /** (非常满意 + 满意) / rated over all clerks; null when nobody rated. */
  satisfaction: number | null;
  opinions: number;
  casesOnTimeRate: number | null;
}

/** The range in one line: weighted over services and clerks. */
export function headline(report: HallReport): Headline {
  const called = report.services.reduce((s, x) => s + x.called, 0);
  const within = report.services.reduce((s, x) => s + x.withinTargetShare * x.called, 0);
  const served = report.clerks.reduce((s, c) => s + c.served, 0);
  const handled = report.clerks.reduce((s, c) => s + c.handleMeanSec * c.served, 0);
  const rated = report.clerks.reduce((s, c) => s + c.rated, 0);
  const satisfied = report.clerks.reduce((s, c) => s + (c.satisfactionRate ?? 0) * c.rated, 0);
  return {
    tickets: report.tickets,
    served,
    withinTarget: called === 0 ? null : Math.round(within) / called,
    handleMeanSec: served === 0 ? null : handled / served,
    satisfaction: rated === 0 ? null : Math.round(satisfied) / rated,
    opinions: report.opinions.total,
    casesOnTimeRate: report.cases.onTimeRate,
  };
}

export type ReportScreenState = 'loading' | 'error' | 'offline' | 'empty' | 'ready';

/**
 * What the reports screen shows: the figures for the chosen range once they are here (empty
 * or not); until then loading, the error of the last try, or offline.
 */
export function reportState(s: {
  loading: boolean;
  error: boolean;
  /** The figures held are for the chosen range and service level. */
  matches: boolean;
  online: boolean;
  empty: boolean;
}): ReportScreenState {
  if (s.loading && !s.matches) return 'loading';
  if (s.error && !s.loading) return 'error';
  if (!s.matches) return s.online ? 'loading' : 'offline';
  return s.empty ? 'empty' : 'ready';
}

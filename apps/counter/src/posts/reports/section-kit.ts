import type { HallReport } from '@onestop/shared';
import type { Lang } from '@onestop/ui';
import type { Exports } from './use-exports';

// What every section of the report is given.

export interface SectionProps {
  report: HallReport;
  lang: Lang;
  /** A service's name in the screen's language (its id if the hall no longer lists it). */
  serviceName: (id: string) => string;
  exports: Exports;
  /** Exports need the hall server. */
  online: boolean;
}

export const palette = {
  brand: '#0b5ed7',
  light: '#9ec5fe',
  ok: '#198754',
  warn: '#d97706',
  bad: '#b91c1c',
  grey: '#9fb3c8',
  ink: '#102a43',
};

/** The client-side CSV's file name: what, and which days. */
export const csvName = (report: HallReport, table: string) =>
  `onestop-report-${report.from}-${report.to}-${table}.csv`;

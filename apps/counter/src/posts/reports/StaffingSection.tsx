import type { HallReport } from '@onestop/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decimal, hourSpan, minutes, percent } from './cells';
import { Chart, type ChartOption } from './Chart';
import { bars, categoryChart, line } from './chart-kit';
import { csvName, palette, type SectionProps } from './section-kit';
import { hourLabel, staffingSeries } from './shape';
import { figureColumn, SortableTable, type Column } from './SortableTable';

// Staffing by time of day: what Erlang C recommends against the counters that served and the
// waits that resulted, for the whole hall or one service.

type HourRow = HallReport['hours'][number];

/** Counters serving minus recommended, to a tenth: below zero the hall was short. */
const gapOf = (r: HourRow) => Math.round((r.countersServing - r.countersRecommended) * 10) / 10;
/** The gap with its sign: +1.0 more counters than needed, -0.5 short. */
const signedDecimal = (gap: number) => (gap > 0 ? `+${decimal(gap)}` : decimal(gap));
/** Waits exist only for hours in which someone arrived. */
const whenCalled = (r: HourRow, v: number) => (r.arrivalsPerHour === 0 ? null : v);

export function StaffingSection({ report, serviceName, exports, online }: SectionProps) {
  const { t } = useTranslation();
  // The whole hall (against its tightest target wait) or one service (against its own).
  const [scope, setScope] = useState('hall');
  const forService = report.staffingByService.find((s) => s.serviceId === scope) ?? null;
  const hours = forService?.hours ?? report.hours;
  const targetWaitSec = forService?.targetWaitSec ?? report.staffing.targetWaitSec;
  const series = useMemo(() => staffingSeries(hours), [hours]);
  const goal = report.staffing.serviceLevel;
  const columns = useMemo<Column<HourRow>[]>(
    () => [
      figureColumn('hour', t('reports.col.hour'), (r) => r.hour, hourSpan),
      figureColumn('arrivals', t('reports.col.arrivalsPerHour'), (r) => r.arrivalsPerHour, decimal),
      figureColumn(
        'handleMean',
        t('reports.col.handleMean'),
        (r) => (r.arrivalsPerHour === 0 ? null : r.handleMeanSec),
        minutes,
      ),
      {
        key: 'recommended',
        label: t('reports.col.recommended'),
        value: (r) => r.countersRecommended,
      },
      figureColumn('serving', t('reports.col.serving'), (r) => r.countersServing, decimal),
      figureColumn('gap', t('reports.col.gap'), gapOf, signedDecimal, (r) =>
        gapOf(r) < 0 ? 'bad' : undefined,
      ),
      figureColumn(
        'waitP50',
        t('reports.col.waitP50'),
        (r) => whenCalled(r, r.waitP50Sec),
        minutes,
      ),
      figureColumn(
        'waitP90',
        t('reports.col.waitP90'),
        (r) => whenCalled(r, r.waitP90Sec),
        minutes,
      ),
      figureColumn(
        'withinTarget',
        t('reports.col.withinTarget'),
        (r) => whenCalled(r, r.withinTargetShare),
        percent,
        (r) => ((whenCalled(r, r.withinTargetShare) ?? 1) < goal ? 'bad' : undefined),
      ),
    ],
    [t, goal],
  );
  const option = useMemo<ChartOption>(
    () =>
      categoryChart({
        categories: series.hours.map(hourLabel),
        yAxis: [
          { type: 'value', name: t('reports.unit.counters'), minInterval: 1 },
          { type: 'value', name: t('reports.unit.minutes'), splitLine: { show: false } },
        ],
        series: [
          bars(t('reports.col.recommended'), palette.brand, series.recommended),
          bars(t('reports.col.serving'), palette.grey, series.serving),
          line(t('reports.col.waitP50'), palette.warn, series.waitP50Min, { yAxisIndex: 1 }),
        ],
      }),
    [series, t],
  );
  const rule = {
    percent: Math.round(report.staffing.serviceLevel * 100),
    minutes: Math.round(targetWaitSec / 60),
  };
  return (
    <div className="report-section" data-testid="section-staffing">
      <div className="section-head">
        <label className="inline">
          {t('reports.staffingScope')}
          <select
            data-testid="staffing-scope"
            value={forService ? scope : 'hall'}
            onChange={(e) => setScope(e.target.value)}
          >
            <option value="hall">{t('reports.wholeHall')}</option>
            {report.staffingByService.map((s) => (
              <option key={s.serviceId} value={s.serviceId}>
                {serviceName(s.serviceId)}
              </option>
            ))}
          </select>
        </label>
        <p className="muted note" data-testid="staffing-rule">
          {forService ? t('reports.note.staffingService', rule) : t('reports.note.staffing', rule)}
        </p>
      </div>
      <Chart option={option} label={t('reports.chart.staffing')} testId="chart-staffing" />
      <SortableTable
        testId="table-hours"
        caption={forService ? serviceName(forService.serviceId) : t('reports.table.hours')}
        columns={columns}
        rows={hours}
        rowKey={(r) => String(r.hour)}
        initialSort={{ key: 'hour', dir: 'asc' }}
        csv={
          forService
            ? { filename: csvName(report, `hours-${forService.serviceId}`) }
            : { server: () => void exports.start('csv:hours') }
        }
        csvDisabled={!online || exports.running !== null}
      />
    </div>
  );
}

import type { HallReport } from '@onestop/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decimal, hourKeySpan, hourSpan, minutes, percent, signedMinutes } from './cells';
import { Chart, type ChartOption } from './Chart';
import { csvName, palette, type SectionProps } from './section-kit';
import { arrivalsHeatmap, hourLabel, staffingSeries } from './shape';
import { SortableTable, type Column } from './SortableTable';

// Per hour: arrivals by weekday × hour and waits by hour; staffing by time of day (Erlang C
// against the counters that served and the waits that resulted); the wait estimate's accuracy.

type HourRow = HallReport['hours'][number];
type AccuracyRow = HallReport['estimates']['byService'][number];

const weekdayKeys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export function HoursSection({ report }: SectionProps) {
  const { t } = useTranslation();
  const heat = useMemo(
    () => arrivalsHeatmap(report.arrivalsByWeekdayHour),
    [report.arrivalsByWeekdayHour],
  );
  const series = useMemo(() => staffingSeries(report.hours), [report.hours]);
  const heatOption = useMemo<ChartOption>(
    () => ({
      tooltip: {
        formatter: (p: { data: [number, number, number] }) =>
          `${t(`reports.weekday.${weekdayKeys[p.data[1]]!}`)} ${hourLabel(heat.hours[p.data[0]]!)}: ${p.data[2]}`,
      },
      grid: { left: 60, right: 90, top: 10, bottom: 30 },
      xAxis: { type: 'category', data: heat.hours.map(hourLabel), splitArea: { show: true } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: weekdayKeys.map((d) => t(`reports.weekday.${d}`)),
        splitArea: { show: true },
      },
      visualMap: {
        min: 0,
        max: Math.max(1, heat.max),
        calculable: true,
        orient: 'vertical',
        right: 0,
        top: 'middle',
        itemHeight: 200,
        inRange: { color: ['#eef4fd', '#6ea8fe', '#084298'] },
      },
      series: [
        {
          name: t('reports.chart.heatmap'),
          type: 'heatmap',
          data: heat.cells,
          label: { show: true },
        },
      ],
    }),
    [heat, t],
  );
  const waitOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 50, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: series.hours.map(hourLabel) },
      yAxis: [
        { type: 'value', name: t('reports.unit.minutes') },
        { type: 'value', name: t('reports.unit.perHour'), splitLine: { show: false } },
      ],
      series: [
        {
          name: t('reports.col.arrivalsPerHour'),
          type: 'bar',
          barMaxWidth: 56,
          yAxisIndex: 1,
          color: palette.grey,
          data: series.arrivals,
        },
        {
          name: t('reports.col.waitP50'),
          type: 'line',
          color: palette.brand,
          connectNulls: false,
          data: series.waitP50Min,
        },
        {
          name: t('reports.col.waitP90'),
          type: 'line',
          color: palette.warn,
          connectNulls: false,
          data: series.waitP90Min,
        },
      ],
    }),
    [series, t],
  );
  return (
    <div className="report-section two" data-testid="section-hours">
      <div>
        <h4>{t('reports.chart.heatmap')}</h4>
        <Chart
          option={heatOption}
          label={t('reports.chart.heatmap')}
          height={360}
          testId="chart-heatmap"
        />
      </div>
      <div>
        <h4>{t('reports.chart.waitsByHour')}</h4>
        <Chart
          option={waitOption}
          label={t('reports.chart.waitsByHour')}
          height={360}
          testId="chart-waits"
        />
      </div>
    </div>
  );
}

/** Counters serving minus recommended, to a tenth: below zero the hall was short. */
const gapOf = (r: HourRow) => Math.round((r.countersServing - r.countersRecommended) * 10) / 10;
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
      {
        key: 'hour',
        label: t('reports.col.hour'),
        value: (r) => r.hour,
        text: (r) => hourSpan(r.hour),
      },
      {
        key: 'arrivals',
        label: t('reports.col.arrivalsPerHour'),
        value: (r) => r.arrivalsPerHour,
        text: (r) => decimal(r.arrivalsPerHour),
      },
      {
        key: 'handleMean',
        label: t('reports.col.handleMean'),
        value: (r) => (r.arrivalsPerHour === 0 ? null : r.handleMeanSec),
        text: (r) => minutes(r.arrivalsPerHour === 0 ? null : r.handleMeanSec),
      },
      {
        key: 'recommended',
        label: t('reports.col.recommended'),
        value: (r) => r.countersRecommended,
      },
      {
        key: 'serving',
        label: t('reports.col.serving'),
        value: (r) => r.countersServing,
        text: (r) => decimal(r.countersServing),
      },
      {
        key: 'gap',
        label: t('reports.col.gap'),
        value: gapOf,
        text: (r) => (gapOf(r) > 0 ? `+${decimal(gapOf(r))}` : decimal(gapOf(r))),
        tone: (r) => (gapOf(r) < 0 ? 'bad' : undefined),
      },
      {
        key: 'waitP50',
        label: t('reports.col.waitP50'),
        value: (r) => whenCalled(r, r.waitP50Sec),
        text: (r) => minutes(whenCalled(r, r.waitP50Sec)),
      },
      {
        key: 'waitP90',
        label: t('reports.col.waitP90'),
        value: (r) => whenCalled(r, r.waitP90Sec),
        text: (r) => minutes(whenCalled(r, r.waitP90Sec)),
      },
      {
        key: 'withinTarget',
        label: t('reports.col.withinTarget'),
        value: (r) => whenCalled(r, r.withinTargetShare),
        text: (r) => percent(whenCalled(r, r.withinTargetShare)),
        tone: (r) => ((whenCalled(r, r.withinTargetShare) ?? 1) < goal ? 'bad' : undefined),
      },
    ],
    [t, goal],
  );
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 50, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: series.hours.map(hourLabel) },
      yAxis: [
        { type: 'value', name: t('reports.unit.counters'), minInterval: 1 },
        { type: 'value', name: t('reports.unit.minutes'), splitLine: { show: false } },
      ],
      series: [
        {
          name: t('reports.col.recommended'),
          type: 'bar',
          barMaxWidth: 56,
          color: palette.brand,
          data: series.recommended,
        },
        {
          name: t('reports.col.serving'),
          type: 'bar',
          barMaxWidth: 56,
          color: palette.grey,
          data: series.serving,
        },
        {
          name: t('reports.col.waitP50'),
          type: 'line',
          yAxisIndex: 1,
          color: palette.warn,
          data: series.waitP50Min,
        },
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

function accuracyColumns(
  t: (k: string) => string,
  keyLabel: string,
  keyText: (k: string) => string,
) {
  const columns: Column<AccuracyRow>[] = [
    { key: 'key', label: keyLabel, value: (r) => keyText(r.key) },
    { key: 'n', label: t('reports.col.n'), value: (r) => r.n },
    {
      key: 'mae',
      label: t('reports.col.mae'),
      value: (r) => (r.n === 0 ? null : r.maeSec),
      text: (r) => minutes(r.n === 0 ? null : r.maeSec),
    },
    {
      key: 'bias',
      label: t('reports.col.bias'),
      value: (r) => (r.n === 0 ? null : r.biasSec),
      text: (r) => (r.n === 0 ? '—' : signedMinutes(r.biasSec)),
    },
    {
      key: 'naiveMae',
      label: t('reports.col.naiveMae'),
      value: (r) => (r.n === 0 ? null : r.naiveMaeSec),
      text: (r) => minutes(r.n === 0 ? null : r.naiveMaeSec),
    },
    {
      key: 'overHigh',
      label: t('reports.col.overHigh'),
      value: (r) => (r.n === 0 ? null : r.overHighShare),
      text: (r) => percent(r.n === 0 ? null : r.overHighShare),
    },
  ];
  return columns;
}

function accuracyOption(
  t: (k: string) => string,
  rows: AccuracyRow[],
  label: (k: string) => string,
): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 50, right: 20, top: 36, bottom: 30 },
    xAxis: { type: 'category', data: rows.map((r) => label(r.key)) },
    yAxis: { type: 'value', name: t('reports.unit.minutes') },
    series: [
      {
        name: t('reports.col.mae'),
        type: 'bar',
        barMaxWidth: 56,
        color: palette.brand,
        data: rows.map((r) => Number(minutes(r.maeSec))),
      },
      {
        name: t('reports.col.bias'),
        type: 'bar',
        barMaxWidth: 56,
        color: palette.warn,
        data: rows.map((r) => Number(minutes(r.biasSec))),
      },
    ],
  };
}

/** The estimate told against the naive one, and the share past the range: the issue's goal. */
function EstimatesSummary({ report }: Pick<SectionProps, 'report'>) {
  const { t } = useTranslation();
  const all = report.estimates.overall;
  if (all.n === 0) return null;
  const ratio =
    all.naiveMaeSec === null || all.naiveMaeSec === 0 ? null : all.maeSec / all.naiveMaeSec;
  return (
    <p
      className="estimates-summary"
      data-testid="estimates-summary"
      data-ratio={ratio === null ? '' : ratio.toFixed(2)}
      data-over-high={all.overHighShare ?? ''}
    >
      {t('reports.note.estimatesSummary', {
        mae: minutes(all.maeSec),
        naive: minutes(all.naiveMaeSec),
        ratio: ratio === null ? '—' : ratio.toFixed(2),
        over: percent(all.overHighShare),
        noCounter: report.estimates.toldNoCounter,
      })}
    </p>
  );
}

export function EstimatesSection({ report, serviceName }: SectionProps) {
  const { t } = useTranslation();
  const byService = useMemo(
    () => report.estimates.byService.filter((e) => e.n > 0),
    [report.estimates.byService],
  );
  const serviceColumns = useMemo(
    () => accuracyColumns(t, t('reports.col.service'), serviceName),
    [t, serviceName],
  );
  const hourColumns = useMemo(() => accuracyColumns(t, t('reports.col.hour'), hourKeySpan), [t]);
  const serviceOption = useMemo(
    () => accuracyOption(t, byService, serviceName),
    [t, byService, serviceName],
  );
  const hourOption = useMemo(
    () => accuracyOption(t, report.estimates.byHour, (k) => k),
    [t, report.estimates.byHour],
  );
  return (
    <div className="report-section" data-testid="section-estimates">
      <p className="muted note">{t('reports.note.estimates')}</p>
      <EstimatesSummary report={report} />
      <div className="two">
        <div>
          <Chart
            option={serviceOption}
            label={t('reports.table.estimatesByService')}
            height={260}
          />
          <SortableTable
            testId="table-estimates-service"
            caption={t('reports.table.estimatesByService')}
            columns={serviceColumns}
            rows={byService}
            rowKey={(r) => r.key}
            initialSort={{ key: 'mae', dir: 'desc' }}
            csv={{ filename: csvName(report, 'estimates-by-service') }}
          />
        </div>
        <div>
          <Chart option={hourOption} label={t('reports.table.estimatesByHour')} height={260} />
          <SortableTable
            testId="table-estimates-hour"
            caption={t('reports.table.estimatesByHour')}
            columns={hourColumns}
            rows={report.estimates.byHour}
            rowKey={(r) => r.key}
            initialSort={{ key: 'key', dir: 'asc' }}
            csv={{ filename: csvName(report, 'estimates-by-hour') }}
          />
        </div>
      </div>
    </div>
  );
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from './Chart';
import { bars, categoryChart, line } from './chart-kit';
import { palette, type SectionProps } from './section-kit';
import { arrivalsHeatmap, hourLabel, staffingSeries } from './shape';

// Per hour: arrivals by weekday × hour, and waits by the hour of arrival.

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
    () =>
      categoryChart({
        categories: series.hours.map(hourLabel),
        yAxis: [
          { type: 'value', name: t('reports.unit.minutes') },
          { type: 'value', name: t('reports.unit.perHour'), splitLine: { show: false } },
        ],
        series: [
          bars(t('reports.col.arrivalsPerHour'), palette.grey, series.arrivals, { yAxisIndex: 1 }),
          line(t('reports.col.waitP50'), palette.brand, series.waitP50Min, { connectNulls: false }),
          line(t('reports.col.waitP90'), palette.warn, series.waitP90Min, { connectNulls: false }),
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

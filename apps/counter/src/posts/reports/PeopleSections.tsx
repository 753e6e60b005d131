import type { HallReport } from '@onestop/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { minutes, percent } from './cells';
import { Chart, type ChartOption } from './Chart';
import { palette, type SectionProps } from './section-kit';
import { SortableTable, type Column } from './SortableTable';

// Per service (waits, target share, handling, no-shows) and per clerk (the appraisal).

type ServiceRow = HallReport['services'][number];
type ClerkRow = HallReport['clerks'][number];

export function ServicesSection({ report, serviceName, exports, online }: SectionProps) {
  const { t } = useTranslation();
  const columns = useMemo<Column<ServiceRow>[]>(
    () => [
      { key: 'service', label: t('reports.col.service'), value: (r) => serviceName(r.serviceId) },
      { key: 'tickets', label: t('reports.col.tickets'), value: (r) => r.tickets },
      { key: 'called', label: t('reports.col.called'), value: (r) => r.called },
      {
        key: 'waitP50',
        label: t('reports.col.waitP50'),
        value: (r) => r.waitP50Sec,
        text: (r) => minutes(r.waitP50Sec),
      },
      {
        key: 'waitP90',
        label: t('reports.col.waitP90'),
        value: (r) => r.waitP90Sec,
        text: (r) => minutes(r.waitP90Sec),
      },
      {
        key: 'withinTarget',
        label: t('reports.col.withinTarget'),
        value: (r) => (r.called === 0 ? null : r.withinTargetShare),
        text: (r) => percent(r.called === 0 ? null : r.withinTargetShare),
      },
      {
        key: 'handleMean',
        label: t('reports.col.handleMean'),
        value: (r) => r.handleMeanSec,
        text: (r) => minutes(r.handleMeanSec),
      },
      {
        key: 'handleP90',
        label: t('reports.col.handleP90'),
        value: (r) => r.handleP90Sec,
        text: (r) => minutes(r.handleP90Sec),
      },
      {
        key: 'noShow',
        label: t('reports.col.noShow'),
        value: (r) => (r.called === 0 ? null : r.noShowRate),
        text: (r) => percent(r.called === 0 ? null : r.noShowRate),
      },
      { key: 'transfers', label: t('reports.col.transfers'), value: (r) => r.transfers },
      {
        key: 'cancellations',
        label: t('reports.col.cancellations'),
        value: (r) => r.cancellations,
      },
    ],
    [t, serviceName],
  );
  const rows = useMemo(() => report.services.filter((s) => s.tickets > 0), [report.services]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 50, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: rows.map((r) => serviceName(r.serviceId)) },
      yAxis: [
        { type: 'value', name: t('reports.unit.minutes') },
        { type: 'value', name: '%', max: 100, splitLine: { show: false } },
      ],
      series: [
        {
          name: t('reports.col.waitP50'),
          type: 'bar',
          barMaxWidth: 56,
          color: palette.light,
          data: rows.map((r) => Number(minutes(r.waitP50Sec))),
        },
        {
          name: t('reports.col.waitP90'),
          type: 'bar',
          barMaxWidth: 56,
          color: palette.brand,
          data: rows.map((r) => Number(minutes(r.waitP90Sec))),
        },
        {
          name: t('reports.col.withinTarget'),
          type: 'line',
          yAxisIndex: 1,
          color: palette.ok,
          data: rows.map((r) => Math.round(r.withinTargetShare * 1000) / 10),
        },
      ],
    }),
    [rows, serviceName, t],
  );
  return (
    <div className="report-section" data-testid="section-services">
      <Chart option={option} label={t('reports.chart.services')} testId="chart-services" />
      <SortableTable
        testId="table-services"
        caption={t('reports.table.services')}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.serviceId}
        initialSort={{ key: 'tickets', dir: 'desc' }}
        csv={{ server: () => void exports.start('csv:services') }}
        csvDisabled={!online || exports.running !== null}
      />
    </div>
  );
}

export function ClerksSection({ report, exports, online }: SectionProps) {
  const { t } = useTranslation();
  const columns = useMemo<Column<ClerkRow>[]>(
    () => [
      { key: 'staffNo', label: t('reports.col.staffNo'), value: (r) => r.staffNo },
      { key: 'name', label: t('reports.col.name'), value: (r) => r.name },
      { key: 'served', label: t('reports.col.served'), value: (r) => r.served },
      {
        key: 'handleMean',
        label: t('reports.col.handleMean'),
        value: (r) => (r.served === 0 ? null : r.handleMeanSec),
        text: (r) => minutes(r.served === 0 ? null : r.handleMeanSec),
      },
      { key: 'owned', label: t('reports.col.owned'), value: (r) => r.owned },
      { key: 'rated', label: t('reports.col.rated'), value: (r) => r.rated },
      {
        key: 'coverage',
        label: t('reports.col.coverage'),
        value: (r) => (r.served === 0 ? null : r.ratingCoverage),
        text: (r) => percent(r.served === 0 ? null : r.ratingCoverage),
      },
      {
        key: 'satisfaction',
        label: t('reports.col.satisfaction'),
        value: (r) => r.satisfactionRate,
        text: (r) => percent(r.satisfactionRate),
      },
      { key: 'dissatisfied', label: t('reports.col.dissatisfied'), value: (r) => r.dissatisfied },
      { key: 'opinions', label: t('reports.col.opinions'), value: (r) => r.opinions },
      { key: 'casesOwned', label: t('reports.col.casesOwned'), value: (r) => r.casesOwned },
      { key: 'casesOnTime', label: t('reports.col.casesOnTime'), value: (r) => r.casesOnTime },
      { key: 'overdue', label: t('reports.col.overdue'), value: (r) => r.overdue },
    ],
    [t],
  );
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 50, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: report.clerks.map((c) => `${c.name} ${c.staffNo}`) },
      yAxis: [
        { type: 'value', name: t('reports.col.served'), minInterval: 1 },
        { type: 'value', name: '%', max: 100, splitLine: { show: false } },
      ],
      series: [
        {
          name: t('reports.col.served'),
          type: 'bar',
          barMaxWidth: 56,
          color: palette.brand,
          data: report.clerks.map((c) => c.served),
        },
        {
          name: t('reports.col.satisfaction'),
          type: 'line',
          yAxisIndex: 1,
          color: palette.ok,
          data: report.clerks.map((c) =>
            c.satisfactionRate === null ? null : Math.round(c.satisfactionRate * 1000) / 10,
          ),
        },
        {
          name: t('reports.col.dissatisfied'),
          type: 'bar',
          barMaxWidth: 56,
          color: palette.bad,
          data: report.clerks.map((c) => c.dissatisfied),
        },
      ],
    }),
    [report.clerks, t],
  );
  return (
    <div className="report-section" data-testid="section-clerks">
      <Chart option={option} label={t('reports.chart.clerks')} testId="chart-clerks" />
      <SortableTable
        testId="table-clerks"
        caption={t('reports.table.clerks')}
        columns={columns}
        rows={report.clerks}
        rowKey={(r) => r.staffId}
        initialSort={{ key: 'served', dir: 'desc' }}
        csv={{ server: () => void exports.start('csv:clerks') }}
        csvDisabled={!online || exports.running !== null}
      />
      <p className="muted note">{t('reports.note.appraisal')}</p>
    </div>
  );
}

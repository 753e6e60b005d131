import type { HallReport } from '@onestop/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { minutes, percent } from './cells';
import { Chart, type ChartOption } from './Chart';
import { bars, categoryChart, line } from './chart-kit';
import { palette, type SectionProps } from './section-kit';
import { figureColumn, SortableTable, type Column } from './SortableTable';

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
      figureColumn('waitP50', t('reports.col.waitP50'), (r) => r.waitP50Sec, minutes),
      figureColumn('waitP90', t('reports.col.waitP90'), (r) => r.waitP90Sec, minutes),
      figureColumn(
        'withinTarget',
        t('reports.col.withinTarget'),
        (r) => (r.called === 0 ? null : r.withinTargetShare),
        percent,
      ),
      figureColumn('handleMean', t('reports.col.handleMean'), (r) => r.handleMeanSec, minutes),
      figureColumn('handleP90', t('reports.col.handleP90'), (r) => r.handleP90Sec, minutes),
      figureColumn(
        'noShow',
        t('reports.col.noShow'),
        (r) => (r.called === 0 ? null : r.noShowRate),
        percent,
      ),
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
    () =>
      categoryChart({
        categories: rows.map((r) => serviceName(r.serviceId)),
        yAxis: [
          { type: 'value', name: t('reports.unit.minutes') },
          { type: 'value', name: '%', max: 100, splitLine: { show: false } },
        ],
        series: [
          bars(
            t('reports.col.waitP50'),
            palette.light,
            rows.map((r) => Number(minutes(r.waitP50Sec))),
          ),
          bars(
            t('reports.col.waitP90'),
            palette.brand,
            rows.map((r) => Number(minutes(r.waitP90Sec))),
          ),
          line(
            t('reports.col.withinTarget'),
            palette.ok,
            rows.map((r) => Math.round(r.withinTargetShare * 1000) / 10),
            { yAxisIndex: 1 },
          ),
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
      figureColumn(
        'handleMean',
        t('reports.col.handleMean'),
        (r) => (r.served === 0 ? null : r.handleMeanSec),
        minutes,
      ),
      { key: 'owned', label: t('reports.col.owned'), value: (r) => r.owned },
      { key: 'rated', label: t('reports.col.rated'), value: (r) => r.rated },
      figureColumn(
        'coverage',
        t('reports.col.coverage'),
        (r) => (r.served === 0 ? null : r.ratingCoverage),
        percent,
      ),
      figureColumn(
        'satisfaction',
        t('reports.col.satisfaction'),
        (r) => r.satisfactionRate,
        percent,
      ),
      { key: 'dissatisfied', label: t('reports.col.dissatisfied'), value: (r) => r.dissatisfied },
      { key: 'opinions', label: t('reports.col.opinions'), value: (r) => r.opinions },
      { key: 'casesOwned', label: t('reports.col.casesOwned'), value: (r) => r.casesOwned },
      { key: 'casesOnTime', label: t('reports.col.casesOnTime'), value: (r) => r.casesOnTime },
      { key: 'overdue', label: t('reports.col.overdue'), value: (r) => r.overdue },
      // 承诺 (issue 18): the appraisal's promises kept and broken.
      {
        key: 'promisesKept',
        label: t('promiseReport.title'),
        value: (r) => (r.promisesKept ?? 0) + (r.promisesKeptAfterChange ?? 0),
      },
      {
        key: 'promisesBrokenUntold',
        label: t('promiseReport.brokenUntold'),
        value: (r) => r.promisesBrokenUntold ?? 0,
      },
      // 授权 (issue 18): what each clerk granted, given only (granted at once or approved).
      {
        key: 'remedyGrants',
        label: t('reports.col.remedyGrants'),
        value: (r) => r.remedyGrants ?? 0,
      },
      figureColumn(
        'remedyYuan',
        t('reports.col.remedyYuan'),
        (r) => r.remedyYuanFen ?? 0,
        (fen) => (fen / 100).toFixed(2),
      ),
      { key: 'remedyActs', label: t('reports.col.remedyActs'), value: (r) => r.remedyActs ?? 0 },
      // 大客户经理 (issue 18): an account manager's VIP visits served themself, and by others.
      { key: 'vipServedOwn', label: t('vips.report.own'), value: (r) => r.vipServedOwn ?? 0 },
      {
        key: 'vipServedByOthers',
        label: t('vips.report.byOthers'),
        value: (r) => r.vipServedByOthers ?? 0,
      },
      // 业务知识考核 (issue 19): quizzes finished in the range, mean score, passes.
      {
        key: 'quizAttempts',
        label: t('reports.col.quizAttempts'),
        value: (r) => r.quizAttempts ?? 0,
      },
      figureColumn(
        'quizAvgPct',
        t('reports.col.quizAvgPct'),
        (r) => r.quizAvgPct ?? null,
        (pct) => (pct === null ? '—' : `${pct}%`),
      ),
      { key: 'quizPassed', label: t('reports.col.quizPassed'), value: (r) => r.quizPassed ?? 0 },
      // 抽查 (issue 19): spot checks made in the range, and their mean total.
      { key: 'spotChecks', label: t('reports.col.spotChecks'), value: (r) => r.spotChecks ?? 0 },
      figureColumn(
        'spotCheckAvgPct',
        t('reports.col.spotCheckAvgPct'),
        (r) => r.spotCheckAvgPct ?? null,
        (pct) => (pct === null ? '—' : `${pct}%`),
      ),
    ],
    [t],
  );
  const option = useMemo<ChartOption>(
    () =>
      categoryChart({
        categories: report.clerks.map((c) => `${c.name} ${c.staffNo}`),
        yAxis: [
          { type: 'value', name: t('reports.col.served'), minInterval: 1 },
          { type: 'value', name: '%', max: 100, splitLine: { show: false } },
        ],
        series: [
          bars(
            t('reports.col.served'),
            palette.brand,
            report.clerks.map((c) => c.served),
          ),
          line(
            t('reports.col.satisfaction'),
            palette.ok,
            report.clerks.map((c) =>
              c.satisfactionRate === null ? null : Math.round(c.satisfactionRate * 1000) / 10,
            ),
            { yAxisIndex: 1 },
          ),
          bars(
            t('reports.col.dissatisfied'),
            palette.bad,
            report.clerks.map((c) => c.dissatisfied),
          ),
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

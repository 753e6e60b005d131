import type { HallReport, OpinionCategory } from '@onestop/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { percent } from './cells';
import { Chart, type ChartOption } from './Chart';
import { bars, categoryChart } from './chart-kit';
import { csvName, palette, type SectionProps } from './section-kit';
import { PromisesFigures } from './PromisesSection';
import { figureColumn, SortableTable, type Column } from './SortableTable';

// What the hall followed up: opinions (by category and source, repeated, time to close, open
// past due) and cases (by type, on-time completion, open and overdue).

interface CountRow {
  key: string;
  label: string;
  count: number;
}

const categories: OpinionCategory[] = ['complaint', 'suggestion', 'praise', 'correction'];

function Figure({
  label,
  value,
  tone,
  testId,
}: {
  label: string;
  value: string | number;
  tone?: 'bad' | 'warn';
  testId?: string;
}) {
  return (
    <div className={`figure${tone ? ` ${tone}` : ''}`} data-testid={testId}>
      <span className="figure-value">{value}</span>
      <span className="figure-label">{label}</span>
    </div>
  );
}

export function OpinionsSection({ report }: SectionProps) {
  const { t } = useTranslation();
  const o = report.opinions;
  const countColumns = useMemo<Column<CountRow>[]>(
    () => [
      { key: 'label', label: t('reports.col.item'), value: (r) => r.label },
      { key: 'count', label: t('reports.col.count'), value: (r) => r.count },
      figureColumn(
        'share',
        t('reports.col.share'),
        (r) => (o.total === 0 ? null : r.count / o.total),
        percent,
      ),
    ],
    [t, o.total],
  );
  const byCategory = useMemo<CountRow[]>(
    () =>
      categories.map((c) => ({ key: c, label: t(`opinionCategory.${c}`), count: o.byCategory[c] })),
    [o.byCategory, t],
  );
  const bySource = useMemo<CountRow[]>(
    () =>
      Object.entries(o.bySource).map(([source, count]) => ({
        key: source,
        label: t(`reports.source.${source}`, { defaultValue: source }),
        count,
      })),
    [o.bySource, t],
  );
  const categoryOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 20, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: byCategory.map((r) => r.label) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          barMaxWidth: 56,
          name: t('reports.col.count'),
          data: byCategory.map((r) => ({
            value: r.count,
            itemStyle: { color: r.key === 'complaint' ? palette.bad : palette.brand },
          })),
        },
      ],
    }),
    [byCategory, t],
  );
  const sourceOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { top: 0 },
      color: [palette.brand, palette.ok, palette.warn, palette.grey],
      series: [
        {
          type: 'pie',
          radius: ['40%', '72%'],
          center: ['50%', '55%'],
          name: t('reports.table.opinionsBySource'),
          label: { formatter: '{b}: {c}' },
          data: bySource.map((r) => ({ name: r.label, value: r.count })),
        },
      ],
    }),
    [bySource, t],
  );
  const hours = (h: number | null) =>
    h === null ? '—' : t('reports.unit.hoursValue', { hours: h.toFixed(1) });
  return (
    <div className="report-section" data-testid="section-opinions">
      <div className="figures">
        <Figure label={t('reports.figure.opinions')} value={o.total} />
        <Figure
          label={t('reports.figure.repeated')}
          value={o.repeated}
          tone={o.repeated > 0 ? 'warn' : undefined}
        />
        <Figure label={t('reports.figure.closed')} value={o.closed} />
        <Figure label={t('reports.figure.meanToClose')} value={hours(o.meanHoursToClose)} />
        <Figure label={t('reports.figure.p90ToClose')} value={hours(o.p90HoursToClose)} />
        <Figure label={t('reports.figure.open')} value={o.open} />
        <Figure
          label={t('reports.figure.openPastDue', { hours: o.dueHours })}
          value={o.openPastDue}
          tone={o.openPastDue > 0 ? 'bad' : undefined}
          testId="opinions-past-due"
        />
      </div>
      <div className="two">
        <div>
          <Chart
            option={categoryOption}
            label={t('reports.table.opinionsByCategory')}
            height={240}
          />
          <SortableTable
            testId="table-opinions-category"
            caption={t('reports.table.opinionsByCategory')}
            columns={countColumns}
            rows={byCategory}
            rowKey={(r) => r.key}
            csv={{ filename: csvName(report, 'opinions-by-category') }}
          />
        </div>
        <div>
          <Chart option={sourceOption} label={t('reports.table.opinionsBySource')} height={240} />
          <SortableTable
            testId="table-opinions-source"
            caption={t('reports.table.opinionsBySource')}
            columns={countColumns}
            rows={bySource}
            rowKey={(r) => r.key}
            initialSort={{ key: 'count', dir: 'desc' }}
            csv={{ filename: csvName(report, 'opinions-by-source') }}
          />
        </div>
      </div>
    </div>
  );
}

type CaseRow = HallReport['cases']['byType'][number];

export function CasesSection({ report, lang }: SectionProps) {
  const { t } = useTranslation();
  const c = report.cases;
  const columns = useMemo<Column<CaseRow>[]>(
    () => [
      {
        key: 'type',
        label: t('reports.col.caseType'),
        value: (r) => (lang === 'zh' ? r.nameZh : r.nameEn),
      },
      { key: 'opened', label: t('reports.col.opened'), value: (r) => r.opened },
      { key: 'closed', label: t('reports.col.closed'), value: (r) => r.closed },
      { key: 'onTime', label: t('reports.col.onTime'), value: (r) => r.onTime },
      figureColumn('onTimeRate', t('reports.col.onTimeRate'), (r) => r.onTimeRate, percent),
      { key: 'open', label: t('reports.col.open'), value: (r) => r.open },
      { key: 'overdue', label: t('reports.col.overdue'), value: (r) => r.overdue },
    ],
    [t, lang],
  );
  const option = useMemo<ChartOption>(() => {
    const stacked = (name: string, color: string, data: number[]) =>
      bars(name, color, data, { stack: 'c' });
    return categoryChart({
      categories: c.byType.map((r) => (lang === 'zh' ? r.nameZh : r.nameEn)),
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        stacked(
          t('reports.col.onTime'),
          palette.ok,
          c.byType.map((r) => r.onTime),
        ),
        stacked(
          t('reports.col.late'),
          palette.warn,
          c.byType.map((r) => r.closed - r.onTime),
        ),
        stacked(
          t('reports.col.openInTime'),
          palette.light,
          c.byType.map((r) => r.open - r.overdue),
        ),
        stacked(
          t('reports.col.overdue'),
          palette.bad,
          c.byType.map((r) => r.overdue),
        ),
      ],
      left: 40,
      right: 20,
    });
  }, [c.byType, lang, t]);
  return (
    <div className="report-section" data-testid="section-cases">
      <div className="figures">
        <Figure label={t('reports.figure.casesOpened')} value={c.opened} />
        <Figure label={t('reports.figure.casesClosed')} value={c.closed} />
        <Figure
          label={t('reports.figure.onTimeRate')}
          value={percent(c.onTimeRate)}
          testId="cases-on-time"
        />
        <Figure label={t('reports.figure.casesOpen')} value={c.open} />
        <Figure
          label={t('reports.figure.casesOverdue')}
          value={c.overdue}
          tone={c.overdue > 0 ? 'bad' : undefined}
        />
      </div>
      <Chart option={option} label={t('reports.chart.cases')} height={260} testId="chart-cases" />
      <SortableTable
        testId="table-cases"
        caption={t('reports.table.cases')}
        columns={columns}
        rows={c.byType}
        rowKey={(r) => r.caseTypeId}
        initialSort={{ key: 'opened', dir: 'desc' }}
        csv={{ filename: csvName(report, 'cases') }}
      />
      <p className="muted note">{t('reports.note.cases')}</p>
      <PromisesFigures report={report} />
    </div>
  );
}

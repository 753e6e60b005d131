import type { HallReport } from '@onestop/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DASH, hourKeySpan, minutes, percent, signedMinutes } from './cells';
import { Chart, type ChartOption } from './Chart';
import { bars, categoryChart } from './chart-kit';
import { csvName, palette, type SectionProps } from './section-kit';
import { figureColumn, SortableTable, type Column } from './SortableTable';

// The wait estimate's accuracy per service and per hour of issue, against the naive estimate.

type AccuracyRow = HallReport['estimates']['byService'][number];

function accuracyColumns(
  t: (k: string) => string,
  keyLabel: string,
  keyText: (k: string) => string,
) {
  const columns: Column<AccuracyRow>[] = [
    { key: 'key', label: keyLabel, value: (r) => keyText(r.key) },
    { key: 'n', label: t('reports.col.n'), value: (r) => r.n },
    figureColumn('mae', t('reports.col.mae'), (r) => (r.n === 0 ? null : r.maeSec), minutes),
    figureColumn(
      'bias',
      t('reports.col.bias'),
      (r) => (r.n === 0 ? null : r.biasSec),
      (bias) => (bias === null ? DASH : signedMinutes(bias)),
    ),
    figureColumn(
      'naiveMae',
      t('reports.col.naiveMae'),
      (r) => (r.n === 0 ? null : r.naiveMaeSec),
      minutes,
    ),
    figureColumn(
      'overHigh',
      t('reports.col.overHigh'),
      (r) => (r.n === 0 ? null : r.overHighShare),
      percent,
    ),
  ];
  return columns;
}
function accuracyOption(
  t: (k: string) => string,
  rows: AccuracyRow[],
  label: (k: string) => string,
): ChartOption {
  return categoryChart({
    categories: rows.map((r) => label(r.key)),
    yAxis: { type: 'value', name: t('reports.unit.minutes') },
    series: [
      bars(
        t('reports.col.mae'),
        palette.brand,
        rows.map((r) => Number(minutes(r.maeSec))),
      ),
      bars(
        t('reports.col.bias'),
        palette.warn,
        rows.map((r) => Number(minutes(r.biasSec))),
      ),
    ],
    right: 20,
  });
}

/** The estimate told against the naive one, and the share past the range: the goal. */
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

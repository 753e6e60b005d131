import type { HallReport } from '@onestop/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { named } from '../../common/hall-selectors';
import { amountText } from '../../common/remedy-view';
import { Chart, type ChartOption } from './Chart';
import { bars, categoryChart } from './chart-kit';
import { palette, type SectionProps } from './section-kit';
import { figureColumn, SortableTable, type Column } from './SortableTable';

// 授权 (issue 18): what the remedies of the range cost, per complaint class — which problems
// cost most, so that the class is fixed, not only the one customer — and per remedy.

type ClassRow = NonNullable<HallReport['remedies']>['byClass'][number];
type KindRow = NonNullable<HallReport['remedies']>['byKind'][number];
const yuan = (fen: number) => (fen / 100).toFixed(2);

export function RemediesSection({ report, lang }: SectionProps) {
  const { t } = useTranslation();
  const remedies = report.remedies;
  const classColumns = useMemo<Column<ClassRow>[]>(
    () => [
      {
        key: 'class',
        label: t('reports.remedies.class'),
        value: (r) => t(`remedy.classes.${r.complaintClass}`),
      },
      { key: 'grants', label: t('reports.remedies.grants'), value: (r) => r.grants },
      figureColumn('yuan', t('reports.remedies.yuan'), (r) => r.yuanFen, yuan),
      { key: 'acts', label: t('reports.remedies.acts'), value: (r) => r.acts },
    ],
    [t],
  );
  const kindColumns = useMemo<Column<KindRow>[]>(
    () => [
      { key: 'kind', label: t('reports.remedies.kind'), value: (r) => named(r, lang) },
      { key: 'grants', label: t('reports.remedies.grants'), value: (r) => r.grants },
      {
        key: 'amount',
        label: t('reports.remedies.amount'),
        value: (r) => r.amount,
        text: (r) => `${amountText(r.amount, r.unit)} ${t(`remedy.unit.${r.unit}`)}`,
      },
    ],
    [t, lang],
  );
  const option = useMemo<ChartOption>(
    () =>
      categoryChart({
        categories: (remedies?.byClass ?? []).map((c) => t(`remedy.classes.${c.complaintClass}`)),
        yAxis: [{ type: 'value', name: t('reports.remedies.yuan') }],
        series: [
          bars(
            t('reports.remedies.yuan'),
            palette.warn,
            (remedies?.byClass ?? []).map((c) => Number(yuan(c.yuanFen))),
          ),
        ],
      }),
    [remedies, t],
  );
  // byState names every state, with zeros: no grant at all is every count zero.
  const anyGrant = remedies && Object.values(remedies.byState).some((n) => n > 0);
  if (!remedies || !anyGrant) {
    return (
      <div className="report-section" data-testid="section-remedies">
        <p className="muted empty">{t('reports.remedies.none')}</p>
      </div>
    );
  }
  const s = remedies.byState;
  return (
    <div className="report-section" data-testid="section-remedies">
      <p data-testid="remedy-totals">
        {t('reports.remedies.totals', {
          given: remedies.given,
          yuan: yuan(remedies.yuanFen),
          acts: remedies.acts,
          pending: s.pending ?? 0,
          rejected: s.rejected ?? 0,
          expired: s.expired ?? 0,
        })}
      </p>
      {/* Only waiting, refused or lapsed ones: nothing given, no chart of nothing. */}
      {remedies.byClass.length > 0 && (
        <>
          <Chart option={option} label={t('reports.remedies.byClass')} testId="chart-remedies" />
          <SortableTable
            testId="table-remedies-by-class"
            caption={t('reports.remedies.byClass')}
            columns={classColumns}
            rows={remedies.byClass}
            rowKey={(r) => r.complaintClass}
            initialSort={{ key: 'yuan', dir: 'desc' }}
            csv={{ filename: `onestop-report-${report.from}-${report.to}-remedies.csv` }}
          />
          <SortableTable
            testId="table-remedies-by-kind"
            caption={t('reports.remedies.byKind')}
            columns={kindColumns}
            rows={remedies.byKind}
            rowKey={(r) => r.remedyKindId}
            initialSort={{ key: 'grants', dir: 'desc' }}
            csv={{ filename: `onestop-report-${report.from}-${report.to}-remedy-kinds.csv` }}
          />
        </>
      )}
    </div>
  );
}

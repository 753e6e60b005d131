import type { HallReport } from '@onestop/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '@onestop/ui';
import { percent } from './cells';
import { csvName } from './section-kit';
import { SortableTable, type Column } from './SortableTable';

// 承诺 in the reports (issue 18 item 2): promises kept on time, kept after a change the
// customer was told of in time, changed too late and broken untold; per case type and for
// support tasks. Shown under the cases.

type Row = {
  key: string;
  label: string;
  kept: number;
  keptAfterChange: number;
  brokenToldLate: number;
  brokenUntold: number;
};

export function PromisesFigures({ report }: { report: HallReport }) {
  const { t } = useTranslation();
  const lang = useLang();
  const p = report.promises;
  const columns = useMemo<Column<Row>[]>(
    () => [
      { key: 'label', label: t('promiseReport.item'), value: (r) => r.label },
      { key: 'kept', label: t('promiseReport.kept'), value: (r) => r.kept },
      {
        key: 'keptAfterChange',
        label: t('promiseReport.keptAfterChange'),
        value: (r) => r.keptAfterChange,
      },
      {
        key: 'brokenToldLate',
        label: t('promiseReport.brokenToldLate'),
        value: (r) => r.brokenToldLate,
      },
      { key: 'brokenUntold', label: t('promiseReport.brokenUntold'), value: (r) => r.brokenUntold },
    ],
    [t],
  );
  const rows = useMemo<Row[]>(
    () =>
      p
        ? [
            ...p.byType.map((r) => ({
              key: r.caseTypeId,
              label: lang === 'zh' ? r.nameZh : r.nameEn,
              ...r,
            })),
            { key: 'tasks', label: t('promiseReport.tasks'), ...p.tasks },
          ]
        : [],
    [p, lang, t],
  );
  if (!p) return null;
  return (
    <div className="report-subsection" data-testid="section-promises">
      <h3>{t('promiseReport.title')}</h3>
      <div className="figures">
        {(['kept', 'keptAfterChange', 'brokenToldLate', 'brokenUntold'] as const).map((k) => (
          <div
            key={k}
            className={`figure${k.startsWith('broken') && p[k] > 0 ? ' bad' : ''}`}
            data-testid={`promises-${k}`}
          >
            <span className="figure-value">{p[k]}</span>
            <span className="figure-label">{t(`promiseReport.${k}`)}</span>
          </div>
        ))}
        <div className="figure" data-testid="promises-kept-rate">
          <span className="figure-value">{percent(p.keptRate)}</span>
          <span className="figure-label">{t('promiseReport.keptRate')}</span>
        </div>
      </div>
      <SortableTable
        testId="table-promises"
        caption={t('promiseReport.byType')}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.key}
        initialSort={{ key: 'brokenUntold', dir: 'desc' }}
        csv={{ filename: csvName(report, 'promises') }}
      />
      <p className="muted note">{t('promiseReport.note')}</p>
    </div>
  );
}

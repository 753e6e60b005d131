import { CheckItem, DeviceFaultKind, type HallReport } from '@onestop/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from './Chart';
import { bars, categoryChart } from './chart-kit';
import { palette, type SectionProps } from './section-kit';
import { SortableTable, type Column } from './SortableTable';

// 硬件故障汇总 (issue 19 item 2): the range's device faults — how many of each kind, the mean
// time to repair, the devices that fail most (first) with their down time — and the opening
// checks' failed items. The export's 硬件故障 sheet has the same rows. Its words: strings.ts.

type DeviceRow = NonNullable<HallReport['hardware']>['byDevice'][number];

export function HardwareSection({ report }: SectionProps) {
  const { t } = useTranslation();
  const hardware = report.hardware;
  const columns = useMemo<Column<DeviceRow>[]>(
    () => [
      { key: 'device', label: t('hardwareReport.device'), value: (r) => r.name },
      { key: 'faults', label: t('hardwareReport.faults'), value: (r) => r.faults },
      {
        key: 'mean',
        label: t('hardwareReport.meanRepair'),
        value: (r) => r.meanRepairMin,
        text: (r) => (r.meanRepairMin === null ? '—' : r.meanRepairMin.toFixed(1)),
      },
      { key: 'down', label: t('hardwareReport.down'), value: (r) => r.downMin },
    ],
    [t],
  );
  const kinds = useMemo(
    () => DeviceFaultKind.options.filter((k) => (hardware?.byKind[k] ?? 0) > 0),
    [hardware],
  );
  const option = useMemo<ChartOption>(
    () =>
      categoryChart({
        categories: kinds.map((k) => t(`hardwareReport.kinds.${k}`)),
        yAxis: [{ type: 'value', name: t('hardwareReport.faults') }],
        series: [
          bars(
            t('hardwareReport.faults'),
            palette.warn,
            kinds.map((k) => hardware?.byKind[k] ?? 0),
          ),
        ],
      }),
    [hardware, kinds, t],
  );
  if (!hardware || (hardware.byDevice.length === 0 && hardware.checks === 0)) {
    return (
      <div className="report-section" data-testid="section-hardware">
        <p className="muted empty">{t('hardwareReport.none')}</p>
      </div>
    );
  }
  const failedItems = CheckItem.options.filter((i) => hardware.checkItemsFailed[i] > 0);
  return (
    <div className="report-section" data-testid="section-hardware">
      <p data-testid="hardware-totals">
        {t('hardwareReport.totals', {
          faults: hardware.faults,
          repaired: hardware.repaired,
          mean: hardware.meanRepairMin === null ? '—' : hardware.meanRepairMin.toFixed(1),
          checks: hardware.checks,
        })}
      </p>
      {failedItems.length > 0 && (
        <p className="muted">
          {t('hardwareReport.checksFailed')}
          {failedItems
            .map((i) => `${t(`hardwareReport.items.${i}`)} ${hardware.checkItemsFailed[i]}`)
            .join('、')}
        </p>
      )}
      {kinds.length > 0 && (
        <>
          <h4>{t('hardwareReport.byKind')}</h4>
          <Chart option={option} label={t('hardwareReport.byKind')} testId="chart-hardware" />
        </>
      )}
      <SortableTable
        testId="table-hardware"
        caption={t('hardwareReport.device')}
        rows={hardware.byDevice}
        columns={columns}
        rowKey={(r) => r.deviceId}
        initialSort={{ key: 'faults', dir: 'desc' }}
        csv={{ filename: `onestop-report-${report.from}-${report.to}-hardware.csv` }}
      />
    </div>
  );
}

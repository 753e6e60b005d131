import { MAX_TREND_MONTHS, type ClerkTrendMonth } from '@onestop/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnline, useStaffView } from '../../common/desk';
import { useQuery } from '../../common/use-query';
import { Chart, type ChartOption } from './Chart';
import { bars, categoryChart, line } from './chart-kit';
import { palette } from './section-kit';
import './clerk-trend.css';

// 考核趋势 (issue 19): one clerk's appraisal month by month — visits served, the share handled
// within target, satisfaction, quiz average and spot-check average — a small chart a measure.
// Its own months, apart from the report's range; asked of the hall (report:clerk-trend).

const MONTH_CHOICES = [3, 6, 12, MAX_TREND_MONTHS] as const;

type Measure = {
  key: 'served' | 'handledWithinTarget' | 'satisfactionRate' | 'quizAvgPct' | 'spotCheckAvgPct';
  color: string;
  /** The month's value as charted: a count, or a percentage (null: nothing that month). */
  value: (m: ClerkTrendMonth) => number | null;
  percent: boolean;
};

const pctOf = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

const MEASURES: readonly Measure[] = [
  { key: 'served', color: palette.brand, value: (m) => m.served, percent: false },
  {
    key: 'handledWithinTarget',
    color: palette.ok,
    value: (m) => pctOf(m.handledWithinTarget),
    percent: true,
  },
  {
    key: 'satisfactionRate',
    color: palette.ok,
    value: (m) => pctOf(m.satisfactionRate),
    percent: true,
  },
  { key: 'quizAvgPct', color: palette.warn, value: (m) => m.quizAvgPct, percent: true },
  { key: 'spotCheckAvgPct', color: palette.ink, value: (m) => m.spotCheckAvgPct, percent: true },
];

export function ClerkTrendSection() {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const online = useOnline();
  const clerks = hall.staff.filter((s) => s.roles.includes('clerk'));
  const [staffId, setStaffId] = useState(clerks[0]?.id ?? '');
  const [months, setMonths] = useState<number>(12);
  const [attempt, setAttempt] = useState(0);
  const q = useQuery(
    'report:clerk-trend',
    staffId ? { staffId, months } : null,
    online && staffId ? `${staffId}|${months}|${attempt}` : null,
  );
  const trend =
    q.data && q.data.staffId === staffId && q.data.months.length === months ? q.data : null;
  const empty = trend !== null && trend.months.every(isQuiet);
  return (
    <div className="report-section clerk-trend" data-testid="section-trends">
      <div className="trend-picker">
        <label>
          {t('reports.trend.clerk')}{' '}
          <select
            value={staffId}
            data-testid="trend-clerk"
            onChange={(e) => setStaffId(e.target.value)}
          >
            {clerks.map((s) => (
              <option key={s.id} value={s.id}>
                {s.staffNo} {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reports.trend.months')}{' '}
          <select
            value={months}
            data-testid="trend-months"
            onChange={(e) => setMonths(Number(e.target.value))}
          >
            {MONTH_CHOICES.map((n) => (
              <option key={n} value={n}>
                {t('reports.trend.lastMonths', { count: n })}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">{t('reports.trend.explain')}</span>
      </div>
      {clerks.length === 0 ? (
        <p className="muted empty">{t('reports.trend.noClerks')}</p>
      ) : q.error && trend === null ? (
        <div className="reports-state error-state" role="alert" data-testid="trend-error">
          <strong>{t('reports.trend.error')}</strong>
          <p className="muted">{t(`errors.${q.error}`)}</p>
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('reports.state.retry')}
          </button>
        </div>
      ) : trend === null ? (
        <p className="muted empty" role="status" data-testid="trend-loading">
          {online ? t('reports.trend.loading') : t('reports.state.offline')}
        </p>
      ) : (
        <>
          {!online && <p className="muted">{t('reports.state.stale')}</p>}
          {empty && (
            <p className="muted empty" data-testid="trend-empty">
              {t('reports.trend.empty', { name: trend.name })}
            </p>
          )}
          <div className="trend-charts" data-testid="trend-charts">
            {MEASURES.map((m) => (
              <TrendChart key={m.key} measure={m} months={trend.months} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}

/** Nothing at all happened in the month. */
const isQuiet = (m: ClerkTrendMonth) =>
  m.served === 0 && m.rated === 0 && m.quizAttempts === 0 && m.spotChecks === 0;

function TrendChart({ measure, months }: { measure: Measure; months: readonly ClerkTrendMonth[] }) {
  const { t } = useTranslation();
  const title = t(`reports.trend.measure.${measure.key}`);
  const values = useMemo(() => months.map(measure.value), [months, measure]);
  const last = [...values].reverse().find((v) => v !== null) ?? null;
  const option = useMemo<ChartOption>(
    () => ({
      ...categoryChart({
        categories: months.map((m) => m.month.slice(2)),
        yAxis: measure.percent
          ? { type: 'value', min: 0, max: 100 }
          : { type: 'value', minInterval: 1 },
        series: [
          measure.percent
            ? line(title, measure.color, values, { connectNulls: true, symbolSize: 6 })
            : bars(title, measure.color, values),
        ],
        left: 40,
        right: 12,
      }),
      legend: { show: false },
      grid: { left: 40, right: 12, top: 12, bottom: 24 },
    }),
    [months, measure, title, values],
  );
  return (
    <figure className="trend-chart" data-testid={`trend-${measure.key}`} data-last={last ?? ''}>
      <figcaption>
        {title}
        <strong className="trend-last">
          {last === null ? '—' : measure.percent ? `${last}%` : last}
        </strong>
      </figcaption>
      <Chart option={option} label={title} height={150} />
    </figure>
  );
}

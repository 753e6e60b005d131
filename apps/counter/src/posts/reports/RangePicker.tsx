import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MAX_RANGE_DAYS,
  presetOf,
  presetRange,
  presets,
  rangeProblem,
  type DayRange,
} from './range';
import { SegTabs } from './SegTabs';

// Which business days to report on: a preset (today … last month) or any two dates, and the
// service level the staffing recommendation aims at.

export const serviceLevels = [0.7, 0.8, 0.85, 0.9, 0.95] as const;

export function RangePicker({
  range,
  today,
  onRange,
  serviceLevel,
  onServiceLevel,
}: {
  range: DayRange;
  today: string;
  onRange: (range: DayRange) => void;
  serviceLevel: number;
  onServiceLevel: (level: number) => void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(range);
  useEffect(() => setTyped(range), [range]);
  const chosen = presetOf(range, today);
  const problem = rangeProblem(typed);

  const type = (next: DayRange) => {
    setTyped(next);
    if (rangeProblem(next) === null) onRange(next);
  };

  return (
    <div className="range-picker" data-testid="range-picker">
      <SegTabs
        keys={presets}
        chosen={chosen}
        onChoose={(p) => onRange(presetRange(p, today))}
        text={(p) => t(`reports.range.${p}`)}
        label={t('reports.range.presets')}
        data="preset"
      />
      <label className="inline">
        {t('reports.range.from')}
        <input
          type="date"
          data-testid="range-from"
          value={typed.from}
          max={typed.to || undefined}
          aria-invalid={problem !== null}
          onChange={(e) => type({ ...typed, from: e.target.value })}
        />
      </label>
      <label className="inline">
        {t('reports.range.to')}
        <input
          type="date"
          data-testid="range-to"
          value={typed.to}
          min={typed.from || undefined}
          aria-invalid={problem !== null}
          onChange={(e) => type({ ...typed, to: e.target.value })}
        />
      </label>
      <label className="inline">
        {t('reports.serviceLevel.label')}
        <select
          data-testid="service-level"
          value={serviceLevel}
          onChange={(e) => onServiceLevel(Number(e.target.value))}
        >
          {serviceLevels.map((level) => (
            <option key={level} value={level}>
              {t('reports.serviceLevel.option', { percent: Math.round(level * 100) })}
            </option>
          ))}
        </select>
      </label>
      {problem && (
        <span className="error" role="alert" data-testid="range-problem">
          {t(`reports.range.problem.${problem}`, { days: MAX_RANGE_DAYS })}
        </span>
      )}
    </div>
  );
}

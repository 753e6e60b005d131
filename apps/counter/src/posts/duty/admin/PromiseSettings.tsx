import type { PromiseRule } from '@onestop/shared';
import { useTranslation } from 'react-i18next';
import { NumberField } from './fields';

// 承诺 in the hall's settings: the share of a promise's time after which its owner is warned,
// and the support task promise (docs/promises.md, "Configuring").

export function PromiseSettings(props: {
  warnPercent: number | undefined;
  onWarnPercent: (v: number | undefined) => void;
  taskPromise: PromiseRule;
  onTaskPromise: (rule: PromiseRule) => void;
}) {
  const { t } = useTranslation();
  const rule = props.taskPromise;
  return (
    <fieldset data-testid="promise-settings">
      <legend>{t('promiseSettings.title')}</legend>
      <div className="form-grid">
        <NumberField
          label={t('promiseSettings.warnPercent')}
          value={props.warnPercent ?? null}
          onChange={(v) => props.onWarnPercent(v ?? undefined)}
          step={5}
        />
        <NumberField
          label={t('promiseSettings.taskAmount')}
          value={rule.amount}
          onChange={(v) => props.onTaskPromise({ ...rule, amount: v ?? NaN })}
          step={1}
        />
        <label>
          {t('promiseSettings.taskUnit')}
          <select
            aria-label={t('promiseSettings.taskUnit')}
            value={rule.unit}
            onChange={(e) =>
              props.onTaskPromise({ ...rule, unit: e.target.value as PromiseRule['unit'] })
            }
          >
            {(['hours', 'days'] as const).map((u) => (
              <option key={u} value={u}>
                {t(`promiseRule.unit.${u}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('promiseSettings.taskClock')}
          <select
            aria-label={t('promiseSettings.taskClock')}
            value={rule.clock}
            onChange={(e) =>
              props.onTaskPromise({ ...rule, clock: e.target.value as PromiseRule['clock'] })
            }
          >
            {(['business', 'calendar'] as const).map((c) => (
              <option key={c} value={c}>
                {t(`promiseRule.clock.${c}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted">{t('promiseSettings.hint')}</p>
    </fieldset>
  );
}

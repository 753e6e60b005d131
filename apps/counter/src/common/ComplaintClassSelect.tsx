import { ComplaintClass } from '@onestop/shared';
import { useTranslation } from 'react-i18next';

/** The complaint class a remedy answers (the grant dialog and the admin's catalogue). */
export function ComplaintClassSelect(props: {
  label: string;
  value: ComplaintClass;
  onChange: (value: ComplaintClass) => void;
}) {
  const { t } = useTranslation();
  return (
    <label>
      {props.label}
      <select
        value={props.value}
        aria-label={props.label}
        onChange={(e) => props.onChange(ComplaintClass.parse(e.target.value))}
      >
        {ComplaintClass.options.map((c) => (
          <option key={c} value={c}>
            {t(`remedy.classes.${c}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

import { useTranslation } from 'react-i18next';

/** An on-screen number pad with large targets for the touchscreen. */
export function Keypad({
  value,
  onChange,
  maxLength,
  label,
}: {
  value: string;
  onChange: (v: string) => void;
  maxLength: number;
  label: string;
}) {
  const { t } = useTranslation();
  const press = (d: string) => value.length < maxLength && onChange(value + d);
  const digit = (d: string) => (
    <button type="button" key={d} onClick={() => press(d)}>
      {d}
    </button>
  );
  return (
    <div className="keypad" role="group" aria-label={label}>
      {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map(digit)}
      <button type="button" className="keypad-clear" onClick={() => onChange('')}>
        {t('clear')}
      </button>
      {digit('0')}
      <button type="button" onClick={() => onChange(value.slice(0, -1))} aria-label={t('delete')}>
        ⌫
      </button>
    </div>
  );
}

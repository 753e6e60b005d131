import { useTranslation } from 'react-i18next';

/** An on-screen number pad with large targets for the touchscreen. */
export function Keypad({
  value,
  onChange,
  maxLength,
}: {
  value: string;
  onChange: (v: string) => void;
  maxLength: number;
}) {
  const { t } = useTranslation();
  const press = (d: string) => value.length < maxLength && onChange(value + d);
  return (
    <div className="keypad">
      {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
        <button type="button" key={d} onClick={() => press(d)} aria-label={d}>
          {d}
        </button>
      ))}
      <button type="button" onClick={() => onChange('')} aria-label={t('clear')}>
        {t('clear')}
      </button>
      <button type="button" onClick={() => press('0')} aria-label="0">
        0
      </button>
      <button type="button" onClick={() => onChange(value.slice(0, -1))} aria-label={t('delete')}>
        ⌫
      </button>
    </div>
  );
}

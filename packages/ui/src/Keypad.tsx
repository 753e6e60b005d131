import { useTranslation } from 'react-i18next';

/** What a press on the pad makes of the value: a digit up to `maxLength`, clear, or delete. */
export function keypadPress(value: string, key: string, maxLength: number): string {
  if (key === 'clear') return '';
  if (key === 'delete') return value.slice(0, -1);
  return /^\d$/.test(key) && value.length < maxLength ? value + key : value;
}

/** An on-screen number pad with large targets for the touchscreen. Its words: `ui:keypad`. */
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
  const press = (key: string) => {
    const next = keypadPress(value, key, maxLength);
    if (next !== value) onChange(next);
  };
  const digit = (d: string) => (
    <button type="button" key={d} onClick={() => press(d)}>
      {d}
    </button>
  );
  return (
    <div className="keypad" role="group" aria-label={label}>
      {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map(digit)}
      <button type="button" className="keypad-clear" onClick={() => press('clear')}>
        {t('ui:keypad.clear')}
      </button>
      {digit('0')}
      <button type="button" onClick={() => press('delete')} aria-label={t('ui:keypad.delete')}>
        ⌫
      </button>
    </div>
  );
}

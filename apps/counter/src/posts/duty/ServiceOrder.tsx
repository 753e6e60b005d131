import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStaffView } from '../../common/desk';
import { useServiceName } from './use-service-name';

/** The services a counter serves, in order: add, move up, remove. */
export function ServiceOrder({
  value,
  onChange,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const [adding, setAdding] = useState('');
  const name = useServiceName();
  const others = hall.services.filter((s) => s.active && !value.includes(s.id));
  const move = (i: number) => {
    const next = [...value];
    [next[i - 1], next[i]] = [next[i]!, next[i - 1]!];
    onChange(next);
  };
  return (
    <div className="service-order" data-testid="service-order">
      <span className="label">{t('console.override.servicesInOrder')}</span>
      {value.length === 0 && <p className="error">{t('console.override.atLeastOneService')}</p>}
      <ol>
        {value.map((id, i) => (
          <li key={id} data-service={id}>
            <span>{name(id)}</span>
            <button
              type="button"
              className="link"
              disabled={i === 0}
              onClick={() => move(i)}
              aria-label={t('console.override.moveUp', { name: name(id) })}
            >
              ↑
            </button>
            <button
              type="button"
              className="link"
              onClick={() => onChange(value.filter((x) => x !== id))}
              aria-label={t('console.override.remove', { name: name(id) })}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      {others.length > 0 && (
        <span className="add-service">
          <select
            value={adding}
            onChange={(e) => setAdding(e.target.value)}
            aria-label={t('console.override.addService')}
          >
            <option value="">{t('console.override.addService')}</option>
            {others.map((s) => (
              <option key={s.id} value={s.id}>
                {name(s.id)}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={adding === ''}
            onClick={() => {
              onChange([...value, adding]);
              setAdding('');
            }}
          >
            {t('console.override.add')}
          </button>
        </span>
      )}
    </div>
  );
}

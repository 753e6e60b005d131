import { useLang } from '@onestop/ui';
import { useStaffView } from '../../../common/desk';
import { named } from '../../../common/hall-selectors';

// Small labelled inputs for the administration forms.

export function TextField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  disabled?: boolean;
  maxLength?: number;
  type?: string;
}) {
  return (
    <label>
      {props.label}
      <input
        type={props.type ?? 'text'}
        value={props.value}
        disabled={props.disabled}
        maxLength={props.maxLength}
        aria-label={props.label}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}

/** An empty box is null (e.g. no daily cap). */
export function NumberField(props: {
  label: string;
  value: number | null;
  onChange: (v: number | null) => void;
  step?: number;
}) {
  return (
    <label>
      {props.label}
      <input
        type="number"
        step={props.step ?? 'any'}
        value={props.value ?? ''}
        aria-label={props.label}
        onChange={(e) => props.onChange(e.target.value === '' ? null : Number(e.target.value))}
      />
    </label>
  );
}

export function CheckField(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="choice">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      {props.label}
    </label>
  );
}

/** One of the hall's services by its name; with `anyLabel`, a first choice '' for any service. */
export function ServiceField(props: {
  label: string;
  value: string;
  onChange: (serviceId: string) => void;
  anyLabel?: string;
}) {
  const lang = useLang();
  const { hall } = useStaffView();
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.anyLabel !== undefined && <option value="">{props.anyLabel}</option>}
        {hall.services.map((s) => (
          <option key={s.id} value={s.id}>
            {named(s, lang)}
          </option>
        ))}
      </select>
    </label>
  );
}

import type { CommandName, CommandPayload } from '@onestop/shared';
import type { ReactNode } from 'react';
import { useDesk, usePending } from '../../../common/desk';
import { digitsOnly } from './contact-rules';
import { useWorkstationStore } from './work-context';

// What every workstation dialog (tickets, cases, tasks, follow-ups) is made of: one command
// sent under a pending key that closes the dialog once the hall accepts it, and the few fields
// they ask with.

/** Closes the workstation's open dialog. */
export function useCloseDialog() {
  const store = useWorkstationStore();
  return () => store.setState({ dialog: null });
}

/**
 * The dialog's command: `send` runs it under `key` (one in flight) and closes the dialog when
 * it is accepted; a refusal stays on screen. `dialog` goes into the Dialog's props.
 */
export function useDialogCommand<K extends CommandName>(key: string, name: K) {
  const { runner } = useDesk();
  const close = useCloseDialog();
  const pending = usePending(key);
  async function send(payload: CommandPayload<K>): Promise<boolean> {
    const ack = await runner.run(key, name, payload);
    if (ack?.ok) close();
    return ack?.ok ?? false;
  }
  return { send, close, pending, dialog: { onCancel: close, pending } };
}

/** A labelled one-line text field (or a textarea for `lines`). */
export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  lines?: boolean;
}) {
  const common = {
    value: props.value,
    maxLength: props.maxLength,
    'aria-label': props.label,
  };
  return (
    <label>
      {props.label}
      {props.lines ? (
        <textarea {...common} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input {...common} onChange={(e) => props.onChange(e.target.value)} />
      )}
    </label>
  );
}

/** A labelled date and time (`datetime-local`, the hall's wall clock), marked when invalid. */
export function DateTimeField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
}) {
  return (
    <label>
      {props.label}
      <input
        type="datetime-local"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-label={props.label}
        aria-invalid={props.invalid}
      />
    </label>
  );
}

/** A labelled digits-only field that marks itself invalid (phone, account number). */
export function DigitsField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  valid: boolean;
}) {
  return (
    <label>
      {props.label}
      <input
        value={props.value}
        inputMode="numeric"
        aria-invalid={!props.valid}
        onChange={(e) => props.onChange(digitsOnly(e.target.value))}
        aria-label={props.label}
      />
    </label>
  );
}

/** One of a few choices as radio buttons, each with its words. */
export function Choices<T extends string>(props: {
  name: string;
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  label: (option: T) => string;
  legend?: ReactNode;
}) {
  return (
    <fieldset className="choices">
      {props.legend && <legend>{props.legend}</legend>}
      {props.options.map((o) => (
        <label key={o} className="choice">
          <input
            type="radio"
            name={props.name}
            checked={props.value === o}
            onChange={() => props.onChange(o)}
          />
          {props.label(o)}
        </label>
      ))}
    </fieldset>
  );
}

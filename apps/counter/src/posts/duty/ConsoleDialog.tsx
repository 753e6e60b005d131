import { Reason, type CommandName, type CommandPayload } from '@onestop/shared';
import { Dialog } from '@onestop/ui';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useOnline, usePending } from '../../common/desk';
import { RefusalFor } from '../../common/RefusalFor';

// Every console action that changes something goes through one dialog: it sends once, stays
// open with the server's refusal (its code in the reader's language and its detail, e.g. the
// field) and closes when the server accepts.

export { RefusalFor };

export function ActionDialog<K extends CommandName>(props: {
  title: string;
  actionKey: string;
  command: K;
  /** Null while the form is incomplete: the dialog will not send. */
  payload: CommandPayload<K> | null;
  confirmLabel?: string;
  testId?: string;
  onClose: () => void;
  onDone?: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { runner } = useDesk();
  const online = useOnline();
  const pending = usePending(props.actionKey);
  return (
    <Dialog
      title={props.title}
      testId={props.testId ?? 'console-dialog'}
      confirmLabel={props.confirmLabel ?? t('console.common.confirm')}
      confirmDisabled={props.payload === null || !online}
      pending={pending}
      onCancel={() => {
        runner.clearRefusal();
        props.onClose();
      }}
      onConfirm={() => {
        if (props.payload === null) return;
        void runner.run(props.actionKey, props.command, props.payload).then((ack) => {
          if (ack?.ok) {
            props.onDone?.();
            props.onClose();
          }
        });
      }}
    >
      {props.children}
      {!online && <p className="error">{t('console.common.offlineNoSend')}</p>}
      <RefusalFor actionKey={props.actionKey} />
    </Dialog>
  );
}

/** The reason every override needs; the form will not send without one (two characters). */
export function ReasonField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const missing = !hasReason(value);
  return (
    <label>
      {t('console.override.reason')}
      <textarea
        value={value}
        maxLength={Reason.maxLength ?? undefined}
        aria-label={t('console.override.reason')}
        aria-invalid={missing}
        onChange={(e) => onChange(e.target.value)}
      />
      {missing && (
        <small className="error" data-testid="reason-required">
          {t('console.override.reasonRequired')}
        </small>
      )}
    </label>
  );
}

/** The contract's rule for a reason (two to 200 characters once trimmed). */
export const hasReason = (reason: string) => Reason.safeParse(reason).success;

/** A dialog's open state: which one, about what. */
export function useDialog<T>() {
  const [open, setOpen] = useState<T | null>(null);
  return { open, show: setOpen, close: () => setOpen(null) };
}

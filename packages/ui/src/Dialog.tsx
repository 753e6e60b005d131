import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A modal form: Enter confirms, Escape cancels, focus starts inside. Its words: `ui:dialog`. */
export function Dialog(props: {
  title: string;
  onCancel: () => void;
  onConfirm: () => void;
  confirmLabel: string;
  confirmDisabled?: boolean;
  pending?: boolean;
  testId?: string;
  /** A dialog only to read (an outcome): its one button closes it, as Escape does. */
  noCancel?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  // Callers pass a fresh onCancel each render; focus moves in once, when the dialog opens, not
  // on every render (a hall update would otherwise pull the cursor out of the field in use).
  const onCancel = useRef(props.onCancel);
  onCancel.current = props.onCancel;
  useEffect(() => {
    const first = form.current?.querySelector<HTMLElement>('input, select, textarea, button');
    first?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onCancel.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!props.confirmDisabled && !props.pending) props.onConfirm();
  };
  return (
    <div className="dialog-backdrop">
      <form
        ref={form}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        data-testid={props.testId}
        onSubmit={submit}
      >
        <h2>{props.title}</h2>
        <div className="dialog-body">{props.children}</div>
        <div className="dialog-actions">
          {!props.noCancel && (
            <button type="button" onClick={props.onCancel}>
              {t('ui:dialog.cancel')} <kbd>Esc</kbd>
            </button>
          )}
          <button
            type="submit"
            className="primary"
            disabled={props.confirmDisabled || props.pending}
          >
            {props.pending ? t('ui:dialog.sending') : props.confirmLabel}
          </button>
        </div>
      </form>
    </div>
  );
}

import type { ReactNode } from 'react';

/** A step's two buttons: back (or cancel), and its one primary action. */
export function ActionPair({
  className = 'actions',
  backLabel,
  onBack,
  label,
  disabled,
  onAction,
}: {
  className?: string;
  backLabel: string;
  onBack: () => void;
  label: ReactNode;
  disabled: boolean;
  onAction: () => void;
}) {
  return (
    <div className={className}>
      <button type="button" onClick={onBack}>
        {backLabel}
      </button>
      <button type="button" className="primary" disabled={disabled} onClick={onAction}>
        {label}
      </button>
    </div>
  );
}

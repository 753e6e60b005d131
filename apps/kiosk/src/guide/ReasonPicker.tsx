import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionPair } from '../common/ActionPair';

type ReasonKey = 'reasonCustomerLeft' | 'reasonDuplicate' | 'reasonReturned' | 'reasonMissedCall';

/** Asks why, inline (no browser prompt on a tablet): a usual reason in one tap, or typed. */
export function ReasonPicker({
  title,
  reasons,
  onConfirm,
  onCancel,
}: {
  title: string;
  reasons: readonly ReasonKey[];
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <div className="reason-picker" role="group" aria-label={title}>
      <div className="reason-chips">
        {reasons.map((r) => (
          <button
            type="button"
            key={r}
            aria-pressed={reason === t(r)}
            onClick={() => setReason(t(r))}
          >
            {t(r)}
          </button>
        ))}
      </div>
      <input
        aria-label={t('reason')}
        placeholder={t('reason')}
        value={reason}
        maxLength={200}
        onChange={(e) => setReason(e.target.value)}
      />
      <ActionPair
        className="reason-actions"
        backLabel={t('back')}
        onBack={onCancel}
        label={`${t('confirm')} · ${title}`}
        disabled={reason.trim().length < 2}
        onAction={() => onConfirm(reason.trim())}
      />
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useDesk } from './desk';
import { refusalDetail } from './errors';

/**
 * The server's refusal of the command sent under `actionKey`, in the dialog that sent it: its
 * code in the reader's language and its detail (e.g. the field).
 */
export function RefusalFor({
  actionKey,
  testId = 'server-refusal',
}: {
  actionKey: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { runner } = useDesk();
  const refusal = useStore(runner.store, (s) => (s.refusal?.key === actionKey ? s.refusal : null));
  if (!refusal) return null;
  const detail = refusalDetail(refusal.code, refusal.message);
  return (
    <p className="error server-refusal" role="alert" data-testid={testId}>
      <strong>{t(`errors.${refusal.code}`)}</strong>
      {detail && <span className="detail"> {detail}</span>}
    </p>
  );
}

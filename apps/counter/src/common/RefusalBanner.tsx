import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useDesk } from './desk';
import { refusalDetail } from './errors';

/** The last refused command, in the reader's language, with the server's detail. */
export function RefusalBanner() {
  const { t } = useTranslation();
  const { runner } = useDesk();
  const refusal = useStore(runner.store, (s) => s.refusal);
  if (!refusal) return null;
  const detail = refusalDetail(refusal.code, refusal.message);
  return (
    <div className="refusal" role="alert" data-testid="refusal" data-code={refusal.code}>
      <strong>{t(`errors.${refusal.code}`)}</strong>
      {detail && <span className="detail">{detail}</span>}
      <button type="button" className="link" onClick={runner.clearRefusal}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}

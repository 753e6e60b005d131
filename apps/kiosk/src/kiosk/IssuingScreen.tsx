import { useHall, type HallConnection } from '@onestop/client';
import { useTranslation } from 'react-i18next';

/** A ticket request in flight; when the link is down it says so and what happens next. */
export function IssuingScreen({ connection }: { connection: HallConnection }) {
  const { t } = useTranslation();
  const link = useHall(connection, (v) => v.link);
  return (
    <section className="issuing" role="status" aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <p className="big-message">{t('issuingTitle')}</p>
      {link !== 'online' && <p className="issuing-offline">{t('issuingOffline')}</p>}
    </section>
  );
}

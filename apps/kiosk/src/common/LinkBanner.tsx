import { useHall, type HallConnection } from '@onestop/client';
import { useTranslation } from 'react-i18next';
import { useLang } from './use-lang';

/**
 * A plain line for every state of the link that is not "online": connecting, syncing, or
 * offline with the time of the last good state. (Commands in flight are each screen's to show.)
 */
export function LinkBanner({
  connection,
  offlineText,
}: {
  connection: HallConnection;
  /** What this screen tells people when offline (the kiosk sends them to the guide desk). */
  offlineText?: string;
}) {
  const { t } = useTranslation();
  const { locale } = useLang();
  const link = useHall(connection, (v) => v.link);
  const lastOnlineAt = useHall(connection, (v) => v.lastOnlineAt);
  if (link === 'refused' || link === 'online') return null; // the refusal screen says it
  const text =
    link === 'offline'
      ? (offlineText ?? t('offline'))
      : link === 'connecting'
        ? t('connecting')
        : t('syncing');
  return (
    <div role="status" className={`banner banner-${link}`} data-link={link}>
      <span>{text}</span>
      {link === 'offline' && lastOnlineAt !== null && (
        <small className="banner-since">
          {t('lastUpdated', { time: new Date(lastOnlineAt).toLocaleTimeString(locale) })}
        </small>
      )}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { formatClock } from '@onestop/ui';
import { useView } from './desk';

/** Says plainly when the screen is not live: connecting, catching up, or offline (stale). */
export function LinkBanner() {
  const { t } = useTranslation();
  const link = useView((v) => v.link);
  const pending = useView((v) => v.pending);
  const lastOnlineAt = useView((v) => v.lastOnlineAt);
  const timeZone = useView((v) => v.hall?.config.timeZone ?? 'Asia/Shanghai');
  if (link === 'online' && pending === 0) return null;
  if (link === 'online')
    return (
      <div className="link-banner sending" role="status">
        {t('link.sending', { count: pending })}
      </div>
    );
  if (link === 'offline')
    return (
      <div className="link-banner offline" role="alert" data-testid="offline-banner">
        {t('link.offline', {
          time: lastOnlineAt ? formatClock(lastOnlineAt, timeZone) : '—',
        })}
        {pending > 0 ? ` ${t('link.queued', { count: pending })}` : ''}
      </div>
    );
  return (
    <div className="link-banner syncing" role="status">
      {t(`link.${link}`)}
    </div>
  );
}

import { useThrottledKey } from '@onestop/client';
import { useTranslation } from 'react-i18next';
import { useOnline } from '../../../common/desk';
import { SpotCheckList } from '../../../common/SpotCheckList';
import { useQuery } from '../../../common/use-query';
import { useWork } from '../workstation/work-context';

/** The clerk's spot checks of the last 31 days, asked again when the hall changes (read-only). */
export function MySpotChecks() {
  const { t } = useTranslation();
  const { hall } = useWork();
  const online = useOnline();
  // Checks are not pushed to desks: asked when shown and again as the hall changes (at most
  // every 5 s), so a check the duty leader saves appears while the clerk looks.
  const key = useThrottledKey(online ? String(hall.seq) : null, 5000);
  const q = useQuery('spot-check:list', {}, key);
  const checks = q.data?.spotChecks ?? [];
  return (
    <section className="my-spot-checks" data-testid="my-spot-checks">
      <h3>{t('spotChecks.mine', { count: checks.length })}</h3>
      <p className="muted">{t('spotChecks.mineExplain')}</p>
      {!online && <p className="muted">{t('spotChecks.offline')}</p>}
      {q.error ? (
        <p className="error" role="alert">
          {t('spotChecks.error', { message: t(`errors.${q.error}`) })}
        </p>
      ) : q.data === null ? (
        <p className="muted empty">{t('spotChecks.loading')}</p>
      ) : checks.length === 0 ? (
        <p className="muted empty">{t('spotChecks.none')}</p>
      ) : (
        <SpotCheckList checks={checks} hall={hall} />
      )}
    </section>
  );
}

import { SyncStatus, type Snapshot } from '@onestop/shared';
import { useTranslation } from 'react-i18next';
import { useDesk, useOnline, usePending, useStaffView } from '../../common/desk';
import { formatDateTime, useLang } from '@onestop/ui';
import { useQuery } from '../../common/use-query';
import { RefusalFor } from './ConsoleDialog';
import { PanelHead } from './Panel';

// The nightly upward sync to the regional center and the backup, as the console sees them:
// `sync:status` when the panel opens, then the status record the hall pushes as it changes
// (progress while a run is going); "run now" asks for a run at once.

/** The newest of the asked status and the one pushed in `hall:changed` since. */
export function latestStatus(
  asked: SyncStatus | null,
  pushed: readonly SyncStatus[] | undefined,
): SyncStatus | null {
  const candidates = [asked, ...(pushed ?? [])].filter((s): s is SyncStatus => s !== null);
  return candidates.reduce<SyncStatus | null>(
    (best, s) => (best === null || s.changeSeq >= best.changeSeq ? s : best),
    null,
  );
}

/**
 * The status the hall pushed in `hall:changed`: the desk's merge keeps it on the snapshot,
 * outside the snapshot's type, so it is read as what it is.
 */
export function pushedStatus(hall: Snapshot): SyncStatus[] | undefined {
  if (!('syncStatus' in hall)) return undefined;
  const pushed = SyncStatus.array().safeParse(hall.syncStatus);
  return pushed.success ? pushed.data : undefined;
}

export function SyncPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const { runner } = useDesk();
  const { hall } = useStaffView();
  const online = useOnline();
  const running = usePending('sync-run');
  const asked = useQuery('sync:status', {}, online ? 'status' : null);
  const status = latestStatus(asked.data?.status ?? null, pushedStatus(hall));
  const when = (ms: number | null) =>
    ms === null ? '—' : formatDateTime(ms, hall.config.timeZone, lang);
  return (
    <section className="card sync-panel" data-testid="sync-panel">
      <PanelHead title={t('console.sync.title')} stale={!online}>
        <span className="spacer" />
        <button
          type="button"
          className="primary"
          data-testid="sync-run-now"
          disabled={!online || running || status?.state === 'running'}
          onClick={() => void runner.run('sync-run', 'sync:run-now', {})}
        >
          {running ? t('common.sending') : t('console.sync.runNow')}
        </button>
      </PanelHead>
      <RefusalFor actionKey="sync-run" />
      {status === null ? (
        asked.error ? (
          <p className="error" role="alert">
            {t(`errors.${asked.error}`)}
          </p>
        ) : (
          <p className="muted">
            {online ? t('common.loading') : t('console.common.offlineNoData')}
          </p>
        )
      ) : (
        <>
          <p data-testid="sync-state" data-state={status.state}>
            {status.configured ? (
              <>
                {t('console.sync.center')}: <code>{status.centerUrl}</code>
              </>
            ) : (
              <span className="badge warn">{t('console.sync.notConfigured')}</span>
            )}
          </p>
          {status.state === 'running' && (
            <div className="sync-progress" data-testid="sync-progress">
              <span>
                {t(`console.sync.phase.${status.phase ?? 'sending'}`)} ·{' '}
                {t('console.sync.progress', { sent: status.sent, total: status.total })}
              </span>
              <progress max={Math.max(1, status.total)} value={status.sent} />
            </div>
          )}
          <dl className="facts sync-facts">
            <dt>{t('console.sync.lastRun')}</dt>
            <dd>
              {when(status.startedAt)}
              {status.trigger && ` · ${t(`console.sync.trigger.${status.trigger}`)}`}
            </dd>
            <dt>{t('console.sync.result')}</dt>
            <dd data-testid="sync-result">
              {status.result ? (
                <span className={`badge ${status.result === 'ok' ? '' : 'bad'}`}>
                  {t(`console.sync.resultKind.${status.result}`)}
                </span>
              ) : (
                '—'
              )}
              {status.error && <span className="error"> {status.error}</span>}
            </dd>
            <dt>{t('console.sync.sent')}</dt>
            <dd className="num">
              {t('console.sync.progress', { sent: status.sent, total: status.total })}
            </dd>
            <dt>{t('console.sync.reconciled')}</dt>
            <dd className="num">
              {t('console.sync.reconciledDetail', {
                compared: status.reconciled,
                mismatched: status.mismatched,
                unresolved: status.unresolved,
              })}
            </dd>
            <dt>{t('console.sync.lastSuccess')}</dt>
            <dd>{when(status.lastSuccessAt)}</dd>
            <dt>{t('console.sync.failures')}</dt>
            <dd className="num">{status.failures}</dd>
            <dt>{t('console.sync.next')}</dt>
            <dd>
              {when(status.nextRunAt)} ({t('console.sync.nightly', { time: status.runAt })})
            </dd>
            {status.requestedAt !== null && (
              <>
                <dt>{t('console.sync.requested')}</dt>
                <dd>{when(status.requestedAt)}</dd>
              </>
            )}
            <dt>{t('console.sync.lastBackup')}</dt>
            <dd>
              {when(status.lastBackupAt)}
              {status.lastBackupBytes !== null &&
                ` · ${(status.lastBackupBytes / 1024 / 1024).toFixed(1)} MB`}
              {status.lastBackupError && <span className="error"> {status.lastBackupError}</span>}
            </dd>
            <dt>{t('console.sync.nextBackup')}</dt>
            <dd>{when(status.nextBackupAt)}</dd>
          </dl>
        </>
      )}
    </section>
  );
}

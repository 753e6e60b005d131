import { accept, reject } from '../../domain/result';
import { handler } from '../context';

// The console's view of the nightly upward sync and backups. A run asked for here is recorded
// on the status record (audited like any command); the sync service sees it and starts.

export const syncHandlers = {
  'sync:status': handler<'sync:status'>({
    run(tx) {
      return accept({ status: tx.store.sync.status() });
    },
  }),

  'sync:run-now': handler<'sync:run-now'>({
    run(tx) {
      const status = tx.store.sync.status();
      if (!status.configured && status.nextBackupAt === null) return reject('sync_not_configured');
      if (status.state === 'running' || status.requestedAt !== null) return accept({ status });
      const saved = tx.write.syncStatus({
        ...status,
        requestedAt: tx.now,
        requestedBy: tx.actor.staff?.id ?? null,
      });
      return accept({ status: saved });
    },
  }),
};

import type { Logger } from 'pino';
import type { Store } from '../store/store';
import { forgetCallOrder } from './call-order';
import { forgetSnapshots } from './handlers/query-handlers';

// Group commit: the commands that arrive in one turn of the event loop share one SQLite
// transaction (each in its own savepoint) and one fsync. No ack leaves before the commit,
// so an acknowledged command is as durable as with a commit each; under load the hall
// pays for one fsync per batch instead of one per command.

export function createGroupCommit(
  store: Store,
  options: { durable?: (() => Promise<void>) | undefined; log?: Logger | undefined },
) {
  const { durable, log } = options;
  let batch: { committed: Promise<void> } | null = null;
  /** The last batch committed whose WAL sync is still running (with `durable`). */
  let unsynced: Promise<void> | null = null;

  function join(): Promise<void> {
    if (batch) return batch.committed;
    store.db.exec('BEGIN IMMEDIATE');
    let settle!: (err?: unknown) => void;
    const committed = new Promise<void>((resolve, reject) => {
      settle = (err) => (err ? reject(err) : resolve());
    });
    committed.catch(() => undefined); // every waiter handles it; none may go unhandled
    batch = { committed };
    setImmediate(() => {
      batch = null;
      try {
        store.db.exec('COMMIT');
      } catch (err) {
        if (store.db.inTransaction) store.db.exec('ROLLBACK');
        forgetSnapshots(store); // a snapshot may have been built from what was rolled back
        forgetCallOrder(store);
        log?.error({ err }, 'group commit failed; nothing in it was acknowledged');
        settle(err);
        return;
      }
      if (!durable) return settle();
      // The next batch may begin while this one's WAL is synced off the event loop.
      unsynced = committed;
      durable().then(
        () => settle(),
        (err: unknown) => {
          log?.error({ err }, 'syncing the WAL failed; nothing in the batch was acknowledged');
          settle(err);
        },
      );
      const done = () => {
        if (unsynced === committed) unsynced = null;
      };
      committed.then(done, done);
    });
    return committed;
  }

  /** Resolves once everything written so far is committed (queries wait for it). */
  function settled(): Promise<void> {
    const pending = batch?.committed ?? unsynced;
    return pending ? pending.catch(() => undefined) : Promise.resolve();
  }

  /**
   * Runs `fn` once what is being written now is committed (and on disk); at once when nothing
   * is. A system write outside a batch is committed already, and synced first with `durable`.
   */
  function afterCommit(fn: () => void): void {
    if (batch) void batch.committed.then(fn, () => undefined);
    else if (durable) void durable().then(fn, () => undefined);
    else fn();
  }

  return {
    join,
    settled,
    afterCommit,
    /** A batch is open: its COMMIT is due at the end of this event-loop turn. */
    committing: () => batch !== null,
  };
}

// A new hall's sync status record, for the screens' tests that show one.
export { defaultSyncStatus } from '../sync/sync-repo';

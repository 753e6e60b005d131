import { resolve } from 'node:path';
import { hallConfigOrExit } from '../config/process-config';
import { argValue } from './cli-args';
import { listBackups } from './backup';
import { restoreHall } from './restore';

// `npm run restore -- --from <backup file> --data-dir ./data`: brings a hall back from a backup.
// Stop the hall server first. `--from latest` takes the newest backup in <data dir>/backups.

const argv = process.argv.slice(2);
const { dataDir, backup } = hallConfigOrExit(argv);
let from = argValue(argv, '--from');
if (!from) {
  console.error('usage: npm run restore -- --from <backup file | latest> [--data-dir ./data]');
  process.exit(2);
}
if (from === 'latest') {
  const newest = listBackups(backup.dir).pop();
  if (!newest) {
    console.error(`no backups in ${backup.dir}`);
    process.exit(1);
  }
  from = newest.file;
}
try {
  const result = restoreHall({ from: resolve(from), dataDir });
  console.log(
    [
      `Restored ${result.database} from ${result.restoredFrom} (integrity check ok).`,
      result.movedAsideTo
        ? `The database it replaced is in ${result.movedAsideTo}.`
        : 'There was no database to replace.',
      `Change sequence ${result.seqBefore} → ${result.seqAfter}: devices reload, and what the hall`,
      'writes from now on is newer, at the regional center, than anything sent before.',
      'Start the hall server again (npm start, with DEMO=0 for a real hall).',
    ].join('\n'),
  );
} catch (err) {
  console.error(`Restore failed, nothing was changed: ${(err as Error).message}`);
  process.exit(1);
}

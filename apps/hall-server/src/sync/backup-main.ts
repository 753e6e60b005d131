import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { hallConfigOrExit } from '../config/process-config';
import { openDatabase } from '../store/db';
import { argValue } from './cli-args';
import { pruneBackups, takeBackup } from './backup';

// `npm run backup -- --data-dir ./data`: an online backup now, also while the hall server runs
// (it takes one itself every night and before every sync run).

const argv = process.argv.slice(2);
// The data directory, BACKUP_DIR and BACKUP_KEEP_DAYS read and checked as the hall server reads them.
const { dataDir, backup } = hallConfigOrExit(argv);
const dir = resolve(argValue(argv, '--to') ?? backup.dir);
if (!existsSync(`${dataDir}/hall.sqlite`)) {
  console.error(`no hall database in ${dataDir}`);
  process.exit(1);
}
const db = openDatabase(`${dataDir}/hall.sqlite`);
try {
  const b = await takeBackup(db, dir, Date.now());
  pruneBackups(dir, backup.keepDays, Date.now());
  console.log(`Backup ${b.file} (${b.bytes} bytes), integrity check ok.`);
} catch (err) {
  console.error(`Backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  db.close();
}

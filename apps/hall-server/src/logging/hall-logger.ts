import pino, { type DestinationStream, type Logger } from 'pino';
import type { HallConfig } from '../config/hall-config';
import { openRollingFile, parseSize } from './rolling-file';

// The hall server's log: JSON lines with an ISO timestamp, to stdout (journald, the Windows
// service wrapper's log) and to <log dir>/hall.<date>.<n>.log, rolled by day and by size
// (logging/rolling-file.ts). Both destinations are written in this thread (pino.multistream)
// rather than by a pino.transport worker, which would cost a thread's megabytes of RSS, and
// synchronously, as pino's stdout is: the last lines before a crash are the ones that explain it.

export interface HallLogger {
  logger: Logger;
  /** Closes the log file. */
  close(): Promise<void>;
}

export function createHallLogger(
  settings: HallConfig['log'],
  stdout: DestinationStream = pino.destination({ fd: 1 }),
  now?: () => Date,
): HallLogger {
  const file = openRollingFile({
    dir: settings.dir,
    maxBytes: parseSize(settings.maxSize),
    keepFiles: settings.keepFiles,
    now,
  });
  // A log file that cannot be written (disk full, directory removed) must not stop the hall:
  // it is said on stdout, which still works.
  file.on('error', (err) => {
    const line = { level: 50, time: new Date().toISOString(), msg: 'cannot write the log file' };
    stdout.write(`${JSON.stringify({ ...line, err: err.message })}\n`);
  });
  const logger = pino(
    { level: settings.level, timestamp: pino.stdTimeFunctions.isoTime },
    pino.multistream([
      { level: settings.level, stream: stdout },
      { level: settings.level, stream: file },
    ]),
  );
  return {
    logger,
    close: async () => file.end(),
  };
}

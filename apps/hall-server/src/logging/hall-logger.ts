import { join } from 'node:path';
import pino, { type DestinationStream, type Logger } from 'pino';
import pinoRoll from 'pino-roll';
import type { HallConfig } from '../config/hall-config';

// The hall server's log: JSON lines with an ISO timestamp, to stdout (journald, the Windows
// service wrapper's log) and to <log dir>/hall.<date>.<n>.log, a new file each day and whenever
// one reaches maxSize, the oldest removed beyond keepFiles.
//
// pino-roll runs in this thread (pino.multistream) rather than as a pino.transport worker: a
// worker thread costs megabytes of RSS the hall cannot spare, and a transport named by a string
// is resolved at run time, which a bundled server cannot do.

export interface HallLogger {
  logger: Logger;
  /** Writes what is buffered and closes the file. */
  close(): Promise<void>;
}

export async function createHallLogger(
  settings: HallConfig['log'],
  stdout: DestinationStream = pino.destination({ fd: 1 }),
): Promise<HallLogger> {
  const file = await pinoRoll({
    file: join(settings.dir, 'hall'),
    extension: '.log',
    frequency: 'daily',
    dateFormat: 'yyyy-MM-dd',
    size: settings.maxSize,
    limit: { count: settings.keepFiles, removeOtherLogFiles: true },
    // A link to the file being written (current.log), except on Windows, where making one
    // needs a privilege the service account may not hold.
    symlink: process.platform !== 'win32',
    mkdir: true,
    // Each line is on disk when the call returns, as pino's stdout is: the last lines before a
    // crash (logged, then exit 70) are the ones that explain it.
    sync: true,
  });
  const logger = pino(
    { level: settings.level, timestamp: pino.stdTimeFunctions.isoTime },
    pino.multistream([
      { level: settings.level, stream: stdout },
      { level: settings.level, stream: file },
    ]),
  );
  // A log file that cannot be written (disk full, directory removed) must not stop the hall:
  // it is said on stdout, which still works.
  file.on('error', (err: Error) => {
    stdout.write(
      `${JSON.stringify({ level: 50, time: new Date().toISOString(), msg: 'cannot write the log file', err: err.message })}\n`,
    );
  });
  return {
    logger,
    close: () =>
      new Promise<void>((done) => {
        file.flush(() => {
          file.once('close', () => done());
          file.end();
        });
      }),
  };
}

import { mkdirSync, readdirSync, statSync, symlinkSync, unlinkSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';

// The hall's log file, rolled by day and by size: <dir>/hall.<yyyy-mm-dd>.<n>.log (local date),
// a new n when the next line would take the file past maxBytes, a new date at the first line
// after local midnight; the current file and keepFiles older ones are kept, and current.log
// links to the file being written (not on Windows, where a link needs a privilege).
//
// Written here on pino's own destination (sonic-boom) instead of with pino-roll: pino-roll
// loads all of date-fns, 17 MiB of resident memory and a few hundred milliseconds at every start
// (measured: `require('pino-roll')` after a gc), for two date formats.

export interface RollingFileOptions {
  dir: string;
  maxBytes: number;
  keepFiles: number;
  now?: () => Date;
}

export interface RollingFile {
  /** A whole line (pino writes one per call). */
  write(line: string): boolean;
  /** The file being written. */
  readonly file: string;
  /** Writes what is left and closes the file. */
  end(): void;
  on(event: 'error', listener: (err: Error) => void): void;
}

const SIZE = /^([1-9]\d*)([kmg])$/;
const NAME = /^hall\.(\d{4}-\d\d-\d\d)\.(\d+)\.log$/;

/** `10m` → 10 MiB in bytes (k, m, g: KiB, MiB, GiB). */
export function parseSize(text: string): number {
  const m = SIZE.exec(text);
  if (!m) throw new Error(`not a size: ${text}`);
  return Number(m[1]) * 1024 ** ('kmg'.indexOf(m[2]!) + 1);
}

const pad = (n: number) => String(n).padStart(2, '0');
const localDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const nextMidnight = (d: Date) =>
  new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();

/** The hall's log files in the directory, oldest first. */
function logFiles(dir: string): { name: string; day: string; n: number }[] {
  return readdirSync(dir)
    .map((name) => ({ name, m: NAME.exec(name) }))
    .filter((f) => f.m !== null)
    .map(({ name, m }) => ({ name, day: m![1]!, n: Number(m![2]) }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.n - b.n)); // ISO days: plain order
}

function sizeOf(path: string): number {
  let stats: Stats | undefined;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  return stats.size;
}

export function openRollingFile(options: RollingFileOptions): RollingFile {
  const { dir, maxBytes, keepFiles } = options;
  const now = options.now ?? (() => new Date());
  mkdirSync(dir, { recursive: true });

  let day = localDay(now());
  let dayEndsAt = nextMidnight(now());
  // After a restart the same day goes on in its last file while that has room.
  let n = Math.max(
    1,
    ...logFiles(dir)
      .filter((f) => f.day === day)
      .map((f) => f.n),
  );
  let file = join(dir, `hall.${day}.${n}.log`);
  let size = sizeOf(file);
  const destination = pino.destination({ dest: file, sync: true, mkdir: true });

  const link = (): void => {
    if (process.platform === 'win32') return;
    const path = join(dir, 'current.log');
    try {
      unlinkSync(path);
    } catch {
      // none yet
    }
    try {
      symlinkSync(`hall.${day}.${n}.log`, path);
    } catch (err) {
      destination.emit('error', err);
    }
  };
  const prune = (): void => {
    for (const old of logFiles(dir).slice(0, -(keepFiles + 1))) unlinkSync(join(dir, old.name));
  };
  const roll = (at: Date): void => {
    const today = localDay(at);
    n = today === day ? n + 1 : 1;
    day = today;
    dayEndsAt = nextMidnight(at);
    file = join(dir, `hall.${day}.${n}.log`);
    size = 0;
    destination.reopen(file);
    link();
    try {
      prune();
    } catch (err) {
      destination.emit('error', err);
    }
  };
  link();
  prune();

  return {
    get file() {
      return file;
    },
    write(line) {
      const bytes = Buffer.byteLength(line);
      const at = now();
      if (at.getTime() >= dayEndsAt || (size > 0 && size + bytes > maxBytes)) roll(at);
      size += bytes;
      return destination.write(line);
    },
    end: () => destination.end(),
    on: (event, listener) => void destination.on(event, listener),
  };
}

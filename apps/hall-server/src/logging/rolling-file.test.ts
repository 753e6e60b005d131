import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRollingFile, parseSize } from './rolling-file';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'onestop-rolling-'));
  dirs.push(d);
  return d;
}

const logFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.startsWith('hall.'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

/** A clock the test moves: local time. */
function clock(start: string) {
  let t = new Date(start).getTime();
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

const line = (i: number) => `${JSON.stringify({ i, pad: 'x'.repeat(83) })}\n`; // 100 bytes (i < 10)

describe('parseSize', () => {
  it.each([
    ['512k', 512 * 1024],
    ['10m', 10 * 1024 ** 2],
    ['1g', 1024 ** 3],
  ])('%s → %d bytes', (text, bytes) => expect(parseSize(text)).toBe(bytes));
});

describe('the rolling log file', () => {
  it('starts the next file of the day once the current one reaches the size limit', () => {
    const dir = tempDir();
    const c = clock('2026-03-01T09:00:00');
    const file = openRollingFile({ dir, maxBytes: 1000, keepFiles: 14, now: c.now });
    for (let i = 0; i < 25; i++) file.write(line(i));
    file.end();
    expect(logFiles(dir)).toEqual([
      'hall.2026-03-01.1.log',
      'hall.2026-03-01.2.log',
      'hall.2026-03-01.3.log',
    ]);
    const first = readFileSync(join(dir, 'hall.2026-03-01.1.log'), 'utf8');
    expect(first.split('\n').filter(Boolean)).toHaveLength(10); // 1,000 bytes: the next would pass it
    expect(readFileSync(join(dir, 'hall.2026-03-01.3.log'), 'utf8')).toContain('"i":24,');
  });

  it('starts a new day file at the first line after local midnight', () => {
    const dir = tempDir();
    const c = clock('2026-03-01T23:59:00');
    const file = openRollingFile({ dir, maxBytes: 1_000_000, keepFiles: 14, now: c.now });
    file.write(line(1));
    c.advance(2 * 60_000);
    file.write(line(2));
    file.end();
    expect(logFiles(dir)).toEqual(['hall.2026-03-01.1.log', 'hall.2026-03-02.1.log']);
    expect(readFileSync(join(dir, 'hall.2026-03-02.1.log'), 'utf8')).toBe(line(2));
    if (process.platform !== 'win32')
      expect(readlinkSync(join(dir, 'current.log'))).toBe('hall.2026-03-02.1.log');
  });

  it('keeps the current file and keepFiles older ones, removing the oldest', () => {
    const dir = tempDir();
    const c = clock('2026-03-01T12:00:00');
    const file = openRollingFile({ dir, maxBytes: 100, keepFiles: 3, now: c.now });
    for (let day = 0; day < 6; day++) {
      file.write(line(day));
      c.advance(24 * 3_600_000);
    }
    file.end();
    expect(logFiles(dir)).toEqual([
      'hall.2026-03-03.1.log',
      'hall.2026-03-04.1.log',
      'hall.2026-03-05.1.log',
      'hall.2026-03-06.1.log',
    ]);
  });

  it('after a restart on the same day, goes on in the last file while it has room', () => {
    const dir = tempDir();
    const c = clock('2026-03-01T08:00:00');
    const first = openRollingFile({ dir, maxBytes: 1000, keepFiles: 14, now: c.now });
    for (let i = 0; i < 13; i++) first.write(line(i)); // file 1 full, 3 lines in file 2
    first.end();
    const second = openRollingFile({ dir, maxBytes: 1000, keepFiles: 14, now: c.now });
    second.write(line(99));
    second.end();
    expect(logFiles(dir)).toEqual(['hall.2026-03-01.1.log', 'hall.2026-03-01.2.log']);
    expect(readFileSync(join(dir, 'hall.2026-03-01.2.log'), 'utf8').split('\n')).toHaveLength(5);
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createHallLogger } from './hall-logger';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'onestop-logs-'));
  dirs.push(d);
  return d;
}

/** What would go to stdout (journald), kept. */
function captured(): { stream: Writable; lines: () => string[] } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, lines: () => text.split('\n').filter(Boolean) };
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('the hall logger', () => {
  it('writes each line, with an ISO timestamp, to stdout and to a dated file in the log directory', async () => {
    const dir = join(tempDir(), 'logs'); // made when missing
    const out = captured();
    const log = createHallLogger(
      { level: 'info', dir, maxSize: '10m', keepFiles: 14 },
      out.stream,
      () => new Date('2026-03-01T10:00:00'), // the file's date (local); rolling-file.test.ts rolls it
    );
    log.logger.info({ counter: 3 }, 'counter opened');
    log.logger.debug('not at info level');
    await log.close();

    const lines = readFileSync(join(dir, 'hall.2026-03-01.1.log'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'counter opened', counter: 3, level: 30 });
    expect(lines[0]!.time).toMatch(ISO);
    const stdout = out.lines().map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(stdout).toEqual(lines);
  });
});

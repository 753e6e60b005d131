import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
    const log = await createHallLogger(
      { level: 'info', dir, maxSize: '10m', keepFiles: 14 },
      out.stream,
    );
    log.logger.info({ counter: 3 }, 'counter opened');
    log.logger.debug('not at info level');
    await log.close();

    const files = readdirSync(dir).filter((f) => f.endsWith('.log'));
    const today = new Date().toISOString().slice(0, 10);
    expect(files.some((f) => f.startsWith(`hall.${today}.`))).toBe(true);
    const file = files.find((f) => f.startsWith('hall.'))!;
    const lines = readFileSync(join(dir, file), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'counter opened', counter: 3, level: 30 });
    expect(lines[0]!.time).toMatch(ISO);
    const stdout = out.lines().map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(stdout).toEqual(lines);
  });

  it('starts a new file when the current one reaches the size limit, and keeps only keepFiles old ones', async () => {
    const dir = tempDir();
    const log = await createHallLogger(
      { level: 'info', dir, maxSize: '1k', keepFiles: 2 },
      captured().stream,
    );
    for (let i = 0; i < 60; i++) {
      log.logger.info({ i, pad: 'x'.repeat(100) }, 'a line');
      await new Promise((r) => setTimeout(r, 2)); // writes finish, a roll may happen
    }
    await log.close();
    const number = (f: string) => Number(/\.(\d+)\.log$/.exec(f)?.[1]);
    const files = readdirSync(dir)
      .filter((f) => f.startsWith('hall.'))
      .sort((a, b) => number(a) - number(b));
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(files.length).toBeLessThanOrEqual(3); // the current file and at most 2 old ones
    const kept = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('');
    expect(kept).toContain('"i":59,'); // the newest line is kept…
    expect(kept).not.toContain('"i":0,'); // …the oldest file was removed
  });
});

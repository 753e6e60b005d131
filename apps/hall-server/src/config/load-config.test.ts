import { describe, expect, it } from 'vitest';
import type { HallConfig } from './hall-config';
import { loadHallConfig } from './load-config';

// The hall's configuration: one JSON file (--config <path>, or <data dir>/onestop.json when it
// exists) plus environment variables, which win over the file. Every problem names its key.

const cwd = '/srv/hall';
const file = (json: unknown): Record<string, string> => ({
  '/srv/hall/data/onestop.json': JSON.stringify(json),
});

interface LoadInput {
  argv?: string[];
  env?: Record<string, string>;
  files?: Record<string, string>;
}

function load({ argv = [], env = {}, files = {} }: LoadInput = {}) {
  return loadHallConfig({
    argv,
    env,
    cwd,
    readFile(path) {
      const text = files[path];
      if (text !== undefined) return text;
      throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
    },
  });
}

describe('loadHallConfig', () => {
  it('with no file and no environment: the documented defaults', () => {
    const r = load();
    expect(r).toEqual({
      ok: true,
      config: {
        configFile: null,
        port: 8080,
        host: '0.0.0.0',
        dataDir: '/srv/hall/data',
        demo: true,
        trustClock: false,
        allowedOrigins: [],
        hallNames: [],
        rateLimits: true,
        log: { level: 'info', dir: '/srv/hall/data/logs', maxSize: '10m', keepFiles: 14 },
        sync: { url: null, hallKey: null, at: '02:30', batchRows: 5000, reconcileDays: 7 },
        backup: { dir: '/srv/hall/data/backups', keepDays: 14 },
        notify: {
          gateway: 'log',
          webhookUrl: null,
          webhookSecret: null,
          timeoutMs: 10_000,
          allowInsecureHttp: false,
        },
        idCardSecret: null,
      },
    });
  });

  it.each<[string, LoadInput, (c: HallConfig) => unknown, unknown]>([
    ['PORT', { env: { PORT: '9090' } }, (c) => c.port, 9090],
    ['DEMO=0', { env: { DEMO: '0' } }, (c) => c.demo, false],
    ['TRUST_CLOCK=1', { env: { TRUST_CLOCK: '1' } }, (c) => c.trustClock, true],
    ['--trust-clock', { argv: ['--trust-clock'] }, (c) => c.trustClock, true],
    ['RATE_LIMITS=off', { env: { RATE_LIMITS: 'off' } }, (c) => c.rateLimits, false],
    [
      'ALLOWED_ORIGINS',
      { env: { ALLOWED_ORIGINS: 'https://a.example, http://b.example:8080' } },
      (c) => c.allowedOrigins,
      ['https://a.example', 'http://b.example:8080'],
    ],
    [
      'DATA_DIR (relative to the working directory)',
      { env: { DATA_DIR: 'hall-2' } },
      (c) => [c.dataDir, c.log.dir],
      ['/srv/hall/hall-2', '/srv/hall/hall-2/logs'],
    ],
    ['LOG_DIR', { env: { LOG_DIR: '/var/log/onestop' } }, (c) => c.log.dir, '/var/log/onestop'],
    ['LOG_LEVEL', { env: { LOG_LEVEL: 'warn' } }, (c) => c.log.level, 'warn'],
    ['SYNC_URL empty: no center', { env: { SYNC_URL: '' } }, (c) => c.sync.url, null],
    [
      'SYNC_URL with SYNC_HALL_KEY_FILE (read, trimmed)',
      {
        env: { SYNC_URL: 'https://center.example:8090', SYNC_HALL_KEY_FILE: '/etc/onestop/key' },
        files: { '/etc/onestop/key': 'k-123\n' },
      },
      (c) => c.sync,
      {
        url: 'https://center.example:8090',
        hallKey: 'k-123',
        at: '02:30',
        batchRows: 5000,
        reconcileDays: 7,
      },
    ],
    [
      '--data-dir wins over DATA_DIR',
      { argv: ['--data-dir', 'other'], env: { DATA_DIR: '/var/lib/onestop' } },
      (c) => c.dataDir,
      '/srv/hall/other',
    ],
    [
      'the file',
      { files: file({ port: 7000, log: { level: 'debug' } }) },
      (c) => [c.port, c.log.level],
      [7000, 'debug'],
    ],
    [
      'the environment wins over the file',
      { env: { PORT: '9091' }, files: file({ port: 7000 }) },
      (c) => c.port,
      9091,
    ],
    [
      '--config <path>, its relative paths from its own folder',
      {
        argv: ['--config', '/etc/onestop/hall.json'],
        files: { '/etc/onestop/hall.json': '{"dataDir":"../../var/lib/onestop"}' },
      },
      (c) => [c.configFile, c.dataDir],
      ['/etc/onestop/hall.json', '/var/lib/onestop'],
    ],
    [
      'the file in DATA_DIR',
      {
        env: { DATA_DIR: '/var/lib/onestop' },
        files: { '/var/lib/onestop/onestop.json': '{"demo":false}' },
      },
      (c) => [c.configFile, c.demo],
      ['/var/lib/onestop/onestop.json', false],
    ],
  ])('%s', (_name, input, pick, expected) => {
    const r = load(input);
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(pick(r.config)).toEqual(expected);
  });

  it.each<[string, LoadInput, RegExp]>([
    ['DEMO=false', { env: { DEMO: 'false' } }, /^DEMO must be 0 .*or 1, not "false"/],
    ['DEMO empty', { env: { DEMO: '' } }, /^DEMO must be 0 .*or 1, not ""/],
    ['TRUST_CLOCK=yes', { env: { TRUST_CLOCK: 'yes' } }, /^TRUST_CLOCK must be 0 or 1/],
    [
      'PORT not a number',
      { env: { PORT: 'eighty' } },
      /^PORT must be a whole number, not "eighty"/,
    ],
    ['PORT out of range', { env: { PORT: '70000' } }, /^PORT must be at most 65535/],
    ['RATE_LIMITS=no', { env: { RATE_LIMITS: 'no' } }, /^RATE_LIMITS must be on or off/],
    [
      'ALLOWED_ORIGINS not an origin',
      { env: { ALLOWED_ORIGINS: 'ftp://x' } },
      /^ALLOWED_ORIGINS must be http\(s\) origins/,
    ],
    [
      'LOG_LEVEL unknown',
      { env: { LOG_LEVEL: 'loud' } },
      /^LOG_LEVEL must be one of .*info.*, not "loud"/,
    ],
    ['LOG_MAX_SIZE', { env: { LOG_MAX_SIZE: 'big' } }, /^LOG_MAX_SIZE must be a size like 10m/],
    ['SYNC_AT', { env: { SYNC_AT: '25:00' } }, /^SYNC_AT must be a time HH:MM/],
    [
      'SYNC_BATCH_ROWS too many',
      { env: { SYNC_BATCH_ROWS: '99999' } },
      /^SYNC_BATCH_ROWS must be at most 20000/,
    ],
    [
      'BACKUP_KEEP_DAYS zero',
      { env: { BACKUP_KEEP_DAYS: '0' } },
      /^BACKUP_KEEP_DAYS must be at least 1/,
    ],
    [
      'SYNC_URL without a key',
      { env: { SYNC_URL: 'https://c.example' } },
      /^SYNC_URL is set but neither SYNC_HALL_KEY nor SYNC_HALL_KEY_FILE/,
    ],
    [
      'SYNC_HALL_KEY_FILE missing',
      { env: { SYNC_HALL_KEY_FILE: '/nope' } },
      /^SYNC_HALL_KEY_FILE: cannot read \/nope/,
    ],
    [
      'an unknown key',
      { files: file({ prot: 8080 }) },
      /^\/srv\/hall\/data\/onestop\.json: unknown key "prot"/,
    ],
    [
      'an unknown nested key',
      { files: file({ log: { colour: true } }) },
      /onestop\.json: unknown key "log\.colour" \(known here: level, dir, maxSize, keepFiles\)/,
    ],
    [
      'a wrong type in the file',
      { files: file({ port: '8080' }) },
      /onestop\.json: port must be a number, not "8080"/,
    ],
    [
      'an enum in the file',
      { files: file({ log: { level: 'loud' } }) },
      /onestop\.json: log\.level must be one of/,
    ],
    [
      'not JSON',
      { files: { '/srv/hall/data/onestop.json': '{ port: 1 ' } },
      /onestop\.json is not valid JSON/,
    ],
    [
      'not an object',
      { files: { '/srv/hall/data/onestop.json': '[1]' } },
      /onestop\.json must hold a JSON object/,
    ],
    [
      '--config missing',
      { argv: ['--config', '/etc/none.json'] },
      /^--config \/etc\/none\.json: cannot read/,
    ],
    ['--config without a path', { argv: ['--config'] }, /^--config needs a path/],
    [
      '--data-dir without a path',
      { argv: ['--data-dir', '--trust-clock'] },
      /^--data-dir needs a path/,
    ],
  ])('refuses %s, naming the key', (_name, input, message) => {
    const r = load(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.join('\n')).toMatch(message);
  });

  it('lists every problem at once, not only the first', () => {
    const r = load({ env: { PORT: 'x', DEMO: 'yes' }, files: file({ colour: 1, host: 3 }) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(4);
  });

  it('a bad file value that the environment replaces is not a problem', () => {
    const r = load({ env: { PORT: '8081' }, files: file({ port: 'x' }) });
    expect(r.ok && r.config.port).toBe(8081);
  });

  it('the ID card key from ONESTOP_ID_CARD_KEY: 32 bytes, else a problem that never repeats it', () => {
    const hex = 'a1'.repeat(32);
    const r = load({ env: { ONESTOP_ID_CARD_KEY: hex } });
    expect(r.ok && r.config.idCardSecret?.toString('hex')).toBe(hex);
    const bad = load({ env: { ONESTOP_ID_CARD_KEY: 'a1'.repeat(20) } });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.join('\n')).toMatch(/^ONESTOP_ID_CARD_KEY must be 32 bytes/);
    expect(bad.problems.join('\n')).not.toContain('a1'.repeat(20));
  });
});

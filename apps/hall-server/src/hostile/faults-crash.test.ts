import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/hall-harness';

// Crash → restart: an unexpected error is logged and the process exits non-zero (70), and the
// systemd unit restarts it; a database refused at start (78) is not restarted in a loop.

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const unitFile = `${repoRoot}deploy/onestop-hall.service`;

/** `[Section]` → key → values (a key may repeat, as Environment= does). */
function parseUnit(text: string): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[(\w+)\]$/.exec(line);
    if (section) {
      current = new Map();
      sections.set(section[1]!, current);
      continue;
    }
    const eq = line.indexOf('=');
    if (!current || eq < 1) throw new Error(`not a unit line: ${line}`);
    const key = line.slice(0, eq);
    current.set(key, [...(current.get(key) ?? []), line.slice(eq + 1)]);
  }
  return sections;
}

describe('the systemd unit', () => {
  const unit = parseUnit(readFileSync(unitFile, 'utf8'));
  const service = unit.get('Service')!;
  const one = (key: string) => service.get(key)?.at(-1);

  it('restarts the hall server after a crash, but not after a refused database', () => {
    expect(one('Restart')).toBe('always');
    expect(Number(one('RestartSec'))).toBeGreaterThan(0);
    expect(one('RestartPreventExitStatus')).toBe('78');
    expect(one('KillSignal')).toBe('SIGTERM');
    expect(unit.get('Install')?.get('WantedBy')).toEqual(['multi-user.target']);
    // The compiled bundle (npm run build), never tsx: nothing is compiled at start.
    expect(one('ExecStart')).toBe(
      '/usr/bin/node --max-semi-space-size=1 apps/hall-server/dist/main.js',
    );
  });

  it("keeps node's compile cache where the service may write it", () => {
    const env = new Map(
      service.get('Environment')!.map((e) => e.split('=', 2) as [string, string]),
    );
    expect(one('CacheDirectory')).toBe('onestop');
    expect(env.get('NODE_COMPILE_CACHE')).toMatch(/^\/var\/cache\/onestop\//);
  });

  it('runs a real hall as its own user, writing only the data directory', () => {
    const env = new Map(
      service.get('Environment')!.map((e) => e.split('=', 2) as [string, string]),
    );
    expect(env.get('DEMO')).toBe('0');
    const dataDir = env.get('DATA_DIR')!;
    expect(dataDir).toMatch(/^\//);
    expect(one('User')).toBe('onestop');
    expect(one('ReadWritePaths')).toBe(dataDir);
    expect(one('ProtectSystem')).toBe('strict');
    expect(one('NoNewPrivileges')).toBe('yes');
    expect(one('ProtectHome')).toBe('yes');
    expect(one('PrivateTmp')).toBe('yes');
    expect(one('CapabilityBoundingSet')).toBe('');
  });

  it('passes systemd-analyze verify where systemd is installed', (ctx) => {
    let analyze: string;
    try {
      analyze = execFileSync('which', ['systemd-analyze'], { encoding: 'utf8' }).trim();
    } catch {
      return ctx.skip();
    }
    // It exits 0 on a key it cannot parse, but says so on stderr.
    const run = spawnSync(analyze, ['verify', unitFile], { encoding: 'utf8' });
    expect(`${run.stdout}${run.stderr}`.trim()).toBe('');
    expect(run.status).toBe(0);
  });
});

/** `npm start`'s entry point with a fault injected once it listens; its exit code and output. */
function crashOnce(fault: string): Promise<{ code: number | null; output: string }> {
  const dataDir = tempDir();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      // Once the server says it listens, the fault happens on a later turn.
      `data:text/javascript,const log = console.log; console.log = (...a) => { log(...a);
        if (String(a[0]).includes('listening on')) setTimeout(() => { ${fault} }, 50); };`,
      'apps/hall-server/src/main.ts',
    ],
    {
      cwd: repoRoot,
      env: { ...process.env, PORT: '0', DATA_DIR: dataDir, HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
      resolve({ code, output });
    });
  });
}

describe('an unexpected error', () => {
  it.each([
    ['an uncaught exception', "throw new Error('injected fault')"],
    ['an unhandled rejection', "Promise.reject(new Error('injected fault'))"],
  ])(
    '%s is logged and the process exits 70 for the supervisor to restart',
    async (_, fault) => {
      const { code, output } = await crashOnce(fault);
      expect(output).toContain('listening on');
      expect(output).toContain('injected fault');
      expect(output).toContain('exiting for the supervisor to restart');
      expect(code).toBe(70);
    },
    40_000,
  );
});

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// deploy/onestop-hall.service: restarted after a crash, not after a refusal; hardened (systemd's
// own exposure score); its logs where journald and LOG_DIR put them. hostile/faults-crash.test.ts
// checks what ExecStart runs.

const unitFile = fileURLToPath(new URL('../../../../deploy/onestop-hall.service', import.meta.url));
const analyze = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
const hasAnalyze = analyze.status === 0;
const NO_ANALYZE =
  'systemd-analyze is not installed here: the unit file is checked only by reading it';

/** `[Service]` → key → every value given, in order. */
function service(): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  let section = '';
  for (const raw of readFileSync(unitFile, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line.startsWith('[')) section = line;
    else if (section === '[Service]' && line && !line.startsWith('#')) {
      const at = line.indexOf('=');
      const key = line.slice(0, at);
      keys.set(key, [...(keys.get(key) ?? []), line.slice(at + 1)]);
    }
  }
  return keys;
}

describe('the systemd unit', () => {
  const s = service();
  const one = (key: string) => s.get(key)?.at(-1);
  const env = new Map(s.get('Environment')!.map((e) => e.split('=', 2) as [string, string]));

  it('restarts after any failure but a refusal that needs a person (78)', () => {
    expect(one('Restart')).toBe('always');
    expect(Number(one('RestartSec'))).toBeGreaterThan(0);
    expect(one('RestartPreventExitStatus')).toBe('78');
  });

  it('writes its log files to /var/log/onestop, a directory systemd makes for it', () => {
    expect(one('LogsDirectory')).toBe('onestop');
    expect(env.get('LOG_DIR')).toBe('/var/log/onestop');
    expect(one('StandardOutput') ?? 'journal').toBe('journal'); // and stdout to the journal
  });

  it('is hardened: systemd rates its exposure 2.0 or lower (of 10)', (ctx) => {
    if (!hasAnalyze) return ctx.skip(NO_ANALYZE);
    const run = spawnSync('systemd-analyze', ['security', '--offline=yes', unitFile], {
      encoding: 'utf8',
    });
    const score = /Overall exposure level for \S+: ([\d.]+)/.exec(run.stdout)?.[1];
    if (score === undefined)
      return ctx.skip(`this systemd-analyze cannot rate a unit file offline`);
    expect(Number(score), run.stdout).toBeLessThanOrEqual(2.0);
  });

  it('passes systemd-analyze verify', (ctx) => {
    if (!hasAnalyze) return ctx.skip(NO_ANALYZE);
    const run = spawnSync('systemd-analyze', ['verify', unitFile], { encoding: 'utf8' });
    // It exits 0 on a key it cannot parse, but says so on stderr.
    expect(`${run.stdout}${run.stderr}`.trim()).toBe('');
    expect(run.status).toBe(0);
  });
});

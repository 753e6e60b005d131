import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `npm run service:install` off Windows: a clear refusal that points at the systemd unit.

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

describe.skipIf(process.platform === 'win32')(
  'npm run service:install elsewhere than Windows',
  () => {
    it.each(['install', 'uninstall'])(
      '%s refuses (exit 1) and names the systemd unit',
      (action) => {
        const run = spawnSync(
          process.execPath,
          ['--import', 'tsx', 'apps/hall-server/src/service/service-main.ts', action],
          { cwd: repoRoot, encoding: 'utf8' },
        );
        expect(run.status).toBe(1);
        expect(run.stderr).toContain(`npm run service:${action} installs a Windows service`);
        expect(run.stderr).toContain('deploy/onestop-hall.service');
        expect(run.stderr).toContain('docs/deploy.md');
      },
      30_000,
    );
  },
);

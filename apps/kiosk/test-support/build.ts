import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { productionBuild } from '@onestop/desktop-shell/web-bundles';
import { build } from 'vite';

// The screen tests need the built app (the hall server serves apps/kiosk/dist). Test files run
// in parallel processes: the first takes a lock and builds when the sources are newer than the
// build; the others wait for it and reuse the result.

export const appDir = fileURLToPath(new URL('..', import.meta.url));
const lockDir = join(appDir, '.build-lock');
const builtIndex = join(appDir, 'dist', 'index.html');

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
}

function upToDate(): boolean {
  try {
    const built = statSync(builtIndex).mtimeMs;
    const sources = ['src', 'index.html', 'vite.config.ts'].map((p) => newest(join(appDir, p)));
    return (
      built >
      Math.max(
        ...sources,
        newest(join(appDir, '../../packages/client/src')),
        newest(join(appDir, '../../packages/shared/src')),
        newest(join(appDir, '../../packages/ui/src')),
        newest(join(appDir, '../../packages/desktop-shell/src/web-bundles.ts')), // its plugin
      )
    );
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function ensureKioskBuilt(): Promise<void> {
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      // Someone else builds; a lock left by a killed run is stale after a minute.
      try {
        if (Date.now() - statSync(lockDir).mtimeMs > 60_000) rmSync(lockDir, { recursive: true });
      } catch {
        // it just went away
      }
      await sleep(200);
    }
  }
  try {
    if (!upToDate())
      await productionBuild(() =>
        build({ root: appDir, configFile: join(appDir, 'vite.config.ts'), logLevel: 'warn' }),
      );
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

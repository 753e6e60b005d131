import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { productionBuild } from '@onestop/desktop-shell/web-bundles';
import { build } from 'vite';

// The screen tests need apps/counter/dist (the hall server serves it). Test files run in
// parallel processes, so the build happens once: under a lock directory, and only when the
// sources changed since the last build (a hash of them is kept beside the output).

const appDir = fileURLToPath(new URL('..', import.meta.url));
const distDir = join(appDir, 'dist');
const stampFile = join(distDir, '.source-hash');
const lockDir = join(appDir, '.build-lock');

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
}

function sourceHash(): string {
  const hash = createHash('sha256');
  const inputs = [
    ...files(join(appDir, 'src')).filter((f) => !/\.test\.tsx?$/.test(f)),
    join(appDir, 'index.html'),
    join(appDir, 'vite.config.ts'),
    ...files(join(appDir, '../../packages/shared/src')),
    ...files(join(appDir, '../../packages/client/src')),
    ...files(join(appDir, '../../packages/ui/src')).filter((f) => !/\.test\.tsx?$/.test(f)),
    join(appDir, '../../packages/desktop-shell/src/web-bundles.ts'), // the build's plugin
  ];
  for (const file of inputs) hash.update(file).update(readFileSync(file));
  return hash.digest('hex');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function buildCounterOnce(): Promise<void> {
  const wanted = sourceHash();
  const built = () => existsSync(stampFile) && readFileSync(stampFile, 'utf8') === wanted;
  for (let waited = 0; !built(); waited += 200) {
    try {
      mkdirSync(lockDir);
    } catch {
      // Another test process is building; a lock older than two minutes is a crashed one.
      if (waited > 120_000) rmSync(lockDir, { recursive: true, force: true });
      await sleep(200);
      continue;
    }
    try {
      if (!built()) {
        await productionBuild(() =>
          build({ root: appDir, configFile: join(appDir, 'vite.config.ts'), logLevel: 'warn' }),
        );
        writeFileSync(stampFile, wanted);
      }
    } finally {
      rmSync(lockDir, { recursive: true, force: true });
    }
  }
}

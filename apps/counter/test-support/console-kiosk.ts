import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

// The console's configuration test also needs the kiosk app built (the hall server serves it
// at /kiosk). The kiosk's own helper does it under its lock; it lives outside this project's
// sources, so it runs in a child process.

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url));

export async function ensureKioskBuiltOnce(): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [
      tsx,
      '-e',
      "import('./apps/kiosk/test-support/build.ts').then((m) => m.ensureKioskBuilt()).catch((e) => { console.error(e); process.exit(1); });",
    ],
    { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 },
  );
}

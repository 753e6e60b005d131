import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './build-targets.mjs';

// How `npm start` runs the hall server (package.json, scripts.start): the benchmarks and the
// idle-modules test run it the same way, so that a flag node refuses, or one that changes its
// memory, is what they measure too.

/** The compiled hall server that `npm start` runs. */
export const DIST_MAIN = 'apps/hall-server/dist/main.js';

/** The node flags `npm start` gives the hall server (e.g. `--max-semi-space-size=1`). */
export function npmStartFlags(): string[] {
  const pkg: unknown = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const scripts =
    typeof pkg === 'object' && pkg !== null && 'scripts' in pkg ? pkg.scripts : undefined;
  const start =
    typeof scripts === 'object' && scripts !== null && 'start' in scripts ? scripts.start : '';
  const run = /&& node ((?:--\S+ )*)apps\/hall-server\/dist\/main\.js/.exec(String(start));
  if (!run) throw new Error(`scripts.start does not run ${DIST_MAIN}: ${String(start)}`);
  return run[1]!.trim().split(/\s+/).filter(Boolean);
}

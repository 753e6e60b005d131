import { readFileSync } from 'node:fs';
import type { HallConfig } from './hall-config';
import { loadHallConfig } from './load-config';

// The one place that reads this process's environment for the hall's settings: `npm start`,
// `npm run backup` and `npm run restore` all take their configuration from here.

/** Exit status for a configuration a person must mend (EX_CONFIG; systemd does not restart). */
export const EXIT_CONFIG = 78;

/** The checked configuration, or the problems printed on stderr and the process ended (78). */
export function hallConfigOrExit(argv: readonly string[]): HallConfig {
  const loaded = loadHallConfig({
    argv,
    env: process.env,
    cwd: process.cwd(),
    readFile: (path) => readFileSync(path, 'utf8'),
  });
  if (loaded.ok) return loaded.config;
  console.error(
    [
      'The hall configuration is refused:',
      ...loaded.problems.map((p) => `  - ${p}`),
      'Every key and its default: docs/deploy.md, "Configuration".',
    ].join('\n'),
  );
  process.exit(EXIT_CONFIG);
}

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

// The center's registry of halls and their keys, and the regional office's token: a JSON file
// (`central.json` in the data directory) that `npm run central -- add-hall <id>` writes and the
// running center re-reads when it changes.

const CentralConfig = z.object({
  halls: z.record(
    z.string().min(1).max(64),
    z.object({ key: z.string().min(32), name: z.string().optional() }),
  ),
  officeToken: z.string().min(16),
});
export type CentralConfig = z.infer<typeof CentralConfig>;

export interface HallDirectory {
  keyOf(hallId: string): string | null;
  officeToken(): string;
}

export function newSecret(): string {
  return randomBytes(32).toString('hex');
}

export function readConfig(file: string): CentralConfig {
  if (!existsSync(file)) {
    const fresh: CentralConfig = { halls: {}, officeToken: newSecret() };
    writeConfig(file, fresh);
    return fresh;
  }
  const parsed = CentralConfig.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`${file} is not a valid center configuration: ${parsed.error.message}`);
  return parsed.data;
}

function writeConfig(file: string, config: CentralConfig): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

/** Registers a hall (or gives it a new key) and returns its key. */
export function addHall(file: string, hallId: string, name?: string): string {
  const config = readConfig(file);
  const key = newSecret();
  config.halls[hallId] = { key, ...(name ? { name } : {}) };
  writeConfig(file, config);
  return key;
}

/** The registry in a file, re-read (at most once a second) when the file changes. */
export function fileDirectory(file: string): HallDirectory {
  let config = readConfig(file);
  let mtime = statSync(file).mtimeMs;
  let checked = Date.now();
  const current = () => {
    if (Date.now() - checked > 1000) {
      checked = Date.now();
      const m = statSync(file).mtimeMs;
      if (m !== mtime) {
        mtime = m;
        config = readConfig(file);
      }
    }
    return config;
  };
  return {
    keyOf: (hallId) =>
      Object.hasOwn(current().halls, hallId) ? current().halls[hallId]!.key : null,
    officeToken: () => current().officeToken,
  };
}

export function staticDirectory(config: CentralConfig): HallDirectory {
  return {
    keyOf: (hallId) => (Object.hasOwn(config.halls, hallId) ? config.halls[hallId]!.key : null),
    officeToken: () => config.officeToken,
  };
}

import { dirname, join, resolve } from 'node:path';
import type { z } from 'zod';
import { ENV_KEYS, type EnvValue } from './env-keys';
import { hallConfigSchema, type HallConfig } from './hall-config';

// Reads the hall's configuration: the file (`--config <path>`, else <data dir>/onestop.json when
// it exists), then the environment over it, then the whole checked by one schema. Every problem
// is returned at once, each naming the variable or the file key, so a person can mend them all
// in one go. Pure apart from `readFile`: tests give it a table of files.

export const CONFIG_FILE_NAME = 'onestop.json';

export interface LoadInput {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** The file's text; throws (with `code: 'ENOENT'` when there is none) if it cannot. */
  readFile: (path: string) => string;
}

export type LoadResult = { ok: true; config: HallConfig } | { ok: false; problems: string[] };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function setKey(target: Json, key: string, value: EnvValue): void {
  const parts = key.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (!isObject(node[part])) node[part] = {};
    node = node[part] as Json;
  }
  node[parts.at(-1)!] = value;
}

/** zod's issues in the words the docs use; the value is appended by `describe`. */
const errorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}`;
    case 'too_small':
      return issue.origin === 'string' ? 'must not be empty' : `must be at least ${issue.minimum}`;
    case 'too_big':
      return `must be at most ${issue.maximum}`;
    case 'invalid_value':
      return `must be one of ${issue.values.join(', ')}`;
    default:
      return undefined;
  }
};

function describe(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  const shown = input !== undefined && !isObject(input) && !Array.isArray(input);
  return shown ? `${issue.message}, not ${JSON.stringify(input)}` : issue.message;
}

function readText(
  input: LoadInput,
  path: string,
): { text: string } | { error: NodeJS.ErrnoException } {
  try {
    return { text: input.readFile(path) };
  } catch (err) {
    return { error: err as NodeJS.ErrnoException };
  }
}

export function loadHallConfig(input: LoadInput): LoadResult {
  const { argv, env, cwd } = input;
  const problems: string[] = [];

  // The environment, each variable read on its own so that its problem names it.
  const overlay: Json = {};
  const setBy = new Map<string, string>(); // configuration key → variable or flag
  for (const spec of ENV_KEYS) {
    const raw = env[spec.name];
    if (raw === undefined) continue;
    const reading = spec.read(raw);
    if (!reading.ok) {
      problems.push(`${spec.name} ${reading.message}`);
      continue;
    }
    const value =
      spec.isPath && typeof reading.value === 'string' && reading.value !== ''
        ? resolve(cwd, reading.value)
        : reading.value;
    setKey(overlay, spec.key, value);
    setBy.set(spec.key, spec.name);
  }
  // Command-line flags win over both (`npm run backup -- --data-dir …`).
  const dataDirFlag = argv.indexOf('--data-dir');
  if (dataDirFlag >= 0) {
    const given = argv[dataDirFlag + 1];
    if (given === undefined || given.startsWith('--')) problems.push('--data-dir needs a path');
    else {
      setKey(overlay, 'dataDir', resolve(cwd, given));
      setBy.set('dataDir', '--data-dir');
    }
  }
  if (argv.includes('--trust-clock')) {
    setKey(overlay, 'trustClock', true);
    setBy.set('trustClock', '--trust-clock');
  }

  // The file: --config must exist; the default one may not.
  let configFile: string | null = null;
  let fileValues: Json = {};
  const at = argv.indexOf('--config');
  const given = at >= 0 ? argv[at + 1] : undefined;
  if (at >= 0 && (given === undefined || given.startsWith('--'))) {
    problems.push('--config needs a path: --config /etc/onestop/hall.json');
  } else {
    const dataDir = typeof overlay.dataDir === 'string' ? overlay.dataDir : resolve(cwd, 'data');
    const path = given ? resolve(cwd, given) : join(dataDir, CONFIG_FILE_NAME);
    const read = readText(input, path);
    if ('text' in read) {
      configFile = path;
      try {
        const parsed: unknown = JSON.parse(read.text);
        if (isObject(parsed)) fileValues = parsed;
        else problems.push(`${path} must hold a JSON object ({ "port": 8080, … })`);
      } catch (err) {
        problems.push(`${path} is not valid JSON: ${(err as Error).message}`);
      }
    } else if (given || read.error.code !== 'ENOENT') {
      problems.push(`${given ? `--config ${path}` : path}: cannot read (${read.error.message})`);
    }
  }

  // The environment wins over the file; the schema checks the result.
  const merged = structuredClone(fileValues);
  for (const [key] of setBy) setKey(merged, key, keyValue(overlay, key));
  const parsed = hallConfigSchema.safeParse(merged, { error: errorMap, reportInput: true });
  const where = (key: string): string => {
    for (let k = key; k; k = k.slice(0, Math.max(0, k.lastIndexOf('.')))) {
      const name = setBy.get(k);
      if (name) return name;
    }
    return `${configFile}: ${key}`;
  };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.join('.');
      if (issue.code === 'unrecognized_keys') {
        const known = knownKeys(key);
        for (const k of issue.keys)
          problems.push(
            `${configFile}: unknown key "${key ? `${key}.` : ''}${k}" (known here: ${known})`,
          );
      } else {
        problems.push(`${where(key)} ${describe(issue)}`);
      }
    }
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };

  const c = parsed.data;
  // A path from the file is read from the file's folder, one from the environment (already
  // absolute) or a default from the working directory.
  const base = configFile ? dirname(configFile) : cwd;
  const pathOf = (key: string, value: string) => resolve(setBy.has(key) ? cwd : base, value);
  const dataDir = 'dataDir' in merged ? pathOf('dataDir', c.dataDir) : resolve(cwd, c.dataDir);

  let hallKey = c.sync.hallKey ?? null;
  if (hallKey === null && c.sync.hallKeyFile) {
    const file = pathOf('sync.hallKeyFile', c.sync.hallKeyFile);
    const read = readText(input, file);
    if ('error' in read)
      problems.push(`${where('sync.hallKeyFile')}: cannot read ${file} (${read.error.message})`);
    else if (read.text.trim() === '')
      problems.push(`${where('sync.hallKeyFile')}: ${file} is empty`);
    else hallKey = read.text.trim();
  }
  if (c.sync.url && hallKey === null && !c.sync.hallKeyFile)
    problems.push(
      `${where('sync.url')} is set but neither SYNC_HALL_KEY nor SYNC_HALL_KEY_FILE ` +
        '(sync.hallKey / sync.hallKeyFile) is: the regional center needs the hall key',
    );
  if (problems.length > 0) return { ok: false, problems };

  return {
    ok: true,
    config: {
      configFile,
      port: c.port,
      host: c.host,
      dataDir,
      demo: c.demo,
      trustClock: c.trustClock,
      allowedOrigins: c.allowedOrigins,
      rateLimits: c.rateLimits,
      log: {
        level: c.log.level,
        dir: c.log.dir ? pathOf('log.dir', c.log.dir) : join(dataDir, 'logs'),
        maxSize: c.log.maxSize,
        keepFiles: c.log.keepFiles,
      },
      sync: {
        url: c.sync.url,
        hallKey,
        at: c.sync.at,
        batchRows: c.sync.batchRows,
        reconcileDays: c.sync.reconcileDays,
      },
      backup: {
        dir: c.backup.dir ? pathOf('backup.dir', c.backup.dir) : join(dataDir, 'backups'),
        keepDays: c.backup.keepDays,
      },
    },
  };
}

function keyValue(source: Json, key: string): EnvValue {
  let node: unknown = source;
  for (const part of key.split('.')) node = (node as Json)[part];
  return node as EnvValue;
}

/** The keys allowed at a place in the file, for the unknown-key message. */
function knownKeys(at: string): string {
  let shape: z.core.$ZodShape = hallConfigSchema.shape;
  for (const part of at ? at.split('.') : []) {
    let inner = shape[part]!._zod.def as {
      innerType?: { _zod: { def: unknown } };
      shape?: z.core.$ZodShape;
    };
    while (inner.innerType) inner = inner.innerType._zod.def as typeof inner;
    shape = inner.shape ?? {};
  }
  return Object.keys(shape).join(', ');
}

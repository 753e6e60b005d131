import { dirname, join, resolve } from 'node:path';
import type { z } from 'zod';
import { ENV_KEYS, type EnvValue } from './env-keys';
import { hallConfigSchema, type HallConfig } from './hall-config';
import { errnoCode, errorText } from '../logging/error-text';
import { ID_CARD_KEY_ENV, parseIdCardSecret } from '../app/id-card-key';

// Reads the hall's configuration: the file (`--config <path>`, else <data dir>/onestop.json when
// it exists), then the environment and flags over it, then the whole checked by one schema.
// Every problem is returned at once, each naming the variable, flag or file key, so a person can
// mend them all in one go. Pure apart from `readFile`: tests give it a table of files.

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
/** Configuration key (`log.dir`) → the variable or flag that set it, and its value. */
type Overrides = Map<string, { by: string; value: EnvValue }>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function loadHallConfig(input: LoadInput): LoadResult {
  const problems: string[] = [];
  const overrides = readOverrides(input, problems);
  const file = readConfigFile(input, overrides, problems);

  const merged = structuredClone(file.values);
  for (const [key, { value }] of overrides) setKey(merged, key, value);
  const parsed = hallConfigSchema.safeParse(merged, { error: errorMap, reportInput: true });
  const where = (key: string): string => {
    for (let k = key; k; k = k.slice(0, Math.max(0, k.lastIndexOf('.')))) {
      const override = overrides.get(k);
      if (override) return override.by;
    }
    return `${file.path}: ${key}`;
  };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.join('.');
      if (issue.code !== 'unrecognized_keys') problems.push(`${where(key)} ${describe(issue)}`);
      else
        for (const k of issue.keys)
          problems.push(
            `${file.path}: unknown key "${key ? `${key}.` : ''}${k}" (known here: ${knownKeys(key)})`,
          );
    }
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };

  // A path from the file is read from the file's folder; one from the environment is already
  // absolute; a default is read from the working directory.
  const c = parsed.data;
  const base = file.path ? dirname(file.path) : input.cwd;
  const pathOf = (key: string, value: string) =>
    resolve(overrides.has(key) ? input.cwd : base, value);
  const dataDir =
    'dataDir' in merged ? pathOf('dataDir', c.dataDir) : resolve(input.cwd, c.dataDir);
  const hallKey = readHallKey(input, c.sync, pathOf, where, problems);
  const notify = readNotify(input, c.notify, pathOf, where, problems);
  // The ID card key (app/id-card-key.ts) only from the environment, never a key of the file.
  const idCardEnv = input.env[ID_CARD_KEY_ENV];
  const idCard = idCardEnv ? parseIdCardSecret(idCardEnv) : null;
  if (idCard && !Buffer.isBuffer(idCard)) problems.push(idCard.problem);
  if (problems.length > 0) return { ok: false, problems };

  return {
    ok: true,
    config: {
      configFile: file.path,
      port: c.port,
      host: c.host,
      dataDir,
      demo: c.demo,
      trustClock: c.trustClock,
      allowedOrigins: c.allowedOrigins,
      hallNames: c.hallNames,
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
      notify,
      idCardSecret: Buffer.isBuffer(idCard) ? idCard : null,
    },
  };
}

/** The environment, each variable read on its own so that its problem names it; flags over it. */
function readOverrides({ argv, env, cwd }: LoadInput, problems: string[]): Overrides {
  const overrides: Overrides = new Map();
  for (const spec of ENV_KEYS) {
    const raw = env[spec.name];
    if (raw === undefined) continue;
    const reading = spec.read(raw);
    if (!reading.ok) problems.push(`${spec.name} ${reading.message}`);
    else {
      const { value } = reading;
      const isPath = spec.isPath && typeof value === 'string' && value !== '';
      overrides.set(spec.key, { by: spec.name, value: isPath ? resolve(cwd, value) : value });
    }
  }
  const dataDir = flagValue(argv, '--data-dir', problems);
  if (dataDir) overrides.set('dataDir', { by: '--data-dir', value: resolve(cwd, dataDir) });
  if (argv.includes('--trust-clock'))
    overrides.set('trustClock', { by: '--trust-clock', value: true });
  return overrides;
}

/** The file: `--config` must exist; the default one, in the data directory, may not. */
function readConfigFile(
  input: LoadInput,
  overrides: Overrides,
  problems: string[],
): { path: string | null; values: Json } {
  const none = { path: null, values: {} };
  const at = input.argv.indexOf('--config');
  const given = flagValue(input.argv, '--config', problems);
  if (at >= 0 && !given) return none;
  const dataDir = overrides.get('dataDir')?.value;
  const path = given
    ? resolve(input.cwd, given)
    : join(typeof dataDir === 'string' ? dataDir : resolve(input.cwd, 'data'), CONFIG_FILE_NAME);
  const read = readText(input, path);
  if ('error' in read) {
    if (given || read.error.code !== 'ENOENT')
      problems.push(`${given ? `--config ${path}` : path}: cannot read (${read.error.message})`);
    return none;
  }
  try {
    const values: unknown = JSON.parse(read.text);
    if (isObject(values)) return { path, values };
    problems.push(`${path} must hold a JSON object ({ "port": 8080, … })`);
  } catch (err) {
    problems.push(`${path} is not valid JSON: ${errorText(err)}`);
  }
  return { path, values: {} };
}

/** The hall key given, or read from its file; a center without one is a problem. */
function readHallKey(
  input: LoadInput,
  sync: { url: string | null; hallKey?: string; hallKeyFile?: string },
  pathOf: (key: string, value: string) => string,
  where: (key: string) => string,
  problems: string[],
): string | null {
  if (sync.hallKey) return sync.hallKey;
  if (sync.hallKeyFile) {
    const file = pathOf('sync.hallKeyFile', sync.hallKeyFile);
    const read = readText(input, file);
    const key = 'text' in read ? read.text.trim() : '';
    if (key) return key;
    problems.push(
      'error' in read
        ? `${where('sync.hallKeyFile')}: cannot read ${file} (${read.error.message})`
        : `${where('sync.hallKeyFile')}: ${file} is empty`,
    );
    return null;
  }
  if (sync.url)
    problems.push(
      `${where('sync.url')} is set but neither SYNC_HALL_KEY nor SYNC_HALL_KEY_FILE ` +
        '(sync.hallKey / sync.hallKeyFile) is: the regional center needs the hall key',
    );
  return null;
}

/** The environment variable holding the webhook's shared secret (never a configuration key). */
export const WEBHOOK_SECRET_ENV = 'ONESTOP_WEBHOOK_SECRET';

/**
 * The notification gateway: a webhook needs a URL and a secret of at least 16 characters (from
 * ONESTOP_WEBHOOK_SECRET or `notify.webhookSecretFile`); http:// is refused to any host but this
 * machine unless `notify.allowInsecureHttp` says so: the texts and phone numbers would cross the
 * network in clear (the signature proves who sent them, it does not hide them).
 */
function readNotify(
  input: LoadInput,
  notify: z.output<typeof hallConfigSchema>['notify'],
  pathOf: (key: string, value: string) => string,
  where: (key: string) => string,
  problems: string[],
): HallConfig['notify'] {
  const { gateway, webhookUrl, timeoutMs, allowInsecureHttp } = notify;
  const chosen = { gateway, webhookUrl, webhookSecret: null, timeoutMs, allowInsecureHttp };
  if (gateway !== 'webhook') return chosen;
  if (!webhookUrl) {
    problems.push(
      `${where('notify.gateway')} is webhook but notify.webhookUrl (NOTIFY_WEBHOOK_URL) is not set`,
    );
    return chosen;
  }
  const url = new URL(webhookUrl);
  const loopback =
    ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) || url.hostname.startsWith('127.');
  if (url.protocol === 'http:' && !loopback && !allowInsecureHttp)
    problems.push(
      `${where('notify.webhookUrl')} is http:// to another machine: use https://, or set notify.allowInsecureHttp (NOTIFY_ALLOW_HTTP=1) on a network you trust`,
    );
  let secret = input.env[WEBHOOK_SECRET_ENV]?.trim() ?? '';
  if (!secret && notify.webhookSecretFile) {
    const file = pathOf('notify.webhookSecretFile', notify.webhookSecretFile);
    const read = readText(input, file);
    if ('error' in read)
      problems.push(
        `${where('notify.webhookSecretFile')}: cannot read ${file} (${read.error.message})`,
      );
    else secret = read.text.trim();
  }
  if (secret.length < 16)
    problems.push(
      secret
        ? `${WEBHOOK_SECRET_ENV} (or notify.webhookSecretFile) must be at least 16 characters`
        : `the webhook gateway needs its shared secret: ${WEBHOOK_SECRET_ENV} or notify.webhookSecretFile`,
    );
  return { ...chosen, webhookSecret: secret.length >= 16 ? secret : null };
}

/** `--name value`; a flag with no value is a problem. */
function flagValue(argv: readonly string[], name: string, problems: string[]): string | undefined {
  const at = argv.indexOf(name);
  if (at < 0) return undefined;
  const value = argv[at + 1];
  if (value !== undefined && !value.startsWith('--')) return value;
  problems.push(
    `${name} needs a path${name === '--config' ? ': --config /etc/onestop/hall.json' : ''}`,
  );
  return undefined;
}

function readText(
  input: LoadInput,
  path: string,
): { text: string } | { error: { code: string | undefined; message: string } } {
  try {
    return { text: input.readFile(path) };
  } catch (err) {
    return { error: { code: errnoCode(err), message: errorText(err) } };
  }
}

function setKey(target: Json, key: string, value: EnvValue): void {
  const parts = key.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    node = isObject(next) ? next : (node[part] = {});
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
  const input: unknown = 'input' in issue ? issue.input : undefined;
  const shown = input !== undefined && !isObject(input) && !Array.isArray(input);
  return shown ? `${issue.message}, not ${JSON.stringify(input)}` : issue.message;
}

/** The objects of the file, by where they sit, for the unknown-key message. */
const objects = new Map<string, { shape: object }>([
  ['', hallConfigSchema],
  ['log', hallConfigSchema.shape.log.unwrap()],
  ['sync', hallConfigSchema.shape.sync.unwrap()],
  ['backup', hallConfigSchema.shape.backup.unwrap()],
  ['notify', hallConfigSchema.shape.notify.unwrap()],
]);

function knownKeys(at: string): string {
  return Object.keys(objects.get(at)?.shape ?? {}).join(', ');
}

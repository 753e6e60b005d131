import { createHmac, randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { dirname, join } from 'node:path';

// The key resident ID numbers are matched under (docs/customer-identification.md, "Privacy").
// It lives OUTSIDE the hall database and its backups: a copy of hall.sqlite holds the digests
// (`customers.id_card_hmac`), and with the key beside them a known person's number (about 1,000
// candidates from region and birth date) would be matched at once and every registered number
// by trying them all. So the key is the environment's `ONESTOP_ID_CARD_KEY` (deployments that
// keep secrets elsewhere) or, failing that, the file `DATA_DIR/id-card.key`: 32 random bytes,
// mode 0600, made at the first registration, never copied by the backup job. It is never logged.

/** The environment variable that holds the key (64 hex digits or base64 of 32 bytes); it wins. */
export const ID_CARD_KEY_ENV = 'ONESTOP_ID_CARD_KEY';
export const ID_CARD_KEY_FILE = 'id-card.key';
const KEY_BYTES = 32;

export type IdCardKeySource = 'env' | 'file' | 'none';

export interface IdCardKey {
  key: Buffer;
  /** 8 hex digits naming the key (an HMAC of a constant under it): stored with each digest. */
  id: string;
}

export interface IdCardKeyring {
  /** Where the key comes from; 'none': no key yet (or an unusable file, told by `problem`). */
  source(): IdCardKeySource;
  /** The key, or null when there is none yet: identification by ID card finds nobody. */
  current(): IdCardKey | null;
  /** The key, made now (the file, 0600) when there is none: for a registration. */
  ensure(): IdCardKey;
  /** Why there is no usable key although one was meant to be there; never the key itself. */
  problem(): string | null;
  /** The file a key is kept in (null: the environment's). */
  readonly file: string | null;
}

export function idCardKeyId(key: Buffer): string {
  return createHmac('sha256', key).update('onestop id card key id').digest('hex').slice(0, 8);
}

function named(key: Buffer): IdCardKey {
  return { key, id: idCardKeyId(key) };
}

/** The environment's key: 64 hex digits or base64 of 32 bytes; anything else is refused. */
export function parseIdCardSecret(raw: string): Buffer | { problem: string } {
  const text = raw.trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(text)) {
    const key = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (key.length === KEY_BYTES) return key;
  }
  return {
    problem: `${ID_CARD_KEY_ENV} must be 32 bytes as 64 hex digits or base64 (e.g. openssl rand -hex 32)`,
  };
}

/** A keyring that has no key and makes none: a store opened without a hall server. */
export const noIdCardKey: IdCardKeyring = {
  source: () => 'none',
  current: () => null,
  ensure() {
    throw new Error('no ID card key is configured for this store');
  },
  problem: () => null,
  file: null,
};

/**
 * The hall's keyring: the environment's secret when given (the file is then neither read nor
 * made), else `dataDir/id-card.key`, read at start and made at the first `ensure()`.
 */
export function openIdCardKeyring(options: {
  dataDir: string;
  /** The value of ONESTOP_ID_CARD_KEY, already checked with `parseIdCardSecret`. */
  secret?: Buffer | null;
  /** Hears that the file is readable by others than its owner. */
  warn?: (message: string) => void;
}): IdCardKeyring {
  if (options.secret) {
    const key = named(options.secret);
    return {
      source: () => 'env',
      current: () => key,
      ensure: () => key,
      problem: () => null,
      file: null,
    };
  }
  const file = join(options.dataDir, ID_CARD_KEY_FILE);
  let key: IdCardKey | null = null;
  let problem: string | null = null;

  function read(): void {
    let stats: Stats;
    try {
      stats = statSync(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // none yet
      problem = `the ID card key file ${file} cannot be read (${(err as Error).message})`;
      return;
    }
    if (!stats.isFile()) {
      problem = `the ID card key file ${file} is not a file`;
      return;
    }
    const bytes = readFileSync(file);
    if (bytes.length !== KEY_BYTES) {
      problem = `the ID card key file ${file} does not hold a key (${bytes.length} bytes, not ${KEY_BYTES})`;
      return;
    }
    if (process.platform !== 'win32' && (stats.mode & 0o077) !== 0)
      options.warn?.(
        `the ID card key file ${file} is readable by others than its owner: chmod 600 ${file}`,
      );
    key = named(bytes);
  }
  read();

  function make(): IdCardKey {
    const bytes = randomBytes(KEY_BYTES);
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o600); // never over a file someone else just made
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      read();
      if (key) return key;
      throw new Error(problem ?? `the ID card key file ${file} cannot be used`, { cause: err });
    }
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      const dir = openSync(dirname(file), 'r');
      try {
        fsyncSync(dir); // the file's name survives a power cut too
      } finally {
        closeSync(dir);
      }
    } catch {
      // some file systems (Windows) cannot sync a directory
    }
    return (key = named(bytes));
  }

  return {
    source: () => (key ? 'file' : 'none'),
    current: () => key,
    ensure() {
      if (key) return key;
      // A file that is there but unusable is a person's to mend: never replaced.
      if (problem) throw new Error(problem);
      return make();
    },
    problem: () => problem,
    file,
  };
}

import { SYNC_MAX_BATCH_ROWS } from '@onestop/shared';
import { z } from 'zod';
import { normaliseOrigin } from '../transport/origins';

// The hall server's settings: one schema for the configuration file (docs/deploy.md,
// "Configuration") and, through config/env-keys.ts, for the environment variables that override
// it. Unknown keys are refused: a misspelt key must not silently fall back to a default.

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) => z.int().min(min).max(max);
const path = z.string().min(1);

const origin = z.string().refine((o) => normaliseOrigin(o) !== null, {
  message: 'must be http(s) origins such as https://hall.example:8080',
});

const hallName = z
  .string()
  .regex(/^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i, {
    message: 'must be host names such as hall.example or onestop-hall (no port, no scheme)',
  });

export const hallConfigSchema = z.strictObject({
  port: wholeNumber(0, 65535).default(8080),
  host: z.string().min(1).default('0.0.0.0'),
  dataDir: path.default('./data'),
  /** The embedded demo hall (well-known PINs): never in a real hall. */
  demo: z.boolean().default(true),
  /** A person says the wall clock is right after a jump (docs/security.md, "Faults"). */
  trustClock: z.boolean().default(false),
  /** Web origins besides the hall's own allowed to call it. */
  allowedOrigins: z.array(origin).default([]),
  /** Names the hall is reached by besides IP addresses, localhost and the machine's name. */
  hallNames: z.array(hallName).default([]),
  /** false: no rate limits, for load scripts that drive a whole hall through few devices. */
  rateLimits: z.boolean().default(true),
  log: z
    .strictObject({
      level: z.enum(LOG_LEVELS).default('info'),
      /** Default: <dataDir>/logs. */
      dir: path.optional(),
      maxSize: z
        .string()
        .regex(/^[1-9]\d*[kmg]$/, { message: 'must be a size like 10m (k, m or g)' })
        .default('10m'),
      keepFiles: wholeNumber(1).default(14),
    })
    .prefault({}),
  sync: z
    .strictObject({
      /** The regional center; null: backups only. */
      url: z
        .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
        .nullable()
        .default(null),
      hallKey: z.string().min(1).optional(),
      hallKeyFile: path.optional(),
      at: z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time HH:MM, e.g. 02:30' })
        .default('02:30'),
      batchRows: wholeNumber(1, SYNC_MAX_BATCH_ROWS).default(5000),
      reconcileDays: wholeNumber(1).default(7),
    })
    .prefault({}),
  /**
   * How customer notifications leave the hall (docs/notifications.md): `log` (the default) or a
   * signed `webhook`. Its secret is never a key here: ONESTOP_WEBHOOK_SECRET or a file.
   */
  notify: z
    .strictObject({
      gateway: z.enum(['log', 'webhook']).default('log'),
      webhookUrl: z
        .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
        .nullable()
        .default(null),
      /** A file holding the shared secret (ONESTOP_WEBHOOK_SECRET wins). */
      webhookSecretFile: path.optional(),
      timeoutMs: wholeNumber(500, 60_000).default(10_000),
      /** Allows http:// to a host other than this machine (texts and numbers in clear). */
      allowInsecureHttp: z.boolean().default(false),
    })
    .prefault({}),
  backup: z
    .strictObject({
      /** Default: <dataDir>/backups. */
      dir: path.optional(),
      keepDays: wholeNumber(1).default(14),
    })
    .prefault({}),
});

export type HallConfigFile = z.input<typeof hallConfigSchema>;

/** The settings the server runs with: paths absolute, defaults filled in, the sync key read. */
export interface HallConfig {
  /** The file read, or null when there was none. */
  configFile: string | null;
  port: number;
  host: string;
  dataDir: string;
  demo: boolean;
  trustClock: boolean;
  allowedOrigins: string[];
  hallNames: string[];
  rateLimits: boolean;
  log: { level: (typeof LOG_LEVELS)[number]; dir: string; maxSize: string; keepFiles: number };
  sync: {
    url: string | null;
    hallKey: string | null;
    at: string;
    batchRows: number;
    reconcileDays: number;
  };
  backup: { dir: string; keepDays: number };
  notify: {
    gateway: 'log' | 'webhook';
    webhookUrl: string | null;
    /** Read from ONESTOP_WEBHOOK_SECRET or the file; never logged, stored or synced. */
    webhookSecret: string | null;
    timeoutMs: number;
    allowInsecureHttp: boolean;
  };
  /**
   * The key resident ID numbers are matched under, from ONESTOP_ID_CARD_KEY; null: the file
   * `<dataDir>/id-card.key` (app/id-card-key.ts). Never logged, stored or synced.
   */
  idCardSecret: Buffer | null;
}

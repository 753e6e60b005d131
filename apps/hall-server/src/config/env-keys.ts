// Every environment variable the hall server reads, the configuration key it sets and how its
// text is read. The value is then checked by the same schema as the file (config/hall-config.ts).
// An empty value is a value: DEMO= is refused rather than taken for the default demo hall.

export type EnvValue = string | number | boolean | string[] | null;
export type EnvReading = { ok: true; value: EnvValue } | { ok: false; message: string };

const kinds = {
  text: (raw: string): EnvReading => ({ ok: true, value: raw }),
  /** Empty: none (SYNC_URL= means no regional center). */
  textOrNone: (raw: string): EnvReading => ({ ok: true, value: raw.trim() === '' ? null : raw }),
  whole: (raw: string): EnvReading =>
    /^\d+$/.test(raw)
      ? { ok: true, value: Number(raw) }
      : { ok: false, message: `must be a whole number, not ${JSON.stringify(raw)}` },
  zeroOrOne: (raw: string): EnvReading =>
    raw === '0' || raw === '1'
      ? { ok: true, value: raw === '1' }
      : { ok: false, message: `must be 0 or 1, not ${JSON.stringify(raw)}` },
  onOrOff: (raw: string): EnvReading =>
    raw === 'on' || raw === 'off'
      ? { ok: true, value: raw === 'on' }
      : { ok: false, message: `must be on or off, not ${JSON.stringify(raw)}` },
  /** `a,b` → ['a', 'b']; empty: none. */
  list: (raw: string): EnvReading => ({
    ok: true,
    value: raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  }),
} satisfies Record<string, (raw: string) => EnvReading>;

export interface EnvKey {
  name: string;
  /** The configuration key it sets, e.g. `log.dir`. */
  key: string;
  read: (raw: string) => EnvReading;
  /** A path: relative to the working directory. */
  isPath?: boolean;
}

export const ENV_KEYS: readonly EnvKey[] = [
  { name: 'PORT', key: 'port', read: kinds.whole },
  { name: 'HOST', key: 'host', read: kinds.text },
  { name: 'DATA_DIR', key: 'dataDir', read: kinds.text, isPath: true },
  { name: 'DEMO', key: 'demo', read: kinds.zeroOrOne },
  { name: 'TRUST_CLOCK', key: 'trustClock', read: kinds.zeroOrOne },
  { name: 'ALLOWED_ORIGINS', key: 'allowedOrigins', read: kinds.list },
  { name: 'HALL_NAMES', key: 'hallNames', read: kinds.list },
  { name: 'RATE_LIMITS', key: 'rateLimits', read: kinds.onOrOff },
  { name: 'LOG_LEVEL', key: 'log.level', read: kinds.text },
  { name: 'LOG_DIR', key: 'log.dir', read: kinds.text, isPath: true },
  { name: 'LOG_MAX_SIZE', key: 'log.maxSize', read: kinds.text },
  { name: 'LOG_KEEP_FILES', key: 'log.keepFiles', read: kinds.whole },
  { name: 'SYNC_URL', key: 'sync.url', read: kinds.textOrNone },
  { name: 'SYNC_HALL_KEY', key: 'sync.hallKey', read: kinds.text },
  { name: 'SYNC_HALL_KEY_FILE', key: 'sync.hallKeyFile', read: kinds.text, isPath: true },
  { name: 'SYNC_AT', key: 'sync.at', read: kinds.text },
  { name: 'SYNC_BATCH_ROWS', key: 'sync.batchRows', read: kinds.whole },
  { name: 'SYNC_RECONCILE_DAYS', key: 'sync.reconcileDays', read: kinds.whole },
  { name: 'NOTIFY_GATEWAY', key: 'notify.gateway', read: kinds.text },
  { name: 'NOTIFY_WEBHOOK_URL', key: 'notify.webhookUrl', read: kinds.textOrNone },
  {
    name: 'NOTIFY_WEBHOOK_SECRET_FILE',
    key: 'notify.webhookSecretFile',
    read: kinds.text,
    isPath: true,
  },
  { name: 'NOTIFY_TIMEOUT_MS', key: 'notify.timeoutMs', read: kinds.whole },
  { name: 'NOTIFY_ALLOW_HTTP', key: 'notify.allowInsecureHttp', read: kinds.zeroOrOne },
  { name: 'BACKUP_DIR', key: 'backup.dir', read: kinds.text, isPath: true },
  { name: 'BACKUP_KEEP_DAYS', key: 'backup.keepDays', read: kinds.whole },
];

import type { CommandName } from '../commands';

// Every HTTP path the hall server and the regional center serve, written once: the servers
// register these and the clients (kiosk pages, the counter's downloads, the hall's sync) call
// them. No runtime import: a page imports this alone (`@onestop/shared/paths`) without the
// contract's schemas.

export const API_PREFIX = '/api/v1';

/** The hall server's own routes besides one per command (`httpRoute`). */
export const hallPaths = {
  /** The hall's database, disk and clock as they are (`HealthAnswer`); 503 when it cannot write. */
  health: `${API_PREFIX}/health`,
  openapi: `${API_PREFIX}/openapi.json`,
  /** The report as a file: xlsx, csv or the printable html bulletin. */
  reportExport: `${API_PREFIX}/report/export`,
} as const;

/** A command's path: `ticket:call-next` → `/api/v1/ticket/call-next` (see `httpRoute`). */
export function commandPath(name: CommandName): string {
  const [noun = '', verb = ''] = name.split(':');
  return `${API_PREFIX}/${noun}/${verb}`;
}

/** A query's URL with its input as the query string, e.g. the phone page's ticket status. */
export function queryUrl(name: CommandName, input: Record<string, string>): string {
  return `${commandPath(name)}?${new URLSearchParams(input).toString()}`;
}

/** The regional center's routes for the regional office and probes. */
export const centerPaths = {
  health: '/v1/health',
  /** `?from=YYYY-MM-DD&to=YYYY-MM-DD[&hall=…]`, with the office token. */
  summary: '/v1/summary',
} as const;

/** A hall's signed sync requests to the center: what the path's last segment says. */
export const syncActions = {
  state: { segment: 'sync-state', method: 'GET' },
  batches: { segment: 'batches', method: 'POST' },
  reconcile: { segment: 'reconcile', method: 'POST' },
} as const;
export type SyncAction = keyof typeof syncActions;
const syncActionNames: readonly SyncAction[] = ['state', 'batches', 'reconcile'];

const hallPath = (hallId: string, action: SyncAction) =>
  `/v1/halls/${encodeURIComponent(hallId)}/${syncActions[action].segment}`;

export const syncRoutes = {
  state: (hallId: string) => hallPath(hallId, 'state'),
  batches: (hallId: string) => hallPath(hallId, 'batches'),
  reconcile: (hallId: string) => hallPath(hallId, 'reconcile'),
} as const;

const SYNC_PATH = /^\/v1\/halls\/([^/]+)\/([a-z-]+)$/;

/** The center's reading of a sync path: which hall and action, or null for any other path. */
export function parseSyncPath(pathname: string): { hallId: string; action: SyncAction } | null {
  const m = SYNC_PATH.exec(pathname);
  if (!m) return null;
  const action = syncActionNames.find((a) => syncActions[a].segment === m[2]);
  if (!action) return null;
  try {
    return { hallId: decodeURIComponent(m[1] ?? ''), action };
  } catch {
    return null;
  }
}

import { errorCodes, hallPaths, type ErrorCode } from '@onestop/shared';

// Report files from the hall server (`/api/v1/report/export`), read chunk by chunk so the
// screen can show how far a long export has come, and cancelled with an AbortSignal.

export interface ExportProgress {
  received: number;
  /** From content-length; null when the server streams without one. */
  total: number | null;
}

export interface ExportFile {
  blob: Blob;
  filename: string;
}

/** The server refused the export (`code`) or it could not be reached (`offline`). */
export class ExportError extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
  }
}

export interface ExportCredentials {
  deviceToken: string | null;
  sessionToken: string | null;
}

export function exportUrl(
  params: {
    from: string;
    to: string;
    format: 'xlsx' | 'csv' | 'html';
    table?: string;
    /** The staffing's service level, as on screen (a server that does not read it uses 80 %). */
    serviceLevel?: number;
    /** The file's language: the screen's (headers, service names, weekdays). */
    lang?: 'zh' | 'en';
  },
  base = '',
): string {
  const query = new URLSearchParams({ from: params.from, to: params.to, format: params.format });
  if (params.table) query.set('table', params.table);
  if (params.serviceLevel !== undefined) query.set('serviceLevel', String(params.serviceLevel));
  if (params.lang) query.set('lang', params.lang);
  return `${base}${hallPaths.reportExport}?${query.toString()}`;
}

function filenameOf(disposition: string | null, fallback: string): string {
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? fallback;
}

async function refusal(res: Response): Promise<ErrorCode> {
  try {
    const body: unknown = await res.json();
    const code = typeof body === 'object' && body !== null && 'code' in body ? body.code : null;
    return errorCodes.find((known) => known === code) ?? 'internal_error';
  } catch {
    return 'internal_error';
  }
}

export async function fetchExport(
  url: string,
  credentials: ExportCredentials,
  options: { signal?: AbortSignal; onProgress?: (p: ExportProgress) => void; fetch?: typeof fetch },
): Promise<ExportFile> {
  const headers: Record<string, string> = {};
  if (credentials.deviceToken) headers.authorization = `Bearer ${credentials.deviceToken}`;
  if (credentials.sessionToken) headers['x-staff-session'] = credentials.sessionToken;
  let res: Response;
  try {
    res = await (options.fetch ?? fetch)(url, { headers, signal: options.signal });
  } catch (err) {
    if (options.signal?.aborted) throw err;
    throw new ExportError('offline');
  }
  if (!res.ok) throw new ExportError(await refusal(res));
  const length = Number(res.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  options.onProgress?.({ received, total });
  const reader = res.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    options.onProgress?.({ received, total });
  }
  const type = res.headers.get('content-type') ?? 'application/octet-stream';
  return {
    blob: new Blob(chunks, { type }),
    filename: filenameOf(res.headers.get('content-disposition'), 'onestop-report'),
  };
}

/** Hands a file to the browser's downloads. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `1.2 MB`, `340 KB`, `12 B`. */
export function formatBytes(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1)} MB`;
  if (n >= 1_000) return `${Math.round(n / 1_000)} KB`;
  return `${n} B`;
}

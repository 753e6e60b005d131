import { describe, expect, it } from 'vitest';
import { ExportError, exportUrl, fetchExport, formatBytes, type ExportProgress } from './download';

// A real Response over a ReadableStream that hands out chunks one by one.

function streamed(chunks: string[], headers: Record<string, string>, status = 200): Response {
  const bytes = chunks.map((c) => new TextEncoder().encode(c));
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < bytes.length) controller.enqueue(bytes[i++]!);
      else controller.close();
    },
  });
  return new Response(body, { status, headers });
}

const credentials = { deviceToken: 'demo-console', sessionToken: 'sess' };

describe('report exports', () => {
  it('builds the export address', () => {
    expect(
      exportUrl({ from: '2026-11-01', to: '2026-11-30', format: 'csv', table: 'clerks' }),
    ).toBe('/api/v1/report/export?from=2026-11-01&to=2026-11-30&format=csv&table=clerks');
    expect(exportUrl({ from: '2026-11-01', to: '2026-11-30', format: 'xlsx', lang: 'en' })).toBe(
      '/api/v1/report/export?from=2026-11-01&to=2026-11-30&format=xlsx&lang=en',
    );
  });

  it('counts bytes against content-length and sends the device and staff credentials', async () => {
    let asked: RequestInit | undefined;
    const seen: ExportProgress[] = [];
    const file = await fetchExport('/x', credentials, {
      fetch: async (_url, init) => {
        asked = init;
        return streamed(['abcd', 'efgh', 'ij'], {
          'content-length': '10',
          'content-type': 'text/csv',
          'content-disposition': 'attachment; filename="onestop-report-a-b-clerks.csv"',
        });
      },
      onProgress: (p) => seen.push(p),
    });
    expect(asked?.headers).toEqual({
      authorization: 'Bearer demo-console',
      'x-staff-session': 'sess',
    });
    expect(seen).toEqual([
      { received: 0, total: 10 },
      { received: 4, total: 10 },
      { received: 8, total: 10 },
      { received: 10, total: 10 },
    ]);
    expect(file.filename).toBe('onestop-report-a-b-clerks.csv');
    expect(await file.blob.text()).toBe('abcdefghij');
  });

  it('reports an unknown length as null (the screen then shows elapsed time)', async () => {
    const seen: ExportProgress[] = [];
    await fetchExport('/x', credentials, {
      fetch: async () => streamed(['ab'], {}),
      onProgress: (p) => seen.push(p),
    });
    expect(seen.at(-1)).toEqual({ received: 2, total: null });
  });

  it('turns a refusal into its error code and an unreachable server into offline', async () => {
    await expect(
      fetchExport('/x', credentials, {
        fetch: async () =>
          new Response(JSON.stringify({ ok: false, code: 'forbidden' }), { status: 403 }),
      }),
    ).rejects.toEqual(new ExportError('forbidden'));
    await expect(
      fetchExport('/x', credentials, {
        fetch: async () => {
          throw new TypeError('fetch failed');
        },
      }),
    ).rejects.toMatchObject({ code: 'offline' });
  });

  it('stops when cancelled', async () => {
    const abort = new AbortController();
    abort.abort();
    await expect(
      fetchExport('/x', credentials, {
        signal: abort.signal,
        fetch: async (_url, init) => {
          init?.signal?.throwIfAborted();
          return streamed(['a'], {});
        },
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('writes sizes short', () => {
    expect([formatBytes(12), formatBytes(34_567), formatBytes(1_234_567)]).toEqual([
      '12 B',
      '35 KB',
      '1.2 MB',
    ]);
  });
});

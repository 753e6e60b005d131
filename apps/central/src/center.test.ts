import { SYNC_HEADERS, syncRoutes } from '@onestop/shared';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '@onestop/hall-server';
import { verifySignature, type SignedRequest } from './auth';
import { staticDirectory } from './config';
import type { CentralDb } from './db';
import { isRealDay, partitionName } from './days';
import { copyField } from './ingest';
import { compareDigests } from './reconcile';
import { startCentral } from './server';
import { backends, openTestDb } from './test-support/center-harness';

// The center's parts: signature checks, day partitions and COPY text, digest comparison, and
// HTTPS. The store on each database is center-store.test.ts.

describe('signed requests', () => {
  const key = 'k'.repeat(64);
  const now = 1_790_000_000_000;
  const body = Buffer.from('{"rows":[]}');
  const signed = (over: Partial<{ path: string; body: Buffer; timestamp: number }> = {}) => {
    const nonce = 'ab'.repeat(16);
    const timestamp = over.timestamp ?? now;
    const signature = signRequest(key, {
      method: 'POST',
      path: '/v1/halls/h1/batches',
      body: (over.body ?? body).toString(),
      timestamp,
      nonce,
    });
    return {
      method: 'POST',
      path: over.path ?? '/v1/halls/h1/batches',
      body,
      headers: {
        [SYNC_HEADERS.hall]: 'h1',
        [SYNC_HEADERS.timestamp]: String(timestamp),
        [SYNC_HEADERS.nonce]: nonce,
        [SYNC_HEADERS.signature]: signature,
      },
    } satisfies SignedRequest;
  };
  const keys = (id: string) => (id === 'h1' ? key : null);

  it.each([
    ['a request signed with the hall key', signed(), 'h1', 'ok'],
    [
      'a body changed after signing',
      signed({ body: Buffer.from('{"rows":[1]}') }),
      'h1',
      'bad_signature',
    ],
    ['another path', signed({ path: '/v1/halls/h1/reconcile' }), 'h1', 'bad_signature'],
    ['another hall in the path', signed(), 'h2', 'bad_signature'],
    ['a timestamp six minutes old', signed({ timestamp: now - 6 * 60_000 }), 'h1', 'stale_request'],
    ['a timestamp four minutes ahead', signed({ timestamp: now + 4 * 60_000 }), 'h1', 'ok'],
    ['no signature at all', { ...signed(), headers: {} }, 'h1', 'bad_signature'],
  ])('%s → %s', (_name, req, hallId, expected) => {
    const verdict = verifySignature(req, hallId, keys, now);
    expect(verdict.ok ? 'ok' : verdict.code).toBe(expected);
  });

  it('refuses a hall it does not know', () => {
    const verdict = verifySignature(signed(), 'h1', () => null, now);
    expect(verdict).toMatchObject({ ok: false, code: 'unknown_hall' });
  });
});

describe('days and COPY text', () => {
  it.each([
    ['2026-11-24', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['26-11-24', false],
  ])('%s is a day: %s', (day, real) => {
    expect(isRealDay(day)).toBe(real);
  });

  it('names a partition per day and refuses anything else', () => {
    expect(partitionName('2026-11-24')).toBe('hall_records_d20261124');
    expect(() => partitionName("2026-11-24'; DROP TABLE x; --")).toThrow();
  });

  it.each([
    ['plain', 'plain'],
    ['tab\there', 'tab\\there'],
    ['line\nbreak\r', 'line\\nbreak\\r'],
    ['back\\slash', 'back\\\\slash'],
    ['{"p":"{\\"a\\":1}"}\tand\\', '{"p":"{\\\\"a\\\\":1}"}\\tand\\\\'],
  ])('escapes %j for COPY', (value, escaped) => {
    expect(copyField(value)).toBe(escaped);
  });
});

describe('comparing digests', () => {
  const d = (count: number, checksum: string) => ({ count, checksum });
  it('answers every table either side has, per day', () => {
    const center = new Map([
      [
        '2026-11-24',
        new Map([
          ['tickets', d(2, '5')],
          ['extra', d(1, '9')],
        ]),
      ],
    ]);
    const results = compareDigests(
      {
        days: [
          { day: '2026-11-24', tables: { tickets: d(2, '5'), audit_log: d(3, '7') } },
          { day: '2026-11-25', tables: { tickets: d(0, '0') } },
        ],
      },
      center,
    );
    expect(results.map((r) => [r.day, r.table, r.match])).toEqual([
      ['2026-11-24', 'audit_log', false],
      ['2026-11-24', 'extra', false],
      ['2026-11-24', 'tickets', true],
      ['2026-11-25', 'tickets', true],
    ]);
  });
});

describe('HTTPS', () => {
  let db: CentralDb;
  beforeAll(async () => {
    db = await openTestDb(backends[0]!); // PGlite: the transport is what is tested here
  });
  afterAll(async () => {
    await db?.close();
  });

  it('serves signed hall requests over TLS with its own certificate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onestop-center-tls-'));
    let center: Awaited<ReturnType<typeof startCentral>> | null = null;
    try {
      const [certFile, keyFile] = [join(dir, 'cert.pem'), join(dir, 'key.pem')];
      execFileSync(
        'openssl',
        [
          ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'],
          ...['-nodes', '-days', '1', '-subj', '/CN=localhost'],
          ...['-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'],
          ...['-keyout', keyFile, '-out', certFile],
        ],
        { stdio: 'ignore' },
      );
      const cert = readFileSync(certFile);
      const key = 'k'.repeat(64);
      center = await startCentral({
        db,
        halls: staticDirectory({ halls: { 'h-tls': { key } }, officeToken: 'o'.repeat(32) }),
        host: '127.0.0.1',
        tls: { cert, key: readFileSync(keyFile) },
      });
      expect(center.url).toMatch(/^https:/);
      const path = syncRoutes.state('h-tls');
      const timestamp = Date.now();
      const nonce = randomBytes(16).toString('hex');
      const signature = signRequest(key, { method: 'GET', path, body: '', timestamp, nonce });
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpsRequest(
          `${center!.url}${path}`,
          {
            ca: cert, // the hall trusts it as NODE_EXTRA_CA_CERTS would make it
            headers: {
              [SYNC_HEADERS.hall]: 'h-tls',
              [SYNC_HEADERS.timestamp]: String(timestamp),
              [SYNC_HEADERS.nonce]: nonce,
              [SYNC_HEADERS.signature]: signature,
            },
          },
          (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          },
        );
        req.on('error', reject);
        req.end();
      });
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toMatchObject({
        ok: true,
        data: { hallId: 'h-tls', cursors: {} },
      });
      // Plain HTTP on the same port gets no answer from the center.
      await expect(fetch(center.url.replace('https:', 'http:') + path)).rejects.toThrow();
    } finally {
      await center?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { httpStatusOf, isCommandName, errorCodes } from '@onestop/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHall, type TestHall } from '../test-support/hall-harness';
import { openApiDocument } from './openapi';

// The OpenAPI document against the server it describes: every route it lists is served, and
// every refusal status it lists is the contract's status for each code it names.

const doc = openApiDocument('test');
const paths = Object.entries(doc.paths as Record<string, Record<string, { responses: object }>>);

let t: TestHall;
beforeAll(async () => {
  t = await startTestHall();
});
afterAll(() => t.close());

interface Response {
  content?: {
    'application/json'?: { schema?: { allOf?: { properties?: { code?: { enum?: string[] } } }[] } };
  };
}

const codesIn = (response: Response): string[] =>
  response.content?.['application/json']?.schema?.allOf?.[1]?.properties?.code?.enum ?? [];

describe('the OpenAPI document', () => {
  it('lists only routes the server has', async () => {
    for (const [path, operations] of paths) {
      for (const method of Object.keys(operations)) {
        const res = await fetch(`${t.server.url}${path}`, { method: method.toUpperCase() });
        const json = res.headers.get('content-type')?.includes('json');
        const body: unknown = json ? await res.json() : await res.arrayBuffer();
        const code = body && typeof body === 'object' && 'code' in body ? body.code : null;
        expect(code, `${method} ${path}`).not.toBe('unknown_command');
      }
    }
  });

  it('gives each refusal status the codes that have it in the contract, each once per route', () => {
    let checked = 0;
    for (const [path, operations] of paths) {
      for (const [method, operation] of Object.entries(operations)) {
        const seen = new Set<string>();
        for (const [status, response] of Object.entries(operation.responses)) {
          if (status === '200') continue;
          const codes = codesIn(response as Response);
          if (path.endsWith('/health')) continue;
          expect(codes.length, `${method} ${path} ${status}`).toBeGreaterThan(0);
          for (const code of codes) {
            const known = errorCodes.find((c) => c === code);
            expect(known, code).toBeDefined();
            if (known) expect(String(httpStatusOf(known)), `${path} ${code}`).toBe(status);
            expect(seen.has(code)).toBe(false);
            seen.add(code);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('has a path for every command', () => {
    const named = paths.flatMap(([, ops]) =>
      Object.values(ops).map((o) => (o as { description?: string }).description ?? ''),
    );
    const events = named.flatMap((d) => /Socket event `([^`]+)`/.exec(d)?.[1] ?? []);
    expect(events.every((e) => isCommandName(e))).toBe(true);
  });
});

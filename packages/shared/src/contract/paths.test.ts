import { describe, expect, it } from 'vitest';
import { commandNames } from '../commands';
import { errorCodes } from '../errors';
import { SyncErrorCode } from '../sync-protocol';
import { httpRoute } from '../commands';
import { parseSyncPath, queryUrl, syncRoutes } from './paths';
import { httpStatus, httpStatusOf } from './http-status';

describe('HTTP paths', () => {
  it('gives every command its own path under /api/v1', () => {
    const paths = commandNames.map((n) => httpRoute(n).path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(httpRoute('ticket:call-next')).toEqual({
      method: 'POST',
      path: '/api/v1/ticket/call-next',
    });
    expect(queryUrl('ticket:status', { ticketId: 't 1', token: 'a&b' })).toBe(
      '/api/v1/ticket/status?ticketId=t+1&token=a%26b',
    );
  });

  it.each([
    [syncRoutes.state('hall/1'), { hallId: 'hall/1', action: 'state' }],
    [syncRoutes.batches('h-1'), { hallId: 'h-1', action: 'batches' }],
    [syncRoutes.reconcile('h-1'), { hallId: 'h-1', action: 'reconcile' }],
    ['/v1/halls/h-1/other', null],
    ['/v1/halls/%E0%A4%A/batches', null],
    ['/v1/halls//batches', null],
  ])('the center reads %s as the hall built it', (path, parsed) => {
    expect(parseSyncPath(path)).toEqual(parsed);
  });
});

describe('HTTP status per error code', () => {
  it('has a status for every hall and center code', () => {
    for (const code of [...errorCodes, ...SyncErrorCode.options]) {
      expect(httpStatusOf(code), code).toBeGreaterThanOrEqual(400);
    }
    expect(Object.keys(httpStatus).length).toBe(
      new Set([...errorCodes, ...SyncErrorCode.options]).size,
    );
  });
});

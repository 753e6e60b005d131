import type { TicketStatus } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { createStatusStore } from './status-store';

const status: TicketStatus = {
  number: 'A023',
  serviceId: 'svc-billing',
  serviceNameZh: '电费缴纳',
  serviceNameEn: 'Bill payment',
  state: 'waiting',
  peopleAhead: 2,
  estimatedWaitSec: 300,
  estimatedWaitLowSec: 180,
  estimatedWaitHighSec: 480,
  noCounterOpen: false,
  hallOpensAt: null,
  counter: null,
  issuedAt: 0,
  calledAt: null,
  hallNameZh: '示范供电营业厅',
  hallNameEn: 'Demo hall',
  businessDay: '2026-11-24',
  cases: [],
};

const answer = (code: number, body: unknown) => async () =>
  new Response(JSON.stringify(body), { status: code });
const unreachable = async (): Promise<Response> => {
  throw new TypeError('Failed to fetch');
};

describe('the phone page’s view of its ticket', () => {
  it('says the link is incomplete without a ticket or token, and asks nothing', async () => {
    let asked = 0;
    const store = createStatusStore('', 'tok', async () => {
      asked++;
      return new Response('{}');
    });
    await store.getState().refresh();
    expect(store.getState().view.kind).toBe('invalid-link');
    expect(asked).toBe(0);
  });

  it.each([
    ['the ticket', answer(200, { ok: true, data: status }), 'ready'],
    ['a wrong token', answer(404, { ok: false, code: 'not_found' }), 'not-found'],
    ['a malformed token', answer(400, { ok: false, code: 'invalid_payload' }), 'not-found'],
    ['a server error', answer(500, { ok: false, code: 'internal' }), 'error'],
    ['no network', unreachable, 'error'],
  ] as const)('the hall answering %s shows %s', async (_, get, kind) => {
    const store = createStatusStore('t1', 'token-123', get);
    await store.getState().refresh();
    expect(store.getState().view.kind).toBe(kind);
  });

  it('keeps the last known state, marked stale, while the hall cannot be reached', async () => {
    let reachable = true;
    const store = createStatusStore('t1', 'token-123', () =>
      reachable ? answer(200, { ok: true, data: status })() : unreachable(),
    );
    await store.getState().refresh();
    reachable = false;
    await store.getState().refresh();
    const view = store.getState().view;
    expect(view.kind === 'ready' && view.stale && view.status.number).toBe('A023');
    reachable = true;
    await store.getState().refresh();
    const back = store.getState().view;
    expect(back.kind === 'ready' && back.stale).toBe(false);
  });
});

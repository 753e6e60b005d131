import type { Alert } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { arrivalsFor } from './VipArrivals';

// Which arrivals a clerk's desk shows: a VIP's (their manager's) and a case customer's (the
// case owner's), addressed to them, not yet acknowledged or dismissed here, newest first.

const alert = (over: Partial<Alert>): Alert => ({
  id: 'alt-1',
  kind: 'vip_arrived',
  subjectId: null,
  ticketId: 'tkt-1',
  counterId: null,
  staffId: 'me',
  createdAt: 100,
  acknowledgedAt: null,
  acknowledgedBy: null,
  note: null,
  changeSeq: 1,
  ...over,
});

describe('arrivalsFor', () => {
  it.each<[string, Partial<Alert>, string[], boolean]>([
    ['a VIP of mine', {}, [], true],
    ['the customer of a case I own', { kind: 'case_customer_arrived' }, [], true],
    ['another clerk’s case customer', { kind: 'case_customer_arrived', staffId: 'x' }, [], false],
    ['addressed to nobody (the console’s)', { staffId: null }, [], false],
    ['acknowledged', { kind: 'case_customer_arrived', acknowledgedAt: 200 }, [], false],
    ['dismissed on this desk', { kind: 'case_customer_arrived' }, ['alt-1'], false],
    ['another kind addressed to me', { kind: 'dissatisfied' }, [], false],
  ])('%s: shown %s', (_, over, dismissed, shown) => {
    expect(arrivalsFor({ alerts: [alert(over)] }, 'me', dismissed).length).toBe(shown ? 1 : 0);
  });

  it('lists the newest first', () => {
    const alerts = [
      alert({ id: 'a', createdAt: 100 }),
      alert({ id: 'b', kind: 'case_customer_arrived', createdAt: 300 }),
      alert({ id: 'c', createdAt: 200 }),
    ];
    expect(arrivalsFor({ alerts }, 'me', []).map((a) => a.id)).toEqual(['b', 'c', 'a']);
  });
});

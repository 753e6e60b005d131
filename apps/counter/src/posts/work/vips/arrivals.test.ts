import type { Alert } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { alert } from '../../../../test-support/fixtures';
import { arrivalsFor } from './VipArrivals';

// Which arrivals a clerk's desk shows: a VIP's (their manager's) and a case customer's (the
// case owner's), addressed to them, not yet acknowledged or dismissed here, newest first.

const mine = (over: Partial<Alert>): Alert =>
  alert({ kind: 'vip_arrived', ticketId: 'tkt-1', staffId: 'me', ...over });

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
    expect(arrivalsFor({ alerts: [mine(over)] }, 'me', dismissed).length).toBe(shown ? 1 : 0);
  });

  it('lists the newest first', () => {
    const alerts = [
      mine({ id: 'a', createdAt: 100 }),
      mine({ id: 'b', kind: 'case_customer_arrived', createdAt: 300 }),
      mine({ id: 'c', createdAt: 200 }),
    ];
    expect(arrivalsFor({ alerts }, 'me', []).map((a) => a.id)).toEqual(['b', 'c', 'a']);
  });
});

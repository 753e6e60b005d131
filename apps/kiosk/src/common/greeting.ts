import type { AccountManagerGreeting } from '@onestop/shared';

/**
 * The words for a ticket that waits for one person's counter: a VIP's account manager, or the
 * first handler of the customer's open case (docs/vip-account-managers.md).
 */
export function greetingKey(
  greeting: Pick<AccountManagerGreeting, 'role'>,
): 'accountManagerGreeting' | 'caseOwnerGreeting' {
  return greeting.role === 'case_owner' ? 'caseOwnerGreeting' : 'accountManagerGreeting';
}

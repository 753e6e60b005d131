import { z } from 'zod';
import { def, query } from './command-kit';
import { Case, CustomerRecord, EpochMs, FollowUp, Opinion, Ticket } from './model';

// VIP account managers (大客户经理, issue 18 item 4): the manager's own list of their VIPs with
// their open matters. Naming a manager is `admin:save-customer`; routing a VIP's ticket to the
// manager's counter happens inside `ticket:issue` (docs/vip-account-managers.md).

/** What a VIP is told when their ticket waits for their manager's counter (kiosk, guide desk). */
export const AccountManagerGreeting = z.object({
  /** The manager's name, masked (王**): shown on a public screen. */
  name: z.string(),
  counterNumber: z.number().int().positive(),
  /**
   * Who they are to the customer: the VIP's account manager (absent: the manager, as before), or
   * the first handler of the customer's open case (docs/vip-account-managers.md).
   */
  role: z.enum(['account_manager', 'case_owner']).optional(),
});
export type AccountManagerGreeting = z.infer<typeof AccountManagerGreeting>;

/** One of the manager's VIPs and what is open for them. */
export const MyVip = z.object({
  /** The customer's record, the phone masked (138****0001). */
  customer: CustomerRecord,
  /** Today's tickets not yet finished (waiting, called, serving, parked). */
  tickets: z.array(Ticket),
  /** Open cases, by account number or phone, the current promise (`dueAt`) first. */
  cases: z.array(Case),
  /** Open follow-ups of the customer's visits. */
  followUps: z.array(FollowUp),
  /** Opinions by the customer's account number or phone not yet closed. */
  opinions: z.array(Opinion),
  /** The earliest due time among the open cases and follow-ups; null: nothing due. */
  nextDueAt: EpochMs.nullable(),
});
export type MyVip = z.infer<typeof MyVip>;

/**
 * An account manager's appraisal figures (ClerkReport): their VIPs' finished visits in the
 * range served by themselves and by colleagues (by the customer's manager now).
 */
export const ClerkVips = {
  vipServedOwn: z.number().int().nonnegative().optional(),
  vipServedByOthers: z.number().int().nonnegative().optional(),
};

export const vipCommands = {
  'customer:my-vips': def({
    kind: 'query',
    input: query({}),
    output: z.object({
      /** What is due first comes first; VIPs with nothing due last, by account number. */
      vips: z.array(MyVip),
    }),
    roles: ['clerk'],
    summary:
      "The signed-in account manager's VIPs with their open matters: today's tickets, open cases with their promised times, follow-ups and opinions.",
  }),
} as const;

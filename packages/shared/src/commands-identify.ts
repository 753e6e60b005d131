import { z } from 'zod';
import { command, def, query } from './command-kit';
import { AccountNo } from './model';

// Customer identification (issue 19 item 5; docs/customer-identification.md): a bill's barcode
// or QR code scanned at the kiosk or a desk, or a resident ID card read by the kiosk shell's
// reader, finds the customer's account. A kiosk gets an opaque, short-lived identity token that
// `ticket:issue` takes in place of a typed account number, so it never learns an account
// number from an ID card; staff at a desk get the account number itself. ID numbers are kept
// only as an HMAC under the hall's secret and their last four characters.

export const IdentifySource = z.enum(['barcode', 'qr', 'id_card']);
export type IdentifySource = z.infer<typeof IdentifySource>;

/** Opaque to the device; its own, for a few minutes, once (docs/customer-identification.md). */
export const IdentityToken = z
  .string()
  .min(16)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'an identity token');

const STAFF_AT_FRONT = ['guide', 'clerk', 'duty_leader'] as const;

export const Identification = z.object({
  /** The code or card gave an account: a bill's, or the one a registered ID card belongs to. */
  found: z.boolean(),
  /** A VIP on the hall's list who may take a VIP ticket now (as `customer:lookup` tells). */
  vip: z.boolean(),
  /** Masked on a kiosk (张*); null where the kiosk may not be told (as `customer:lookup`). */
  name: z.string().nullable(),
  /** For `ticket:issue` on this device, within `expiresAt`, once; null when nothing was found. */
  identityToken: IdentityToken.nullable(),
  expiresAt: z.number().int().nullable(),
  /** Staff only: the account number itself (a kiosk gets null). */
  accountNo: AccountNo.nullable(),
  /** The account's last four digits, for "bill of account …2345" on the kiosk (never from a card). */
  accountLast4: z.string().nullable(),
  /** A bill barcode's month (YYYY-MM). */
  billMonth: z.string().nullable(),
});
export type Identification = z.infer<typeof Identification>;

export const identifyCommands = {
  'customer:identify': def({
    kind: 'command',
    input: command({
      source: IdentifySource,
      /** What the scanner typed, or the ID number the card reader gave. */
      value: z.string().min(1).max(512),
    }),
    output: Identification,
    roles: ['kiosk', ...STAFF_AT_FRONT],
    summary:
      'Identify a customer by a scanned bill barcode or QR code, or a resident ID card: a short-lived identity token for `ticket:issue` (and, for staff, the account number). Rate-limited per device; the ID number is never stored, logged or answered.',
  }),

  'admin:register-id-card': def({
    kind: 'command',
    input: command({
      accountNo: AccountNo,
      /** The 18-character ID number to register; null takes the registration away. */
      idNumber: z.string().min(1).max(40).nullable(),
    }),
    output: z.object({ accountNo: AccountNo, idCardLast4: z.string().nullable() }),
    roles: ['admin'],
    summary:
      "Register a customer's resident ID card number (kept only as an HMAC and its last four), so the kiosk's card reader finds their account; null removes it.",
  }),

  'admin:id-cards': def({
    kind: 'query',
    input: query({
      // Over HTTP GET a repeated `accountNos=` parameter; a single one arrives as a string.
      accountNos: z
        .preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(AccountNo).max(500))
        .default([]),
    }),
    output: z.object({
      /**
       * The registered card's last four per account number, for cards the hall can match;
       * accounts without one are absent.
       */
      last4: z.record(z.string(), z.string()),
      /**
       * Of these accounts, those whose card was registered under another ID card key (a lost or
       * replaced key file): it matches nothing until registered again.
       */
      otherKey: z.array(AccountNo).default([]),
      /** How many customers in all have a card registered under another key. */
      underOtherKey: z.number().int().nonnegative().default(0),
    }),
    roles: ['admin'],
    summary: 'Which of these customers have an ID card registered (its last four characters only).',
  }),
} as const;

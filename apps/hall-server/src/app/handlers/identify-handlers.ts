import { maskName, type Customer, type Identification } from '@onestop/shared';
import {
  checkIdNumber,
  IDENTITY_TOKEN_TTL_MS,
  idLast4,
  parseScan,
  spendIdentityToken,
} from '../../domain/identify';
import { accept, reject, type Result } from '../../domain/result';
import type { Store } from '../../store/store';
import { handler, type TxContext } from '../context';
import { idCardHmac, newToken, tokenHash } from '../secrets';
import { budget, type Budget } from '../throttles';
import { isVipArrival } from '../vip-arrival';

// Customer identification (docs/customer-identification.md): a scanned bill or a read ID card
// → the customer's account, handed to the device as an identity token that `ticket:issue`
// spends, so a kiosk takes a number for the customer's account without anyone typing it.

/**
 * Identifications per device per window. A customer scans once or twice; a kiosk fed codes or
 * card numbers by a script (enumerating who is registered) meets the limit within minutes.
 */
export const IDENTIFY_LIMIT = { limit: 20, windowMs: 10 * 60_000 } as const;

const budgets = new WeakMap<Store, Budget>();
function identifyBudget(store: Store): Budget {
  let b = budgets.get(store);
  if (!b) budgets.set(store, (b = budget(IDENTIFY_LIMIT.limit, IDENTIFY_LIMIT.windowMs)));
  return b;
}

const NOT_FOUND: Identification = {
  found: false,
  vip: false,
  name: null,
  identityToken: null,
  expiresAt: null,
  accountNo: null,
  accountLast4: null,
  billMonth: null,
};

/** The account a scanned code or a read card gives, or why not (never repeating the value). */
function accountOf(
  tx: TxContext,
  source: 'barcode' | 'qr' | 'id_card',
  value: string,
): Result<{ accountNo: string; billMonth: string | null } | null> {
  if (source !== 'id_card') {
    const scan = parseScan(value);
    if (!scan.ok) return scan;
    const billMonth = scan.value.kind === 'bill' ? scan.value.billMonth : null;
    return accept({ accountNo: scan.value.accountNo, billMonth });
  }
  const id = checkIdNumber(value);
  if (!id.ok) return reject('id_number_invalid', id.problem);
  // No key (a new machine, a data directory restored without it): nobody is found.
  const key = tx.store.idCardKey.current();
  const holder = key ? tx.store.identity.idCardHolder(idCardHmac(key, id.idNumber)) : undefined;
  return accept(holder === undefined ? null : { accountNo: holder, billMonth: null });
}

/** The customer a ticket is issued for, with the account its identity token stands for. */
export function customerWithIdentity(
  tx: TxContext,
  customer: Customer,
  identityToken: string | undefined,
): Result<Customer> {
  if (identityToken === undefined) return accept(customer);
  const deviceId = tx.actor.device?.id ?? '';
  const hash = tokenHash(identityToken);
  const spent = spendIdentityToken(tx.store.identity.token(hash), deviceId, tx.now);
  if (!spent.ok) return spent;
  // In the ticket's transaction: a refused issue leaves the token for the next try.
  tx.store.identity.spendToken(hash, tx.now);
  return accept({ ...customer, accountNo: spent.value.accountNo });
}

export const identifyHandlers = {
  'customer:identify': handler<'customer:identify'>({
    run(tx, { source, value }) {
      const device = tx.actor.device;
      if (!device) return reject('not_paired');
      const allowed = identifyBudget(tx.store).take(device.id, tx.now);
      if (!allowed.ok) {
        const s = Math.max(1, Math.ceil(allowed.retryAfterMs / 1000));
        return reject('rate_limited', `identifications from this device: retry after ${s} s`);
      }
      const found = accountOf(tx, source, value);
      if (!found.ok) return found;
      if (found.value === null) return accept(NOT_FOUND);
      const { accountNo, billMonth } = found.value;
      const token = newToken();
      const expiresAt = tx.now + IDENTITY_TOKEN_TTL_MS;
      tx.store.identity.pruneTokens(tx.now);
      tx.store.identity.addToken({
        tokenHash: tokenHash(token),
        deviceId: device.id,
        accountNo,
        createdAt: tx.now,
        expiresAt,
      });
      const record = tx.store.customers.byAccountNo(accountNo);
      const common = { found: true, identityToken: token, expiresAt, billMonth };
      if (tx.actor.staff) {
        // Staff at a desk see the customer in front of them: the account and its whole name.
        return accept({
          ...common,
          vip: record?.vip ?? false,
          name: record?.name ?? null,
          accountNo,
          accountLast4: accountNo.slice(-4),
        });
      }
      // A kiosk is told what `customer:lookup` tells for a typed number (a VIP's greeting), and
      // the last four of a bill's account (the code it scanned holds it); from a card, nothing.
      const greets =
        record?.vip === true && isVipArrival(tx, { accountNo, phone: null, name: null });
      return accept({
        ...common,
        vip: greets,
        name: greets && record ? maskName(record.name) : null,
        accountNo: null,
        accountLast4: source === 'id_card' ? null : accountNo.slice(-4),
      });
    },
  }),

  'admin:register-id-card': handler<'admin:register-id-card'>({
    run(tx, { accountNo, idNumber }) {
      if (!tx.store.customers.byAccountNo(accountNo)) return reject('not_found', 'customer');
      if (idNumber === null) {
        tx.store.identity.setIdCard(accountNo, null, null);
        return accept({ accountNo, idCardLast4: null });
      }
      const id = checkIdNumber(idNumber);
      if (!id.ok) return reject('id_number_invalid', id.problem);
      let key;
      try {
        key = tx.store.idCardKey.ensure(); // the first registration makes the key file
      } catch (err) {
        return reject(
          'internal_error',
          `the ID card key cannot be used: ${(err as Error).message}`,
        );
      }
      const hmac = idCardHmac(key, id.idNumber);
      const holder = tx.store.identity.idCardHolder(hmac);
      if (holder !== undefined && holder !== accountNo) {
        return reject('invalid_payload', 'idNumber: registered for another customer');
      }
      tx.store.identity.setIdCard(accountNo, hmac, idLast4(id.idNumber));
      return accept({ accountNo, idCardLast4: idLast4(id.idNumber) });
    },
  }),

  'admin:id-cards': handler<'admin:id-cards'>({
    run(tx, { accountNos }) {
      const keyId = tx.store.idCardKey.current()?.id ?? null;
      const cards = tx.store.identity.idCards(accountNos, keyId);
      return accept({ ...cards, underOtherKey: tx.store.identity.idCardsUnderOtherKey(keyId) });
    },
  }),
};

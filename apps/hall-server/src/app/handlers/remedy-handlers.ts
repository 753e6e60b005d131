import {
  maskAccountNo,
  maskPhone,
  type Customer,
  type RemedyGrant,
  type Staff,
} from '@onestop/shared';
import { newAlert } from '../../domain/alerts';
import { startOfBusinessDay } from '../../domain/business-day';
import {
  cancelGrant,
  customerDayTotal,
  customerKeys,
  decideGrant,
  grantRemedy,
  monthOf,
} from '../../domain/remedies';
import { accept, reject, type Result } from '../../domain/result';
import { handler, type TxContext } from '../context';
import { signedInStaff } from './clerk';

// Remedy authority (授权): the admin's catalogue, the first handler's grant, the duty leader's
// decision, the granter's withdrawal and the daily review's list. The rules: domain/remedies.ts.

/** The customer as shown on a grant: account number, else phone, masked; null when unknown. */
function maskedOf(customer: Customer): string | null {
  if (customer.accountNo) return maskAccountNo(customer.accountNo);
  if (customer.phone) return maskPhone(customer.phone);
  return null;
}

/**
 * The visit and the case a grant is asked on: their owners, the customer shown (masked) and
 * every identifier the customer is known by on them (the visit, the case, the case's visit,
 * each phone and account number): the per-customer limit counts the grant against all of
 * them, so a case opened with an account number typed in is still the visit's customer.
 */
function subjectOf(
  tx: TxContext,
  ticketId: string | undefined,
  caseId: string | undefined,
): Result<{ owners: (string | null)[]; keys: string[]; masked: string | null }> {
  const owners: (string | null)[] = [];
  const known: Customer[] = [];
  const ticketIds: (string | null)[] = [];
  const caseIds: (string | null)[] = [];
  if (caseId !== undefined) {
    const c = tx.store.cases.byId(caseId);
    if (!c) return reject('not_found', `Case ${caseId}.`);
    owners.push(c.ownerStaffId);
    known.push(c.customer);
    caseIds.push(c.id);
    ticketIds.push(c.ticketId);
    const visit = c.ticketId ? tx.store.tickets.byId(c.ticketId) : undefined;
    if (visit) known.push(visit.customer);
  }
  if (ticketId !== undefined) {
    const t = tx.store.tickets.byId(ticketId);
    if (!t) return reject('not_found', `Ticket ${ticketId}.`);
    owners.push(t.ownerStaffId);
    known.push(t.customer);
    ticketIds.push(t.id);
  }
  if (owners.length === 0)
    return reject('invalid_payload', 'ticketId or caseId: the visit or case it answers');
  const keys = customerKeys({
    ticketIds,
    caseIds,
    phones: known.map((k) => k.phone),
    accountNos: known.map((k) => k.accountNo),
  });
  const shown = known.map(maskedOf).find((m) => m !== null) ?? null;
  return accept({ owners, keys, masked: shown });
}

/** The alerts still open about a grant: closed when it is decided, withdrawn or expired. */
export function closeGrantAlerts(tx: TxContext, grant: RemedyGrant, note: string): void {
  const dayStart = startOfBusinessDay(tx.hall.businessDay, tx.hall.config.timeZone);
  for (const a of tx.store.alerts.current(dayStart)) {
    if (a.kind !== 'grant_awaiting_approval' || a.subjectId !== grant.id) continue;
    if (a.acknowledgedAt !== null) continue;
    const byPerson = tx.actor.staff?.id ?? null;
    tx.write.alert({ ...a, acknowledgedAt: tx.now, acknowledgedBy: byPerson, note });
  }
}

/** Tells the duty leader a grant waits for them (at once, and again as a reminder). */
export function raiseGrantAlert(tx: TxContext, grant: RemedyGrant): void {
  tx.write.alert(
    newAlert(tx.newId(), tx.now, {
      kind: 'grant_awaiting_approval',
      subjectId: grant.id,
      ticketId: grant.ticketId,
      counterId: tx.store.counters.byStaff(grant.grantedByStaffId)?.id ?? null,
      staffId: grant.grantedByStaffId,
    }),
  );
}

function grantOf(tx: TxContext, grantId: string): Result<RemedyGrant> {
  const grant = tx.store.remedies.grantById(grantId);
  return grant ? accept(grant) : reject('not_found', `Grant ${grantId}.`);
}

/** The duty leader and the admin review every grant; others see their own. */
function reviewsAll(staff: Staff): boolean {
  return staff.roles.includes('duty_leader') || staff.roles.includes('admin');
}

const MAX_LIST_DAYS = 31;

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

export const remedyHandlers = {
  'admin:save-remedy-kind': handler<'admin:save-remedy-kind'>({
    run(tx, { remedyKind }) {
      for (const [role, limits] of Object.entries(remedyKind.limits)) {
        if (!limits) continue;
        if (
          limits.perGrant > limits.perCustomerPerDay ||
          limits.perGrant > limits.perStaffPerMonth
        ) {
          return reject(
            'invalid_payload',
            `limits.${role}: one grant's limit is above the day's or the month's`,
          );
        }
      }
      const before = tx.store.remedies.kindById(remedyKind.id);
      if (before && before.unit !== remedyKind.unit && tx.store.remedies.anyGrantOf(before.id)) {
        // Grants already made are counted in the old unit (fen or acts): a new kind, not this.
        return reject(
          'invalid_payload',
          `unit: grants of ${before.code} were made in ${before.unit}`,
        );
      }
      return accept({ remedyKind: tx.write.remedyKind({ ...remedyKind, changeSeq: 0 }) });
    },
  }),

  'remedy:grant': handler<'remedy:grant'>({
    run(tx, args) {
      const staff = signedInStaff(tx);
      if (!staff.ok) return staff;
      const kind = tx.store.remedies.kindById(args.remedyKindId);
      if (!kind) return reject('not_found', `Remedy ${args.remedyKindId}.`);
      const subject = subjectOf(tx, args.ticketId, args.caseId);
      if (!subject.ok) return subject;
      const day = tx.hall.businessDay;
      const granted = grantRemedy(
        {
          id: tx.newId(),
          kind,
          amount: args.amount,
          reason: args.reason,
          ticketId: args.ticketId ?? null,
          caseId: args.caseId ?? null,
          customerMasked: subject.value.masked,
          complaintClass: args.complaintClass,
          staff: staff.value,
          owners: subject.value.owners,
          soFar: {
            customerToday: customerDayTotal(
              subject.value.keys,
              tx.store.remedies.customerGrantsOfDay(day, kind.id),
            ),
            staffThisMonth: tx.store.remedies.staffMonthTotal(
              staff.value.id,
              monthOf(day),
              kind.id,
            ),
          },
          businessDay: day,
        },
        tx.now,
      );
      if (!granted.ok) return granted;
      const grant = tx.write.remedyGrant(granted.value, subject.value.keys);
      if (grant.state === 'pending') raiseGrantAlert(tx, grant);
      return accept({ grant });
    },
  }),

  'remedy:decide': handler<'remedy:decide'>({
    run(tx, { grantId, decision, note }) {
      const staff = signedInStaff(tx);
      if (!staff.ok) return staff;
      const grant = grantOf(tx, grantId);
      if (!grant.ok) return grant;
      const decided = decideGrant(grant.value, staff.value.id, decision, note || null, tx.now);
      if (!decided.ok) return decided;
      closeGrantAlerts(tx, decided.value, decision === 'approve' ? 'approved' : 'rejected');
      return accept({ grant: tx.write.remedyGrant(decided.value) });
    },
  }),

  'remedy:cancel': handler<'remedy:cancel'>({
    run(tx, { grantId }) {
      const staff = signedInStaff(tx);
      if (!staff.ok) return staff;
      const grant = grantOf(tx, grantId);
      if (!grant.ok) return grant;
      const cancelled = cancelGrant(grant.value, staff.value.id, tx.now);
      if (!cancelled.ok) return cancelled;
      closeGrantAlerts(tx, cancelled.value, 'cancelled');
      return accept({ grant: tx.write.remedyGrant(cancelled.value) });
    },
  }),

  'remedy:list': handler<'remedy:list'>({
    run(tx, { from, to, state }) {
      const staff = signedInStaff(tx);
      if (!staff.ok) return staff;
      const own = reviewsAll(staff.value) ? null : staff.value.id;
      if (state === 'pending') {
        const pending = tx.store.remedies.pending();
        return accept({
          grants: own === null ? pending : pending.filter((g) => g.grantedByStaffId === own),
        });
      }
      const today = tx.hall.businessDay;
      const first = from ?? to ?? today;
      const last = to ?? from ?? today;
      const span = daysBetween(first, last);
      if (span < 0 || span >= MAX_LIST_DAYS) {
        return reject('invalid_payload', `from, to: a range of 1 to ${MAX_LIST_DAYS} days`);
      }
      return accept({ grants: tx.store.remedies.between({ from: first, to: last, staffId: own }) });
    },
  }),
};

import {
  maskPhone,
  type Consent,
  type ConsentView,
  type Customer,
  type Notification,
  type NotifyLang,
} from '@onestop/shared';
import { mayText } from '../../domain/notifications';
import { accept, reject, type Result } from '../../domain/result';
import { handler, type TxContext } from '../context';
import { shownNotification } from '../notification-records';

// Customer notifications at the desk (issue 18 item 3): consent recorded or withdrawn, a
// customer's or a record's notification log, and a failed notification sent again.

function consentView(c: Consent): ConsentView {
  return { phone: maskPhone(c.phone), given: c.given, source: c.source, at: c.at };
}

/** The customer a desk asks about: a visit's, or the number typed. */
function customerOf(
  tx: TxContext,
  args: {
    ticketId?: string | undefined;
    phone?: string | undefined;
    accountNo?: string | undefined;
  },
): Result<Pick<Customer, 'phone' | 'accountNo'>> {
  if (args.ticketId !== undefined) {
    const ticket = tx.store.tickets.byId(args.ticketId);
    if (!ticket) return reject('not_found', `Ticket ${args.ticketId}.`);
    return accept({ phone: ticket.customer.phone, accountNo: ticket.customer.accountNo });
  }
  return accept({ phone: args.phone ?? null, accountNo: args.accountNo ?? null });
}

/** Records the kiosk's consent with a ticket: for that visit only, never over the desk's word. */
export function recordKioskConsent(
  tx: TxContext,
  customer: Pick<Customer, 'phone' | 'accountNo'>,
  ticketId: string,
  lang?: NotifyLang,
): void {
  if (!customer.phone) return;
  const known = tx.store.notifications.consentOfPhone(customer.phone);
  // A standing consent already covers the visit; a withdrawal made at the desk wins over a
  // tick at a kiosk, where anyone can type anyone's number.
  if (known && known.ticketId === null) return;
  tx.store.notifications.saveConsent({
    phone: customer.phone,
    // Never the account typed at the kiosk: kept on the phone's row, a later standing consent
    // for that phone at a desk would inherit it (the upsert keeps an account) and texts about
    // that account's cases would go to whoever typed it (hostile/issue18-review.test.ts).
    accountNo: null,
    given: true,
    source: 'kiosk',
    ticketId,
    at: tx.now,
    byStaffId: null,
    byDeviceId: tx.actor.device?.id ?? null,
    ...(lang ? { lang } : {}),
  });
}

/** Whose the record a notification is about is: the owner who may send it again. */
function ownerOf(tx: TxContext, n: Notification): string | null {
  switch (n.subjectKind) {
    case 'ticket':
      return tx.store.tickets.byId(n.subjectId)?.ownerStaffId ?? null;
    case 'case':
      return tx.store.cases.byId(n.subjectId)?.ownerStaffId ?? null;
    case 'task':
      return tx.store.tasks.byId(n.subjectId)?.ownerStaffId ?? null;
    case 'follow_up':
      return tx.store.followUps.byId(n.subjectId)?.assigneeStaffId ?? null;
  }
}

export const notificationHandlers = {
  'notification:consent': handler<'notification:consent'>({
    run(tx, args) {
      const staff = tx.actor.staff;
      if (!staff) return reject('not_signed_in');
      const customer = customerOf(tx, args);
      if (!customer.ok) return customer;
      const phone = args.phone ?? customer.value.phone;
      if (!phone) return reject('invalid_payload', 'phone: the visit has no phone number');
      // An account number typed at a kiosk is nobody's word: a consent or a withdrawal binds it
      // only when the desk names it (an account's opt-out silences it on every phone).
      const kioskTyped =
        args.ticketId !== undefined && tx.store.tickets.byId(args.ticketId)?.source === 'kiosk';
      const consent: Consent = {
        phone,
        accountNo: args.accountNo ?? (kioskTyped ? null : customer.value.accountNo),
        given: args.given,
        source: 'desk',
        ticketId: null,
        at: tx.now,
        byStaffId: staff.id,
        byDeviceId: tx.actor.device?.id ?? null,
      };
      tx.store.notifications.saveConsent(consent);
      return accept({ consent: consentView(consent) });
    },
  }),

  'notification:list': handler<'notification:list'>({
    run(tx, args) {
      const { notifications } = tx.store;
      const customer = customerOf(tx, args);
      if (!customer.ok) return customer;
      const { phone, accountNo } = customer.value;
      const found = new Map<string, Notification>();
      const add = (list: Notification[]) => list.forEach((n) => found.set(n.id, n));
      if (args.subjectKind && args.subjectId)
        add(notifications.ofSubject(args.subjectKind, args.subjectId));
      if (args.ticketId) add(notifications.ofSubject('ticket', args.ticketId));
      if (phone) add(notifications.ofPhone(phone));
      if (accountNo) add(notifications.ofAccount(accountNo));
      const consent =
        (phone ? notifications.consentOfPhone(phone) : null) ??
        (accountNo ? notifications.consentOfAccount(accountNo) : null);
      return accept({
        notifications: [...found.values()]
          .sort((a, b) => b.createdAt - a.createdAt)
          .slice(0, 100)
          .map(shownNotification),
        consent: consent ? consentView(consent) : null,
      });
    },
  }),

  'notification:retry': handler<'notification:retry'>({
    run(tx, { notificationId }) {
      const staff = tx.actor.staff;
      if (!staff) return reject('not_signed_in');
      const n = tx.store.notifications.byId(notificationId);
      if (!n) return reject('not_found', `Notification ${notificationId}.`);
      const leader = tx.actor.roles.includes('duty_leader');
      if (!leader && ownerOf(tx, n) !== staff.id)
        return reject('not_yours', 'Only the owner of what it is about, or the duty leader.');
      if (n.state !== 'failed') return reject('invalid_transition', `It is ${n.state}.`);
      const consents = tx.store.notifications.consentsFor(n.phone, n.accountNo);
      const may = mayText(n.phone, consents, { kind: n.subjectKind, id: n.subjectId });
      if (!may.ok) return reject('forbidden', `The customer's consent: ${may.why}.`);
      const again = tx.write.notification({
        ...n,
        state: 'queued',
        attempts: 0,
        nextAttemptAt: tx.now,
        lastError: null,
        staffId: staff.id,
      });
      return accept({ notification: shownNotification(again) });
    },
  }),
};

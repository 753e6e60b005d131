import { notificationSettingsOf, type FollowUp, type Service, type Ticket } from '@onestop/shared';
import { callOrder } from '../domain/calling';
import { calledIn, mayText, turnNear } from '../domain/notifications';
import type { TxContext } from './context';
import { notifyCustomer } from './notify';

// After a command or a server action changed tickets, inside its transaction: "called" for each
// ticket it called (once per call, not per recall), and "turn near" for each consenting waiting
// ticket that is now within the hall's distance of the front of its service's calling order for
// the first time. Run by the pipeline (hall.ts) so every path that moves the queue — a call, a
// cancel, a transfer, a no-show, a counter's link lost — is covered without each handler asking.

export function notifyQueueChanges(tx: TxContext): void {
  if (tx.write.records.tickets.length === 0) return;
  const settings = notificationSettingsOf(tx.hall.config);
  if (!settings.enabled) return;
  notifyCalled(tx);
  notifyTurnNear(tx, settings.turnNearAhead);
}

function notifyCalled(tx: TxContext): void {
  for (const { ticketId, counterId } of calledIn(tx.write.events)) {
    const ticket = tx.store.tickets.byId(ticketId);
    if (!ticket?.customer.phone) continue;
    const counter = tx.store.counters.byId(counterId);
    notifyCustomer(tx, {
      purpose: 'called',
      customer: { phone: ticket.customer.phone, accountNo: ticket.customer.accountNo },
      vars: { number: ticket.number, counter: String(counter?.number ?? '') },
      subject: { kind: 'ticket', id: ticket.id },
    });
  }
}

function notifyTurnNear(tx: TxContext, ahead: number): void {
  const { store } = tx;
  // Most tickets have no phone, or no consent: the queue is read and its calling order worked
  // out only when one may still be told (one indexed query finds them).
  const untold = new Set(store.notifications.untoldWaiting());
  if (untold.size === 0) return;
  const waiting = store.tickets.waiting();
  const mayBeTold = (t: Ticket): boolean => {
    const phone = t.customer.phone;
    if (!phone || !untold.has(t.id)) return false;
    const consents = store.notifications.consentsFor(phone, t.customer.accountNo);
    return mayText(phone, consents, { kind: 'ticket', id: t.id }).ok; // an opt-out wins
  };
  const candidates = new Set(waiting.filter(mayBeTold).map((t) => t.id));
  if (candidates.size === 0) return;
  const services = new Map(store.services.all().map((s) => [s.id, s]));
  const serviceIds = new Set(waiting.filter((t) => candidates.has(t.id)).map((t) => t.serviceId));
  const orders = [...serviceIds].map((id) => orderOf(waiting, services, id, tx));
  const near = turnNear(
    orders,
    ahead,
    (t) => candidates.has(t.id),
    () => false,
  );
  for (const { ticket, ahead: before } of near) {
    notifyCustomer(tx, {
      purpose: 'turn_near',
      customer: { phone: ticket.customer.phone, accountNo: ticket.customer.accountNo },
      vars: {
        number: ticket.number,
        ahead: String(before),
        service: services.get(ticket.serviceId)?.nameZh ?? '',
      },
      subject: { kind: 'ticket', id: ticket.id },
    });
  }
}

/**
 * A service's calling order as any counter serving it would call: tickets held for a counter
 * first (that counter calls them first), then the hall's policy (domain/calling.ts).
 */
function orderOf(
  waiting: readonly Ticket[],
  services: ReadonlyMap<string, Service>,
  serviceId: string,
  tx: TxContext,
): Ticket[] {
  const mine = waiting.filter((t) => t.serviceId === serviceId);
  const held = mine
    .filter((t) => t.targetCounterId !== null)
    .sort((a, b) => a.queuedAt - b.queuedAt);
  const counter = {
    id: '',
    number: 0,
    name: '',
    serviceIds: [serviceId],
    state: 'open' as const,
    pauseReason: null,
    staffId: null,
    updatedAt: 0,
    changeSeq: 0,
  };
  const rest = callOrder(mine, counter, services, tx.hall.config.callWeights, tx.now);
  return [...held, ...rest];
}

/**
 * A follow-up opened about a visit (a 不满意 rating, the duty leader's): the customer is told
 * someone will be in touch, if they gave the hall their standing consent (a kiosk's tick covers
 * the queue texts of that visit only).
 */
export function notifyFollowUpOpened(tx: TxContext, followUp: FollowUp): void {
  const ticket = followUp.ticketId ? tx.store.tickets.byId(followUp.ticketId) : undefined;
  if (!ticket?.customer.phone) return;
  notifyCustomer(tx, {
    purpose: 'follow_up',
    customer: { phone: ticket.customer.phone, accountNo: ticket.customer.accountNo },
    vars: { number: ticket.number },
    subject: { kind: 'follow_up', id: followUp.id },
    staffId: followUp.createdBy,
  });
}

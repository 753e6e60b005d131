import { accept, reject, type Result } from './result';

// Contact details are masked on every screen; the person who must call the customer back (a
// follow-up's assignee, an opinion's handler, a visit's first handler or serving clerk) and the
// duty leader may see the whole number of that one record, with a reason the audit log keeps.

export type ContactSubject = 'follow_up' | 'opinion' | 'ticket';

export function mayReveal(
  owners: readonly (string | null)[],
  actor: { staffId: string; isDutyLeader: boolean },
): Result<void> {
  if (actor.isDutyLeader || owners.includes(actor.staffId)) return accept(undefined);
  return reject('forbidden', 'Only its owner or the duty leader may see the whole number.');
}

/** A phone number or account-like contact as written by the customer, digits only kept. */
export function contactPhone(contact: string | null): string | null {
  if (contact === null) return null;
  const digits = contact.replace(/[\s-]/g, '');
  return /^\+?\d{5,20}$/.test(digits) ? digits : null;
}

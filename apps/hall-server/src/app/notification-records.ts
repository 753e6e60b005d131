import { maskPhone, type Notification } from '@onestop/shared';

// A notification as any device is sent it: the phone masked. The whole number stays in the
// hall's database, where the outbox sends from it; staff see 138****8000 (DESIGN.md §6) and the
// customer's own consent, never a list of whole numbers.

export function shownNotification(n: Notification): Notification {
  return { ...n, phone: maskPhone(n.phone) };
}

import type { HallChange } from '@onestop/shared';

// What the duty leader did to this clerk or this counter, from the hall's changes: the
// workstation tells the clerk at once, with the leader's reason (the effect itself — a
// paused counter, a ticket sent here — shows in the hall state anyway).

export interface OverrideNotice {
  seq: number;
  at: number;
  /** The i18n key under `overrideNotice.action` (i18next keys cannot hold ':'). */
  actionKey: string;
  reason: string;
  byStaffId: string;
  ticketId: string | null;
}

export const overrideActionKeys = [
  'ticket-priority_priority',
  'ticket-priority_front',
  'ticket-counter',
  'counter-state_open',
  'counter-state_paused',
  'counter-state_closed',
  'counter-services',
  'sign-out',
] as const;

type OverrideActionKey = (typeof overrideActionKeys)[number];

function isOverrideActionKey(key: string): key is OverrideActionKey {
  return overrideActionKeys.some((k) => k === key);
}

export function actionKeyOf(action: string): OverrideActionKey | 'other' {
  const key = action.replace(/:/g, '_');
  return isOverrideActionKey(key) ? key : 'other';
}

/** The notices in a change meant for this staff member or this counter. */
export function noticesFor(
  change: HallChange,
  me: { staffId: string; counterId: string | null },
): OverrideNotice[] {
  return change.events.flatMap((e) =>
    e.type === 'override.applied' &&
    (e.staffId === me.staffId || (me.counterId !== null && e.counterId === me.counterId))
      ? [
          {
            seq: change.seq,
            at: change.at,
            actionKey: actionKeyOf(e.action),
            reason: e.reason,
            byStaffId: e.byStaffId,
            ticketId: e.ticketId,
          },
        ]
      : [],
  );
}

/** Newest first, at most `keep`. */
export function addNotices(
  list: readonly OverrideNotice[],
  added: readonly OverrideNotice[],
  keep = 3,
): OverrideNotice[] {
  return [...added].reverse().concat(list).slice(0, keep);
}

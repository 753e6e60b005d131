import type { TicketState } from '@onestop/shared';

// A visit's path reads as what happened at each step, from the state it left and entered.

export type PathEvent =
  | 'issued'
  | 'called'
  | 'recalled'
  | 'started'
  | 'parked'
  | 'resumed'
  | 'transferred'
  | 'returned'
  | 'finished'
  | 'noShow'
  | 'cancelled'
  | 'reinstated'
  | 'moved';

export function pathEvent(from: TicketState | null, to: TicketState): PathEvent {
  if (from === null) return 'issued';
  if (to === 'done') return 'finished';
  if (to === 'no_show') return 'noShow';
  if (to === 'cancelled') return 'cancelled';
  if (to === 'parked') return 'parked';
  if (to === 'called') return from === 'called' ? 'recalled' : 'called';
  if (to === 'serving') return from === 'parked' ? 'resumed' : 'started';
  if (to === 'waiting') {
    if (from === 'serving') return 'transferred';
    if (from === 'called') return 'returned';
    if (from === 'no_show' || from === 'cancelled') return 'reinstated';
  }
  return 'moved';
}

import type { Counter } from '@onestop/shared';
import {
  closeCounter,
  openCounter,
  pauseCounter,
  signInAtCounter,
  signOutOfCounter,
} from '../../domain/counters';
import { accept, reject, type Result } from '../../domain/result';
import { handler, type TxContext } from '../context';
import { leaveCounterCheck } from '../../domain/handovers';
import { retrainingBlock } from './knowledge-handlers';

type CounterActor = { staffId: string; activeTicketCount: number };

function atOwnCounter(tx: TxContext): Result<{ counter: Counter; actor: CounterActor }> {
  const staff = tx.actor.staff;
  if (!staff) return reject('not_signed_in');
  const counter = tx.store.counters.byStaff(staff.id);
  if (!counter) return reject('not_at_counter');
  return accept({
    counter,
    actor: {
      staffId: staff.id,
      activeTicketCount: tx.store.tickets.activeAtCounter(counter.id).length,
    },
  });
}

function saveCounter(tx: TxContext, result: Result<Counter>): Result<{ counter: Counter }> {
  return result.ok ? accept({ counter: tx.write.counter(result.value) }) : result;
}

/** One of the clerk's own counter's rules (open, pause, close), saved when it allows it. */
function stepAtOwnCounter(
  tx: TxContext,
  step: (counter: Counter, actor: CounterActor) => Result<Counter>,
): Result<{ counter: Counter }> {
  const own = atOwnCounter(tx);
  return own.ok ? saveCounter(tx, step(own.value.counter, own.value.actor)) : own;
}

export const counterHandlers = {
  'counter:sign-in': handler<'counter:sign-in'>({
    run(tx, { counterId }) {
      const staff = tx.actor.staff;
      const session = tx.actor.session;
      if (!staff || !session) return reject('not_signed_in');
      const counter = tx.store.counters.byId(counterId);
      if (!counter) return reject('not_found', `Counter ${counterId}.`);
      // 再培训: below a quiz's pass mark, not at a counter of that service (hall's choice).
      const listed = retrainingBlock(tx, staff.id, counter.serviceIds);
      if (!listed.ok) return listed;
      const previous = tx.store.counters.byStaff(staff.id);
      if (previous && previous.id !== counter.id) {
        const left = signOutOfCounter(
          previous,
          {
            staffId: staff.id,
            activeTicketCount: tx.store.tickets.activeAtCounter(previous.id).length,
          },
          tx.now,
        );
        if (!left.ok) return left;
        tx.write.counter(left.value);
      }
      const taken = signInAtCounter(counter, staff.id, tx.now);
      if (!taken.ok) return taken;
      tx.write.session({ ...session, counterId: counter.id });
      return accept({ counter: tx.write.counter(taken.value) });
    },
  }),

  'counter:sign-out': handler<'counter:sign-out'>({
    run(tx) {
      const own = atOwnCounter(tx);
      if (!own.ok) return own;
      const left = signOutOfCounter(own.value.counter, own.value.actor, tx.now);
      if (!left.ok) return left;
      // A customer held (parked too) keeps the clerk here; owned cases go with them.
      const free = leaveCounterCheck(tx.store.tickets.heldByStaff(own.value.actor.staffId));
      if (!free.ok) return free;
      const result = saveCounter(tx, left);
      if (result.ok && tx.actor.session) tx.write.session({ ...tx.actor.session, counterId: null });
      return result;
    },
  }),

  'counter:open': handler<'counter:open'>({
    run(tx) {
      const own = atOwnCounter(tx);
      if (!own.ok) return own;
      // 再培训: a clerk who failed a quiz while paused here does not open it again either.
      const { counter, actor } = own.value;
      const listed = retrainingBlock(tx, actor.staffId, counter.serviceIds);
      if (!listed.ok) return listed;
      return saveCounter(tx, openCounter(counter, actor, tx.now));
    },
  }),

  'counter:pause': handler<'counter:pause'>({
    run: (tx, { reason }) =>
      stepAtOwnCounter(tx, (counter, actor) => pauseCounter(counter, actor, reason, tx.now)),
  }),

  'counter:close': handler<'counter:close'>({
    run: (tx) => stepAtOwnCounter(tx, (counter, actor) => closeCounter(counter, actor, tx.now)),
  }),
};

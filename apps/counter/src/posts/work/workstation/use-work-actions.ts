import { useCallback, useMemo } from 'react';
import { useStore } from 'zustand';
import { useDesk, useNow, useOnline } from '../../../common/desk';
import { availableActions } from './available-actions';
import type { WorkAction } from './shortcuts';
import { useWork, useWorkstationStore } from './work-context';

/** Which actions are live now, and doing one: a command, or the dialog that asks for more. */
export function useWorkActions() {
  const { runner } = useDesk();
  const online = useOnline();
  const now = useNow(5000);
  const work = useWork();
  const store = useWorkstationStore();
  const pending = useStore(runner.store, (s) => s.pending);
  const { hall, counter, current, parked } = work;

  const available = useMemo(
    () =>
      availableActions({
        online,
        counter,
        current,
        parked,
        recallsBeforeNoShow: hall.config.recallsBeforeNoShow,
        noShowAfterSec: hall.config.noShowAfterSec,
        now,
      }),
    [online, counter, current, parked, hall.config, now],
  );

  const perform = useCallback(
    (action: WorkAction) => {
      const open = (dialog: NonNullable<ReturnType<typeof store.getState>['dialog']>) =>
        store.setState({ dialog });
      const ticketId = current?.id;
      switch (action) {
        case 'callNext':
          return void runner.run(action, 'ticket:call-next', {});
        case 'recall':
          return ticketId && void runner.run(action, 'ticket:recall', { ticketId });
        case 'start':
          return ticketId && void runner.run(action, 'ticket:start', { ticketId });
        case 'noShow':
          return ticketId && void runner.run(action, 'ticket:no-show', { ticketId });
        case 'returnToQueue':
          return ticketId && void runner.run(action, 'ticket:return', { ticketId });
        case 'resume':
          return parked[0] && void runner.run(action, 'ticket:resume', { ticketId: parked[0].id });
        case 'finish':
          return ticketId && open({ kind: 'finish', ticketId });
        case 'transfer':
          return ticketId && open({ kind: 'transfer', ticketId });
        case 'park':
          return ticketId && open({ kind: 'park', ticketId });
        case 'openCase':
          return ticketId && open({ kind: 'openCase', ticketId });
        case 'callTicket':
          return open({ kind: 'callTicket' });
        case 'walkIn':
          return open({ kind: 'walkIn' });
        case 'createTask':
          return open({ kind: 'createTask', caseId: null, ticketId: ticketId ?? null });
        case 'pauseCounter':
          return open({ kind: 'pause' });
        case 'openCounter':
          return void runner.run(action, 'counter:open', {});
        case 'closeCounter':
          return void runner.run(action, 'counter:close', {});
        case 'lookup':
          return store.setState((s) => ({ tab: 'customer', lookupFocus: s.lookupFocus + 1 }));
      }
    },
    [runner, store, current, parked],
  );

  return { available, perform, pending };
}

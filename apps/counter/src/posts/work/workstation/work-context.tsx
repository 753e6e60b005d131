import type { Counter, Snapshot, Staff, Ticket } from '@onestop/shared';
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useSignedIn, useView } from '../../../common/desk';
import { counterOfStaff, currentTicket, parkedBy } from '../../../common/hall-selectors';
import {
  createWorkstationStore,
  type WorkstationState,
  type WorkstationStore,
} from './workstation-store';

// What every part of the workstation reads: the clerk, their counter, the ticket in front of
// them and the ones they parked, all from the hall as last known.

const StoreContext = createContext<WorkstationStore | null>(null);

export function WorkstationProvider({ children }: { children: ReactNode }) {
  const [store] = useState(createWorkstationStore);
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useWorkstationStore(): WorkstationStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useWorkstationStore outside WorkstationProvider');
  return store;
}

export function useWorkstation<T>(selector: (s: WorkstationState) => T): T {
  return useStore(useWorkstationStore(), selector);
}

export interface Work {
  hall: Snapshot;
  me: Staff;
  counter: Counter | null;
  current: Ticket | null;
  parked: Ticket[];
}

export function useWork(): Work {
  const hall = useView((v) => v.hall)!;
  const signedIn = useSignedIn()!;
  return useMemo(() => {
    const me = hall.staff.find((s) => s.id === signedIn.staff.id) ?? signedIn.staff;
    const counter = counterOfStaff(hall, me.id) ?? null;
    return {
      hall,
      me,
      counter,
      current: counter ? (currentTicket(hall, counter.id) ?? null) : null,
      parked: parkedBy(hall, me.id),
    };
  }, [hall, signedIn]);
}

import { createStore, type StoreApi } from 'zustand/vanilla';

// The workstation's own state: which dialog is open, which side tab shows. The hall itself
// lives in the connection's store; nothing here is a copy of it.

export type WorkDialog =
  | { kind: 'finish'; ticketId: string }
  | { kind: 'transfer'; ticketId: string }
  | { kind: 'park'; ticketId: string }
  | { kind: 'walkIn' }
  | { kind: 'callTicket' }
  | { kind: 'pause' }
  | { kind: 'openCase'; ticketId: string }
  | { kind: 'advanceCase'; caseId: string }
  | { kind: 'closeCase'; caseId: string }
  | { kind: 'createTask'; caseId: string | null; ticketId: string | null }
  | { kind: 'closeFollowUp'; followUpId: string }
  | { kind: 'cancelTask'; taskId: string }
  | { kind: 'resetPromise'; subject: { kind: 'case' | 'task'; id: string } }
  | { kind: 'caseReceipt'; caseId: string; statusToken: string | null }
  | { kind: 'remedy'; ticketId: string | null; caseId: string | null };

export type SideTab = 'customer' | 'mine' | 'handover' | 'vips';

export interface WorkstationState {
  dialog: WorkDialog | null;
  tab: SideTab;
  /** Bumped to move the focus to the customer lookup (Alt+L). */
  lookupFocus: number;
}

export type WorkstationStore = StoreApi<WorkstationState>;

export function createWorkstationStore(): WorkstationStore {
  return createStore<WorkstationState>(() => ({ dialog: null, tab: 'customer', lookupFocus: 0 }));
}

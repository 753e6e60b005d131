import {
  AdvanceCaseDialog,
  CancelTaskDialog,
  CloseCaseDialog,
  CloseFollowUpDialog,
  CreateTaskDialog,
  OpenCaseDialog,
} from '../mine/ItemDialogs';
import { CaseReceiptDialog } from '../mine/CaseReceipt';
import { ResetPromiseDialog } from '../mine/ResetPromiseDialog';
import { RemedyDialog } from '../remedy/RemedyDialog';
import { CallTicketDialog, PauseDialog } from './CounterDialogs';
import { FinishDialog } from './FinishDialog';
import { ParkDialog, TransferDialog, WalkInDialog } from './TicketDialogs';
import { useWorkstation } from './work-context';

/** The one dialog open on the workstation, if any. */
export function DialogHost() {
  const dialog = useWorkstation((s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'finish':
      return <FinishDialog ticketId={dialog.ticketId} />;
    case 'transfer':
      return <TransferDialog ticketId={dialog.ticketId} />;
    case 'park':
      return <ParkDialog ticketId={dialog.ticketId} />;
    case 'walkIn':
      return <WalkInDialog />;
    case 'callTicket':
      return <CallTicketDialog />;
    case 'pause':
      return <PauseDialog />;
    case 'openCase':
      return <OpenCaseDialog ticketId={dialog.ticketId} />;
    case 'advanceCase':
      return <AdvanceCaseDialog caseId={dialog.caseId} />;
    case 'closeCase':
      return <CloseCaseDialog caseId={dialog.caseId} />;
    case 'createTask':
      return <CreateTaskDialog caseId={dialog.caseId} ticketId={dialog.ticketId} />;
    case 'closeFollowUp':
      return <CloseFollowUpDialog followUpId={dialog.followUpId} />;
    case 'cancelTask':
      return <CancelTaskDialog taskId={dialog.taskId} />;
    case 'resetPromise':
      return <ResetPromiseDialog subject={dialog.subject} />;
    case 'caseReceipt':
      return <CaseReceiptDialog caseId={dialog.caseId} statusToken={dialog.statusToken} />;
    case 'remedy':
      return <RemedyDialog ticketId={dialog.ticketId} caseId={dialog.caseId} />;
  }
}

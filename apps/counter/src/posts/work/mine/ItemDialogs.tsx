import {
  DEFAULT_TASK_PROMISE,
  promiseDue,
  type CaseOutcome,
  type HallConfig,
} from '@onestop/shared';
import { Dialog, fromDateTimeInput, langOf, toDateTimeInput } from '@onestop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openCasesOwnedBy } from '../../../common/hall-selectors';
import { CaseFields, useCaseFields } from '../workstation/CaseFields';
import { longEnough } from '../workstation/contact-rules';
import { Choices, DateTimeField, TextField, useDialogCommand } from '../workstation/dialog-kit';
import { useDesk } from '../../../common/desk';
import { useWork, useWorkstationStore } from '../workstation/work-context';

// Dialogs for the first handler's items: open a case, advance or close it, ask the back office,
// close a follow-up, withdraw a support task.

/** A new support task is due at the hall's task promise (承诺) unless the clerk says otherwise. */
const taskPromisedAt = (config: HallConfig) =>
  promiseDue(config.taskPromise ?? DEFAULT_TASK_PROMISE, Date.now(), config);

export function OpenCaseDialog({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const { hall } = useWork();
  const ticket = hall.tickets.find((x) => x.id === ticketId);
  const fields = useCaseFields(ticket);
  const command = useDialogCommand('openCase', 'case:open');
  const { runner } = useDesk();
  const store = useWorkstationStore();
  // Opened: the receipt slip (受理回执) with the promised time, to print for the customer.
  async function open() {
    const ack = await runner.run('openCase', 'case:open', fields.payload(ticketId));
    if (ack?.ok) {
      const { case: opened, statusToken } = ack.data;
      store.setState({ dialog: { kind: 'caseReceipt', caseId: opened.id, statusToken } });
    }
  }
  return (
    <Dialog
      {...command.dialog}
      title={t('case.openFor', { number: ticket?.number ?? '' })}
      confirmLabel={t('action.openCase')}
      onConfirm={() => void open()}
      confirmDisabled={!fields.ready}
      testId="open-case-dialog"
    >
      <CaseFields fields={fields} />
    </Dialog>
  );
}

export function AdvanceCaseDialog({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const { hall } = useWork();
  const item = hall.cases.find((c) => c.id === caseId);
  const step = item?.steps.find((s) => s.doneAt === null);
  const [note, setNote] = useState('');
  const command = useDialogCommand('advanceCase', 'case:advance');
  const stepName = step ? (langOf(i18n.language) === 'zh' ? step.nameZh : step.nameEn) : '';
  return (
    <Dialog
      {...command.dialog}
      title={t('case.advanceTitle', { number: item?.number ?? '', step: stepName })}
      confirmLabel={t('case.advance')}
      onConfirm={() => void command.send({ caseId, ...(note.trim() ? { note: note.trim() } : {}) })}
      testId="advance-case-dialog"
    >
      <TextField label={t('case.stepNote')} value={note} onChange={setNote} maxLength={200} />
    </Dialog>
  );
}

const caseOutcomes = ['completed', 'withdrawn'] as const;

export function CloseCaseDialog({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { hall } = useWork();
  const item = hall.cases.find((c) => c.id === caseId);
  const allDone = item?.steps.every((s) => s.doneAt !== null) ?? false;
  const [outcome, setOutcome] = useState<CaseOutcome>(allDone ? 'completed' : 'withdrawn');
  const [result, setResult] = useState('');
  const command = useDialogCommand('closeCase', 'case:close');
  return (
    <Dialog
      {...command.dialog}
      title={t('case.closeTitle', { number: item?.number ?? '' })}
      confirmLabel={t('case.close')}
      onConfirm={() => void command.send({ caseId, outcome, result: result.trim() })}
      confirmDisabled={!longEnough(result)}
      testId="close-case-dialog"
    >
      <Choices
        name="outcome"
        options={caseOutcomes}
        value={outcome}
        onChange={setOutcome}
        label={(o) => t(`caseOutcome.${o}`)}
      />
      {outcome === 'completed' && !allDone && <p className="muted">{t('case.stepsPending')}</p>}
      <TextField
        label={t('case.result')}
        value={result}
        onChange={setResult}
        maxLength={500}
        lines
      />
    </Dialog>
  );
}

export function CreateTaskDialog(props: { caseId: string | null; ticketId: string | null }) {
  const { t } = useTranslation();
  const { hall, me } = useWork();
  const cases = openCasesOwnedBy(hall, me.id);
  const [text, setText] = useState('');
  const [caseId, setCaseId] = useState(props.caseId ?? '');
  const [due, setDue] = useState(() =>
    toDateTimeInput(taskPromisedAt(hall.config), hall.config.timeZone),
  );
  const command = useDialogCommand('createTask', 'task:create');
  const dueAt = fromDateTimeInput(due, hall.config.timeZone);
  const ticket = props.ticketId ? hall.tickets.find((x) => x.id === props.ticketId) : undefined;
  function confirm() {
    if (dueAt === null) return;
    void command.send({
      text: text.trim(),
      dueAt,
      ...(caseId ? { caseId } : {}),
      ...(props.ticketId ? { ticketId: props.ticketId } : {}),
    });
  }
  return (
    <Dialog
      {...command.dialog}
      title={t('task.new')}
      confirmLabel={t('task.send')}
      onConfirm={confirm}
      confirmDisabled={!longEnough(text) || dueAt === null}
      testId="task-dialog"
    >
      <TextField label={t('task.text')} value={text} onChange={setText} maxLength={500} lines />
      <div className="row">
        <DateTimeField label={t('task.due')} value={due} onChange={setDue} />
        <label>
          {t('task.case')}
          <select
            value={caseId}
            onChange={(e) => setCaseId(e.target.value)}
            aria-label={t('task.case')}
          >
            <option value="">{t('task.noCase')}</option>
            {cases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.number} {c.summary}
              </option>
            ))}
          </select>
        </label>
      </div>
      {ticket && <p className="muted">{t('task.forVisit', { number: ticket.number })}</p>}
    </Dialog>
  );
}

export function CloseFollowUpDialog({ followUpId }: { followUpId: string }) {
  const { t } = useTranslation();
  const [result, setResult] = useState('');
  const command = useDialogCommand('closeFollowUp', 'follow-up:close');
  return (
    <Dialog
      {...command.dialog}
      title={t('followUp.close')}
      confirmLabel={t('followUp.close')}
      onConfirm={() => void command.send({ followUpId, result: result.trim() })}
      confirmDisabled={!longEnough(result)}
      testId="follow-up-dialog"
    >
      <TextField
        label={t('followUp.result')}
        value={result}
        onChange={setResult}
        maxLength={500}
        lines
      />
    </Dialog>
  );
}

export function CancelTaskDialog({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const command = useDialogCommand('cancelTask', 'task:cancel');
  return (
    <Dialog
      {...command.dialog}
      title={t('task.withdraw')}
      confirmLabel={t('task.withdraw')}
      onConfirm={() => void command.send({ taskId, reason: reason.trim() })}
      confirmDisabled={!longEnough(reason)}
      testId="cancel-task-dialog"
    >
      <TextField
        label={t('task.withdrawReason')}
        value={reason}
        onChange={setReason}
        maxLength={200}
      />
    </Dialog>
  );
}

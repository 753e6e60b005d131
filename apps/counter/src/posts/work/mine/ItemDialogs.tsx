import type { CaseOutcome } from '@onestop/shared';
import { Dialog } from '@onestop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, usePending } from '../../../common/desk';
import { fromDateTimeInput, toDateTimeInput } from '../../../common/format';
import { openCasesOwnedBy } from '../../../common/hall-selectors';
import { CaseFields, useCaseFields } from '../workstation/CaseFields';
import { useWork, useWorkstationStore } from '../workstation/work-context';

// Dialogs for the first handler's items: open a case, advance or close it, ask the back office,
// close a follow-up, withdraw a support task.

function useClose() {
  const store = useWorkstationStore();
  return () => store.setState({ dialog: null });
}

export function OpenCaseDialog({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const { runner } = useDesk();
  const { hall } = useWork();
  const close = useClose();
  const ticket = hall.tickets.find((x) => x.id === ticketId);
  const fields = useCaseFields(ticket);
  const pending = usePending('openCase');
  async function confirm() {
    const ack = await runner.run('openCase', 'case:open', fields.payload(ticketId));
    if (ack?.ok) close();
  }
  return (
    <Dialog
      title={t('case.openFor', { number: ticket?.number ?? '' })}
      confirmLabel={t('action.openCase')}
      onCancel={close}
      onConfirm={() => void confirm()}
      pending={pending}
      confirmDisabled={!fields.ready}
      testId="open-case-dialog"
    >
      <CaseFields fields={fields} />
    </Dialog>
  );
}

export function AdvanceCaseDialog({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const { runner } = useDesk();
  const { hall } = useWork();
  const close = useClose();
  const item = hall.cases.find((c) => c.id === caseId);
  const step = item?.steps.find((s) => s.doneAt === null);
  const [note, setNote] = useState('');
  const pending = usePending('advanceCase');
  async function confirm() {
    const ack = await runner.run('advanceCase', 'case:advance', {
      caseId,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    if (ack?.ok) close();
  }
  const stepName = step ? (i18n.language === 'zh' ? step.nameZh : step.nameEn) : '';
  return (
    <Dialog
      title={t('case.advanceTitle', { number: item?.number ?? '', step: stepName })}
      confirmLabel={t('case.advance')}
      onCancel={close}
      onConfirm={() => void confirm()}
      pending={pending}
      testId="advance-case-dialog"
    >
      <label>
        {t('case.stepNote')}
        <input
          value={note}
          maxLength={200}
          onChange={(e) => setNote(e.target.value)}
          aria-label={t('case.stepNote')}
        />
      </label>
    </Dialog>
  );
}

export function CloseCaseDialog({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { runner } = useDesk();
  const { hall } = useWork();
  const close = useClose();
  const item = hall.cases.find((c) => c.id === caseId);
  const allDone = item?.steps.every((s) => s.doneAt !== null) ?? false;
  const [outcome, setOutcome] = useState<CaseOutcome>(allDone ? 'completed' : 'withdrawn');
  const [result, setResult] = useState('');
  const pending = usePending('closeCase');
  async function confirm() {
    const ack = await runner.run('closeCase', 'case:close', {
      caseId,
      outcome,
      result: result.trim(),
    });
    if (ack?.ok) close();
  }
  return (
    <Dialog
      title={t('case.closeTitle', { number: item?.number ?? '' })}
      confirmLabel={t('case.close')}
      onCancel={close}
      onConfirm={() => void confirm()}
      pending={pending}
      confirmDisabled={result.trim().length < 2}
      testId="close-case-dialog"
    >
      <fieldset className="choices">
        {(['completed', 'withdrawn'] as const).map((o) => (
          <label key={o} className="choice">
            <input
              type="radio"
              name="outcome"
              checked={outcome === o}
              onChange={() => setOutcome(o)}
            />
            {t(`caseOutcome.${o}`)}
          </label>
        ))}
      </fieldset>
      {outcome === 'completed' && !allDone && <p className="muted">{t('case.stepsPending')}</p>}
      <label>
        {t('case.result')}
        <textarea
          value={result}
          maxLength={500}
          onChange={(e) => setResult(e.target.value)}
          aria-label={t('case.result')}
        />
      </label>
    </Dialog>
  );
}

export function CreateTaskDialog(props: { caseId: string | null; ticketId: string | null }) {
  const { t } = useTranslation();
  const { runner } = useDesk();
  const { hall, me } = useWork();
  const close = useClose();
  const cases = openCasesOwnedBy(hall, me.id);
  const [text, setText] = useState('');
  const [caseId, setCaseId] = useState(props.caseId ?? '');
  const [due, setDue] = useState(() => toDateTimeInput(Date.now() + 2 * 3_600_000));
  const pending = usePending('createTask');
  const dueAt = fromDateTimeInput(due);
  const ticket = props.ticketId ? hall.tickets.find((x) => x.id === props.ticketId) : undefined;
  async function confirm() {
    if (dueAt === null) return;
    const ack = await runner.run('createTask', 'task:create', {
      text: text.trim(),
      dueAt,
      ...(caseId ? { caseId } : {}),
      ...(props.ticketId ? { ticketId: props.ticketId } : {}),
    });
    if (ack?.ok) close();
  }
  return (
    <Dialog
      title={t('task.new')}
      confirmLabel={t('task.send')}
      onCancel={close}
      onConfirm={() => void confirm()}
      pending={pending}
      confirmDisabled={text.trim().length < 2 || dueAt === null}
      testId="task-dialog"
    >
      <label>
        {t('task.text')}
        <textarea
          value={text}
          maxLength={500}
          onChange={(e) => setText(e.target.value)}
          aria-label={t('task.text')}
        />
      </label>
      <div className="row">
        <label>
          {t('task.due')}
          <input
            type="datetime-local"
            value={due}
            onChange={(e) => setDue(e.target.value)}
            aria-label={t('task.due')}
          />
        </label>
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
  const { runner } = useDesk();
  const close = useClose();
  const [result, setResult] = useState('');
  const pending = usePending('closeFollowUp');
  async function confirm() {
    const ack = await runner.run('closeFollowUp', 'follow-up:close', {
      followUpId,
      result: result.trim(),
    });
    if (ack?.ok) close();
  }
  return (
    <Dialog
      title={t('followUp.close')}
      confirmLabel={t('followUp.close')}
      onCancel={close}
      onConfirm={() => void confirm()}
      pending={pending}
      confirmDisabled={result.trim().length < 2}
      testId="follow-up-dialog"
    >
      <label>
        {t('followUp.result')}
        <textarea
          value={result}
          maxLength={500}
          onChange={(e) => setResult(e.target.value)}
          aria-label={t('followUp.result')}
        />
      </label>
    </Dialog>
  );
}

export function CancelTaskDialog({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const { runner } = useDesk();
  const close = useClose();
  const [reason, setReason] = useState('');
  const pending = usePending('cancelTask');
  async function confirm() {
    const ack = await runner.run('cancelTask', 'task:cancel', { taskId, reason: reason.trim() });
    if (ack?.ok) close();
  }
  return (
    <Dialog
      title={t('task.withdraw')}
      confirmLabel={t('task.withdraw')}
      onCancel={close}
      onConfirm={() => void confirm()}
      pending={pending}
      confirmDisabled={reason.trim().length < 2}
      testId="cancel-task-dialog"
    >
      <label>
        {t('task.withdrawReason')}
        <input
          value={reason}
          maxLength={200}
          onChange={(e) => setReason(e.target.value)}
          aria-label={t('task.withdrawReason')}
        />
      </label>
    </Dialog>
  );
}

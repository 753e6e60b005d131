import type { PromiseSubjectRef, PromiseToldInput } from '@onestop/shared';
import { Dialog, formatDateTime, fromDateTimeInput, langOf, toDateTimeInput } from '@onestop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useNow, usePending } from '../../../common/desk';
import { longEnough } from '../workstation/contact-rules';
import { Choices, DateTimeField, TextField } from '../workstation/dialog-kit';
import { useWork, useWorkstationStore } from '../workstation/work-context';

// 改约: the owner records a new promised time with a reason and tells the customer, by a
// notification or by a call they made. A customer who cannot be notified (promise_not_told)
// keeps the dialog open, asking for the call, with "I called them" chosen.

const toldOptions = ['notify', 'call_logged'] as const;
const HOUR = 3_600_000;

export function ResetPromiseDialog({ subject }: { subject: PromiseSubjectRef }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const { hall } = useWork();
  const { runner } = useDesk();
  const store = useWorkstationStore();
  const pending = usePending('resetPromise');
  const now = useNow();
  const item =
    subject.kind === 'case'
      ? hall.cases.find((c) => c.id === subject.id)
      : hall.tasks.find((x) => x.id === subject.id);
  const label = !item ? '' : 'number' in item ? item.number : item.text.slice(0, 24);
  const currentDue = item?.dueAt ?? now;
  const [due, setDue] = useState(() =>
    toDateTimeInput(Math.max(currentDue, now) + 24 * HOUR, hall.config.timeZone),
  );
  const [reason, setReason] = useState('');
  const [told, setTold] = useState<PromiseToldInput>('notify');
  const [notTold, setNotTold] = useState(false);
  const newDueAt = fromDateTimeInput(due, hall.config.timeZone);
  const later = newDueAt !== null && newDueAt > now && newDueAt > currentDue;
  const close = () => store.setState({ dialog: null });

  async function confirm() {
    if (newDueAt === null) return;
    const ack = await runner.run('resetPromise', 'promise:reset', {
      subject,
      newDueAt,
      reason: reason.trim(),
      told,
    });
    if (ack?.ok) {
      close();
    } else if (ack && ack.code === 'promise_not_told') {
      setNotTold(true);
      setTold('call_logged');
      runner.clearRefusal();
    }
  }

  return (
    <Dialog
      onCancel={close}
      pending={pending}
      title={t('promise.resetTitle', { label })}
      confirmLabel={t('promise.reset')}
      onConfirm={() => void confirm()}
      confirmDisabled={!later || !longEnough(reason)}
      testId="reset-promise-dialog"
    >
      <p className="muted">
        {t('promise.current', { time: formatDateTime(currentDue, hall.config.timeZone, lang) })}
      </p>
      <DateTimeField label={t('promise.newTime')} value={due} onChange={setDue} invalid={!later} />
      {!later && <p className="warn">{t('promise.mustBeLater')}</p>}
      <TextField
        label={t('promise.reason')}
        value={reason}
        onChange={setReason}
        maxLength={200}
        lines
      />
      <Choices
        name="told"
        legend={t('promise.told')}
        options={toldOptions}
        value={told}
        onChange={setTold}
        label={(o) => t(`promise.toldOption.${o}`)}
      />
      {notTold && (
        <p className="warn" role="alert" data-testid="promise-not-told">
          {t('promise.notTold')}
        </p>
      )}
    </Dialog>
  );
}

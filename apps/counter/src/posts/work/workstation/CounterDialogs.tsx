import { Dialog, formatDuration, langOf } from '@onestop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../../common/desk';
import { callableAt, named, serviceById } from '../../../common/hall-selectors';
import { Choices, useDialogCommand } from './dialog-kit';
import { useWork } from './work-context';

// The counter's own dialogs: call a particular waiting ticket, pause the counter with a reason.

export function CallTicketDialog() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const { hall, counter } = useWork();
  const now = useNow(5000);
  const [filter, setFilter] = useState('');
  const command = useDialogCommand('callTicket', 'ticket:call');
  const waiting = (counter ? callableAt(hall, counter) : []).filter((x) =>
    x.number.toUpperCase().includes(filter.trim().toUpperCase()),
  );
  const call = (ticketId: string) => void command.send({ ticketId });
  return (
    <Dialog
      {...command.dialog}
      title={t('callTicket.title')}
      confirmLabel={t('callTicket.callFirst')}
      onConfirm={() => waiting[0] && call(waiting[0].id)}
      confirmDisabled={waiting.length === 0}
      testId="call-ticket-dialog"
    >
      <input
        value={filter}
        placeholder={t('callTicket.filter')}
        aria-label={t('callTicket.filter')}
        onChange={(e) => setFilter(e.target.value)}
      />
      {waiting.length === 0 ? (
        <p className="muted empty">{t('callTicket.none')}</p>
      ) : (
        <ul className="pick-list">
          {waiting.slice(0, 30).map((x) => (
            <li key={x.id}>
              <strong>{x.number}</strong> {named(serviceById(hall, x.serviceId), lang)}{' '}
              <span className="muted">
                {t('callTicket.waited', { time: formatDuration((now - x.issuedAt) / 1000, lang) })}
              </span>
              {x.priority !== 'normal' && (
                <span className="badge priority">{t(`priority.${x.priority}`)}</span>
              )}
              {x.returning && <span className="badge">{t('priority.returning')}</span>}
              <button type="button" disabled={command.pending} onClick={() => call(x.id)}>
                {t('callTicket.call')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}

const pauseReasons = ['break', 'meeting', 'system', 'other'] as const;

export function PauseDialog() {
  const { t } = useTranslation();
  const command = useDialogCommand('pauseCounter', 'counter:pause');
  const [reason, setReason] = useState<(typeof pauseReasons)[number]>('break');
  return (
    <Dialog
      {...command.dialog}
      title={t('pause.title')}
      confirmLabel={t('action.pauseCounter')}
      onConfirm={() => void command.send({ reason })}
      testId="pause-dialog"
    >
      <Choices
        name="reason"
        options={pauseReasons}
        value={reason}
        onChange={setReason}
        label={(r) => t(`pause.${r}`)}
      />
    </Dialog>
  );
}

import { Dialog, langOf } from '@onestop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { named } from '../../../common/hall-selectors';
import { accountNoOk, longEnough, phoneOk } from './contact-rules';
import { Choices, DigitsField, TextField, useDialogCommand } from './dialog-kit';
import { useWork } from './work-context';

// The dialogs that ask for more before a ticket command: transfer, park, walk-in. (Finishing is
// in FinishDialog, calling a ticket and pausing in CounterDialogs.)

const transferKinds = ['service', 'counter'] as const;

export function TransferDialog({ ticketId }: { ticketId: string }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const { hall, counter } = useWork();
  const ticket = hall.tickets.find((x) => x.id === ticketId);
  const [kind, setKind] = useState<'service' | 'counter'>('service');
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const command = useDialogCommand('transfer', 'ticket:transfer');
  const services = hall.services.filter((s) => s.active);
  const counters = hall.counters.filter((c) => c.id !== counter?.id);
  const confirm = () =>
    command.send({
      ticketId,
      to: kind === 'service' ? { serviceId: target } : { counterId: target },
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  return (
    <Dialog
      {...command.dialog}
      title={t('transfer.title', { number: ticket?.number ?? '' })}
      confirmLabel={t('action.transfer')}
      onConfirm={() => void confirm()}
      confirmDisabled={target === ''}
      testId="transfer-dialog"
    >
      <Choices
        name="kind"
        options={transferKinds}
        value={kind}
        onChange={(k) => {
          setKind(k);
          setTarget('');
        }}
        label={(k) => t(`transfer.to_${k}`)}
      />
      <label>
        {t(`transfer.to_${kind}`)}
        <select
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          aria-label={t(`transfer.to_${kind}`)}
        >
          <option value="">{t('common.choose')}</option>
          {kind === 'service'
            ? services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.prefix} {named(s, lang)}
                </option>
              ))
            : counters.map((c) => (
                <option key={c.id} value={c.id}>
                  {t('counter.number', { number: c.number })} · {t(`counter.${c.state}`)}
                </option>
              ))}
        </select>
      </label>
      <TextField label={t('transfer.note')} value={note} onChange={setNote} maxLength={200} />
      <p className="muted">{t('transfer.ownerKept')}</p>
    </Dialog>
  );
}

const quickParkReasons = ['fetchDocuments', 'copy', 'payElsewhere', 'waitForSystem'] as const;

export function ParkDialog({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const { hall } = useWork();
  const ticket = hall.tickets.find((x) => x.id === ticketId);
  const [reason, setReason] = useState('');
  const command = useDialogCommand('park', 'ticket:park');
  return (
    <Dialog
      {...command.dialog}
      title={t('park.title', { number: ticket?.number ?? '' })}
      confirmLabel={t('action.park')}
      onConfirm={() => void command.send({ ticketId, reason: reason.trim() })}
      confirmDisabled={!longEnough(reason)}
      testId="park-dialog"
    >
      <div className="quick-picks">
        {quickParkReasons.map((q) => (
          <button key={q} type="button" onClick={() => setReason(t(`park.${q}`))}>
            {t(`park.${q}`)}
          </button>
        ))}
      </div>
      <TextField label={t('park.reason')} value={reason} onChange={setReason} maxLength={200} />
    </Dialog>
  );
}

export function WalkInDialog() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const { hall, counter } = useWork();
  const own = counter?.serviceIds ?? [];
  const services = hall.services
    .filter((s) => s.active)
    .sort(
      (a, b) =>
        Number(own.includes(b.id)) - Number(own.includes(a.id)) || a.sortOrder - b.sortOrder,
    );
  const [serviceId, setServiceId] = useState(services.find((s) => own.includes(s.id))?.id ?? '');
  const [phone, setPhone] = useState('');
  const [accountNo, setAccountNo] = useState('');
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const command = useDialogCommand('walkIn', 'ticket:walk-in');
  const confirm = () =>
    command.send({
      serviceId,
      customer: { phone: phone || null, accountNo: accountNo || null, name: name.trim() || null },
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  return (
    <Dialog
      {...command.dialog}
      title={t('walkIn.title')}
      confirmLabel={t('walkIn.confirm')}
      onConfirm={() => void confirm()}
      confirmDisabled={serviceId === '' || !phoneOk(phone) || !accountNoOk(accountNo)}
      testId="walk-in-dialog"
    >
      <label>
        {t('queue.service')}
        <select
          value={serviceId}
          onChange={(e) => setServiceId(e.target.value)}
          aria-label={t('queue.service')}
        >
          {services.map((s) => (
            <option key={s.id} value={s.id}>
              {s.prefix} {named(s, lang)}
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        <DigitsField
          label={t('customer.phone')}
          value={phone}
          onChange={setPhone}
          valid={phoneOk(phone)}
        />
        <DigitsField
          label={t('customer.accountNo')}
          value={accountNo}
          onChange={setAccountNo}
          valid={accountNoOk(accountNo)}
        />
        <TextField label={t('customer.name')} value={name} onChange={setName} maxLength={40} />
      </div>
      <TextField label={t('walkIn.note')} value={note} onChange={setNote} maxLength={200} />
      <p className="muted">{t('walkIn.ownerHint')}</p>
    </Dialog>
  );
}

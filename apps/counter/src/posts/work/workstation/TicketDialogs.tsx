import type { TicketOutcome } from '@onestop/shared';
import { Dialog } from '@onestop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useNow, usePending } from '../../../common/desk';
import { formatDuration, langOf } from '../../../common/format';
import { callableAt, named, serviceById } from '../../../common/hall-selectors';
import { suggestedItems } from './business-items';
import { CaseFields, useCaseFields } from './CaseFields';
import { useWork, useWorkstationStore } from './work-context';

// The dialogs that ask for more before a ticket command: finish, transfer, park, walk-in,
// call a specific ticket, pause the counter.

function useClose() {
  const store = useWorkstationStore();
  return () => store.setState({ dialog: null });
}

export function FinishDialog({ ticketId }: { ticketId: string }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const { runner } = useDesk();
  const { hall } = useWork();
  const close = useClose();
  const ticket = hall.tickets.find((x) => x.id === ticketId);
  const service = ticket && serviceById(hall, ticket.serviceId);
  const hasCase = hall.cases.some((c) => c.ticketId === ticketId);
  const [outcome, setOutcome] = useState<TicketOutcome>(hasCase ? 'case_opened' : 'completed');
  const [items, setItems] = useState<string[]>([]);
  const [extra, setExtra] = useState('');
  const caseFields = useCaseFields(ticket);
  const finishing = usePending('finish');
  const opening = usePending('openCaseOnFinish');
  const pending = finishing || opening;
  const needsCase = outcome === 'case_opened' && !hasCase;
  const toggle = (item: string) =>
    setItems((list) => (list.includes(item) ? list.filter((i) => i !== item) : [...list, item]));

  async function confirm() {
    if (!ticket) return;
    if (needsCase) {
      const opened = await runner.run(
        'openCaseOnFinish',
        'case:open',
        caseFields.payload(ticket.id),
      );
      if (!opened?.ok) return;
    }
    const done = await runner.run('finish', 'ticket:finish', { ticketId, outcome, items });
    if (done?.ok) close();
  }

  return (
    <Dialog
      title={t('finish.title', { number: ticket?.number ?? '' })}
      confirmLabel={t('action.finish')}
      onCancel={close}
      onConfirm={() => void confirm()}
      pending={pending}
      confirmDisabled={needsCase && !caseFields.ready}
      testId="finish-dialog"
    >
      <fieldset className="choices">
        <legend>{t('finish.outcome')}</legend>
        {(['completed', 'case_opened', 'referred'] as const).map((o) => (
          <label key={o} className="choice">
            <input
              type="radio"
              name="outcome"
              checked={outcome === o}
              onChange={() => setOutcome(o)}
            />
            {t(`outcome.${o}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="choices">
        <legend>{t('finish.items')}</legend>
        {[...new Set([...suggestedItems(service?.category, lang), ...items])].map((item) => (
          <label key={item} className="choice">
            <input type="checkbox" checked={items.includes(item)} onChange={() => toggle(item)} />
            {item}
          </label>
        ))}
        <span className="add-item">
          <input
            value={extra}
            maxLength={60}
            placeholder={t('finish.otherItem')}
            aria-label={t('finish.otherItem')}
            onChange={(e) => setExtra(e.target.value)}
          />
          <button
            type="button"
            disabled={extra.trim().length === 0 || items.length >= 20}
            onClick={() => {
              if (!items.includes(extra.trim())) setItems([...items, extra.trim()]);
              setExtra('');
            }}
          >
            {t('finish.add')}
          </button>
        </span>
      </fieldset>
      {outcome === 'case_opened' &&
        (hasCase ? (
          <p className="muted">{t('finish.caseAlreadyOpen')}</p>
        ) : (
          <CaseFields fields={caseFields} />
        ))}
      <p className="muted">{t('finish.padHint')}</p>
    </Dialog>
  );
}

export function TransferDialog({ ticketId }: { ticketId: string }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const { runner } = useDesk();
  const { hall, counter } = useWork();
  const close = useClose();
  const ticket = hall.tickets.find((x) => x.id === ticketId);
  const [kind, setKind] = useState<'service' | 'counter'>('service');
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const pending = usePending('transfer');
  const services = hall.services.filter((s) => s.active);
  const counters = hall.counters.filter((c) => c.id !== counter?.id);
  async function confirm() {
    const to = kind === 'service' ? { serviceId: target } : { counterId: target };
    const trimmed = note.trim();
    const ack = await runner.run('transfer', 'ticket:transfer', {
      ticketId,
      to,
      ...(trimmed ? { note: trimmed } : {}),
    });
    if (ack?.ok) close();
  }
  return (
    <Dialog
      title={t('transfer.title', { number: ticket?.number ?? '' })}
      confirmLabel={t('action.transfer')}
      onCancel={close}
      onConfirm={() => void confirm()}
      pending={pending}
      confirmDisabled={target === ''}
      testId="transfer-dialog"
    >
      <fieldset className="choices">
        {(['service', 'counter'] as const).map((k) => (
          <label key={k} className="choice">
            <input
              type="radio"
              name="kind"
              checked={kind === k}
              onChange={() => {
                setKind(k);
                setTarget('');
              }}
            />
            {t(`transfer.to_${k}`)}
          </label>
        ))}
      </fieldset>
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
      <label>
        {t('transfer.note')}
        <input
          value={note}
          maxLength={200}
          onChange={(e) => setNote(e.target.value)}
          aria-label={t('transfer.note')}
        />
      </label>
      <p className="muted">{t('transfer.ownerKept')}</p>
    </Dialog>
  );
}

export function ParkDialog({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const { runner } = useDesk();
  const { hall } = useWork();
  const close = useClose();
  const ticket = hall.tickets.find((x) => x.id === ticketId);
  const [reason, setReason] = useState('');
  const pending = usePending('park');
  const quick = ['fetchDocuments', 'copy', 'payElsewhere', 'waitForSystem'] as const;
  async function confirm() {
    const ack = await runner.run('park', 'ticket:park', { ticketId, reason: reason.trim() });
    if (ack?.ok) close();
  }
  return (
    <Dialog
      title={t('park.title', { number: ticket?.number ?? '' })}
      confirmLabel={t('action.park')}
      onCancel={close}
      onConfirm={() => void confirm()}
      pending={pending}
      confirmDisabled={reason.trim().length < 2}
      testId="park-dialog"
    >
      <div className="quick-picks">
        {quick.map((q) => (
          <button key={q} type="button" onClick={() => setReason(t(`park.${q}`))}>
            {t(`park.${q}`)}
          </button>
        ))}
      </div>
      <label>
        {t('park.reason')}
        <input
          value={reason}
          maxLength={200}
          onChange={(e) => setReason(e.target.value)}
          aria-label={t('park.reason')}
        />
      </label>
    </Dialog>
  );
}

export function WalkInDialog() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const { runner } = useDesk();
  const { hall, counter } = useWork();
  const close = useClose();
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
  const pending = usePending('walkIn');
  const phoneOk = phone === '' || /^1\d{10}$|^0\d{9,11}$/.test(phone);
  const accountOk = accountNo === '' || /^\d{6,20}$/.test(accountNo);
  async function confirm() {
    const ack = await runner.run('walkIn', 'ticket:walk-in', {
      serviceId,
      customer: { phone: phone || null, accountNo: accountNo || null, name: name.trim() || null },
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    if (ack?.ok) close();
  }
  return (
    <Dialog
      title={t('walkIn.title')}
      confirmLabel={t('walkIn.confirm')}
      onCancel={close}
      onConfirm={() => void confirm()}
      pending={pending}
      confirmDisabled={serviceId === '' || !phoneOk || !accountOk}
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
        <label>
          {t('customer.phone')}
          <input
            value={phone}
            inputMode="numeric"
            onChange={(e) => setPhone(e.target.value.replace(/\D/g, ''))}
            aria-label={t('customer.phone')}
            aria-invalid={!phoneOk}
          />
        </label>
        <label>
          {t('customer.accountNo')}
          <input
            value={accountNo}
            inputMode="numeric"
            onChange={(e) => setAccountNo(e.target.value.replace(/\D/g, ''))}
            aria-label={t('customer.accountNo')}
            aria-invalid={!accountOk}
          />
        </label>
        <label>
          {t('customer.name')}
          <input
            value={name}
            maxLength={40}
            onChange={(e) => setName(e.target.value)}
            aria-label={t('customer.name')}
          />
        </label>
      </div>
      <label>
        {t('walkIn.note')}
        <input
          value={note}
          maxLength={200}
          onChange={(e) => setNote(e.target.value)}
          aria-label={t('walkIn.note')}
        />
      </label>
      <p className="muted">{t('walkIn.ownerHint')}</p>
    </Dialog>
  );
}

export function CallTicketDialog() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const { runner } = useDesk();
  const { hall, counter } = useWork();
  const close = useClose();
  const now = useNow(5000);
  const [filter, setFilter] = useState('');
  const pending = usePending('callTicket');
  const waiting = (counter ? callableAt(hall, counter) : []).filter((x) =>
    x.number.toUpperCase().includes(filter.trim().toUpperCase()),
  );
  async function call(ticketId: string) {
    const ack = await runner.run('callTicket', 'ticket:call', { ticketId });
    if (ack?.ok) close();
  }
  return (
    <Dialog
      title={t('callTicket.title')}
      confirmLabel={t('callTicket.callFirst')}
      onCancel={close}
      onConfirm={() => waiting[0] && void call(waiting[0].id)}
      pending={pending}
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
              <button type="button" disabled={pending} onClick={() => void call(x.id)}>
                {t('callTicket.call')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}

export function PauseDialog() {
  const { t } = useTranslation();
  const { runner } = useDesk();
  const close = useClose();
  const pending = usePending('pauseCounter');
  const [reason, setReason] = useState<'break' | 'meeting' | 'system' | 'other'>('break');
  async function confirm() {
    const ack = await runner.run('pauseCounter', 'counter:pause', { reason });
    if (ack?.ok) close();
  }
  return (
    <Dialog
      title={t('pause.title')}
      confirmLabel={t('action.pauseCounter')}
      onCancel={close}
      onConfirm={() => void confirm()}
      pending={pending}
      testId="pause-dialog"
    >
      <fieldset className="choices">
        {(['break', 'meeting', 'system', 'other'] as const).map((r) => (
          <label key={r} className="choice">
            <input
              type="radio"
              name="reason"
              checked={reason === r}
              onChange={() => setReason(r)}
            />
            {t(`pause.${r}`)}
          </label>
        ))}
      </fieldset>
    </Dialog>
  );
}

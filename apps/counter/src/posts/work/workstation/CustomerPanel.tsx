import type { CustomerContext, PathStep, Snapshot } from '@onestop/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useOnline } from '../../../common/desk';
import { formatClock, formatDateTime, langOf, useScanner } from '@onestop/ui';
import { counterById, named, serviceById, staffById } from '../../../common/hall-selectors';
import { pathEvent } from '../../../common/path-labels';
import { useQuery } from '../../../common/use-query';
import { NotificationLog } from './NotificationLog';
import { useWork, useWorkstation } from './work-context';

// One-stop context: the guide's note and this visit's path, and by account number or phone
// the customer's earlier visits, open cases and opinions.

type Lookup = { accountNo: string } | { phone: string };

export function CustomerPanel() {
  const { t } = useTranslation();
  const { current, parked } = useWork();
  const ticket = current ?? parked[0] ?? null;
  const online = useOnline();
  const [lookup, setLookup] = useState<Lookup | null>(null);
  useEffect(() => setLookup(null), [ticket?.id]);
  const payload = lookup ?? (ticket ? { ticketId: ticket.id } : null);
  const key = payload && online ? `${JSON.stringify(payload)}:${ticket?.changeSeq ?? ''}` : null;
  const context = useQuery('customer:context', payload, key);
  return (
    <div className="customer-panel" data-testid="customer-panel">
      <LookupForm onLookup={setLookup} disabled={!online} />
      {payload === null ? (
        <p className="muted empty">{t('customer.empty')}</p>
      ) : context.data === null ? (
        <p className="muted">
          {context.error ? t(`errors.${context.error}`) : t('common.loading')}
        </p>
      ) : (
        <>
          <ContextView context={context.data} stale={!online} />
          <NotificationLog
            who={payload}
            hasPhone={
              'phone' in payload || ('ticketId' in payload && !!context.data.customer.phone)
            }
          />
        </>
      )}
    </div>
  );
}

function LookupForm({
  onLookup,
  disabled,
}: {
  onLookup: (l: Lookup | null) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const focus = useWorkstation((s) => s.lookupFocus);
  useEffect(() => {
    if (focus > 0) input.current?.focus();
  }, [focus]);
  const { connection } = useDesk();
  const [scanProblem, setScanProblem] = useState<string | null>(null);
  // The customer's bill scanned at the counter (docs/customer-identification.md): the hall reads
  // it, and the customer's history (their cases and who owns them) is looked up by its account.
  useScanner((code) => {
    void (async () => {
      const source = /^https?:\/\//i.test(code) ? 'qr' : 'barcode';
      const ack = await connection.send(
        'customer:identify',
        { source, value: code },
        { giveUpAfterMs: 8000 },
      );
      if (!ack.ok) return setScanProblem(t(`errors.${ack.code}`, { defaultValue: ack.message }));
      const scanned = ack.data.accountNo;
      if (!scanned) return;
      setScanProblem(null);
      setValue(scanned);
      onLookup({ accountNo: scanned });
    })();
  }, !disabled);
  const phone = /^1\d{10}$|^0\d{9,11}$/.test(value);
  const account = !phone && /^\d{6,20}$/.test(value);
  return (
    <form
      className="lookup"
      onSubmit={(e) => {
        e.preventDefault();
        if (phone) onLookup({ phone: value });
        else if (account) onLookup({ accountNo: value });
      }}
    >
      <input
        ref={input}
        value={value}
        inputMode="numeric"
        placeholder={t('customer.lookupPlaceholder')}
        aria-label={t('customer.lookupPlaceholder')}
        onChange={(e) => setValue(e.target.value.replace(/\D/g, ''))}
      />
      {scanProblem && (
        <span className="hint-error" role="alert" data-testid="scan-problem">
          {scanProblem}
        </span>
      )}
      <button type="submit" disabled={disabled || !(phone || account)}>
        {t('customer.lookup')} <kbd>Alt+L</kbd>
      </button>
      {value && (
        <button
          type="button"
          className="link"
          onClick={() => {
            setValue('');
            onLookup(null);
          }}
        >
          {t('customer.backToVisit')}
        </button>
      )}
    </form>
  );
}

function ContextView({ context, stale }: { context: CustomerContext; stale: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const { hall } = useWork();
  const tz = hall.config.timeZone;
  const { customer } = context;
  const who = [customer.name, customer.phone, customer.accountNo].filter(Boolean).join(' · ');
  return (
    <div className={stale ? 'stale' : ''}>
      {stale && <span className="badge stale">{t('common.stale')}</span>}
      {context.ticket && (
        <section>
          <h4>{t('customer.thisVisit', { number: context.ticket.number })}</h4>
          {context.ticket.note && (
            <p className="guide-note">
              <strong>{t('work.guideNote')}</strong> {context.ticket.note}
            </p>
          )}
          <ol className="path" data-testid="visit-path">
            {context.path.map((step, i) => (
              <PathRow key={i} step={step} hall={hall} />
            ))}
          </ol>
        </section>
      )}
      <section>
        <h4>{t('customer.history')}</h4>
        <p className="muted">{who || t('customer.anonymous')}</p>
        {!customer.phone && !customer.accountNo ? (
          <p className="muted">{t('customer.noKey')}</p>
        ) : (
          <>
            <h5>{t('customer.visits', { count: context.visits.length })}</h5>
            <ul className="compact" data-testid="earlier-visits">
              {context.visits.map((v) => (
                <li key={v.id}>
                  {v.businessDay} <strong>{v.number}</strong>{' '}
                  {named(serviceById(hall, v.serviceId), lang)} · {t(`ticketState.${v.state}`)}
                  {v.outcome && ` · ${t(`outcome.${v.outcome}`)}`}
                  {v.ownerStaffId && ` · ${staffById(hall, v.ownerStaffId)?.name ?? ''}`}
                </li>
              ))}
            </ul>
            <h5>{t('customer.cases', { count: context.cases.length })}</h5>
            <ul className="compact" data-testid="customer-cases">
              {context.cases.map((c) => (
                <li key={c.id}>
                  <strong>{c.number}</strong> {c.summary} · {t(`caseState.${c.state}`)} ·{' '}
                  {staffById(hall, c.ownerStaffId)?.name ?? ''} · {t('due.by')}{' '}
                  {formatDateTime(c.dueAt, tz, lang)}
                </li>
              ))}
            </ul>
            <h5>{t('customer.opinions', { count: context.opinions.length })}</h5>
            <ul className="compact" data-testid="customer-opinions">
              {context.opinions.map((o) => (
                <li key={o.id}>
                  {formatDateTime(o.createdAt, tz, lang)} {t(`opinionCategory.${o.category}`)}:{' '}
                  {o.text} · {t(`opinionState.${o.state}`)}
                  {o.repeated && <span className="badge warn">{t('customer.repeated')}</span>}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}

function PathRow({ step, hall }: { step: PathStep; hall: Snapshot }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const event = pathEvent(step.fromState, step.toState);
  const counter = counterById(hall, step.counterId);
  const staff = staffById(hall, step.staffId);
  const service = serviceById(hall, step.serviceId);
  const detail =
    event === 'transferred'
      ? `→ ${service?.prefix ?? ''} ${named(service, lang)}`
      : event === 'finished' && step.reason
        ? t(`outcome.${step.reason}`, { defaultValue: step.reason })
        : event === 'recalled'
          ? ''
          : (step.reason ?? '');
  return (
    <li data-event={event}>
      <time>{formatClock(step.at, hall.config.timeZone)}</time>{' '}
      <strong>{t(`path.${event}`)}</strong>
      {counter && <span> · {t('counter.number', { number: counter.number })}</span>}
      {staff && <span> · {staff.name}</span>}
      {detail && <span className="muted"> · {detail}</span>}
    </li>
  );
}

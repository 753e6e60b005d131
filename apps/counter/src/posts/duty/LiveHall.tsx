import type { Counter, Device, DeviceKind, Service, Snapshot } from '@onestop/shared';
import { useTranslation } from 'react-i18next';
import { useNow, useOnline, useStaffView } from '../../common/desk';
import { localDay } from '../../common/due-status';
import { formatClock, formatDateTime, formatDuration, type Lang } from '../../common/format';
import { currentTicket, named, staffById, staffLabel } from '../../common/hall-selectors';
import { useQuery } from '../../common/use-query';
import { AlertsPanel } from './AlertsPanel';
import { useDialog } from './ConsoleDialog';
import {
  CounterServicesDialog,
  CounterStateDialog,
  NoticeDialog,
  SignOutDialog,
} from './CounterDialogs';
import { ago, levelOf, offlineSince, secondsSince, servedToday, waitingFor } from './timing';
import { useCallOrder } from './use-call-order';
import { usePresence } from './use-presence';

// The hall at a glance: every counter, every service's queue, the devices and who is on duty.
// All of it from the snapshot the desk keeps live; the estimated waits from `hall:queues`.

type CounterDialog =
  | { kind: 'state'; counter: Counter }
  | { kind: 'services'; counter: Counter }
  | { kind: 'signOut'; staffId: string }
  | { kind: 'notice' };

export function LiveHall({ canOverride }: { canOverride: boolean }) {
  return (
    <div className="live-hall" data-testid="live-hall">
      <div className="hall-main">
        <CountersBoard canOverride={canOverride} />
        {canOverride && <AlertsPanel canAcknowledge limit={8} />}
      </div>
      <div className="hall-side">
        <ServicesBoard />
        <OnDuty canOverride={canOverride} />
        <DevicesBoard />
      </div>
    </div>
  );
}

function CountersBoard({ canOverride }: { canOverride: boolean }) {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const online = useOnline();
  const now = useNow(5_000); // one clock for every card
  const dialog = useDialog<CounterDialog>();
  const order = useCallOrder();
  const d = dialog.open;
  return (
    <section className="card counters-board">
      <header className="panel-head">
        <h3>{t('console.hall.counters')}</h3>
        {!online && <span className="badge stale">{t('common.stale')}</span>}
        <span className="spacer" />
        <NoticeLine hall={hall} />
        {canOverride && (
          <button type="button" onClick={() => dialog.show({ kind: 'notice' })}>
            {t('console.notice.edit')}
          </button>
        )}
      </header>
      {hall.counters.length === 0 ? (
        <p className="muted empty">{t('console.hall.noCounters')}</p>
      ) : (
        <div className="counter-cards">
          {[...hall.counters]
            .sort((a, b) => a.number - b.number)
            .map((c) => (
              <CounterCard
                key={c.id}
                counter={c}
                now={now}
                next={order.data?.counters.find((x) => x.counterId === c.id)?.next}
                canOverride={canOverride}
                onState={() => dialog.show({ kind: 'state', counter: c })}
                onServices={() => dialog.show({ kind: 'services', counter: c })}
                onSignOut={(staffId) => dialog.show({ kind: 'signOut', staffId })}
              />
            ))}
        </div>
      )}
      {d?.kind === 'state' && <CounterStateDialog counter={d.counter} onClose={dialog.close} />}
      {d?.kind === 'services' && (
        <CounterServicesDialog counter={d.counter} onClose={dialog.close} />
      )}
      {d?.kind === 'signOut' && <SignOutDialog staffId={d.staffId} onClose={dialog.close} />}
      {d?.kind === 'notice' && <NoticeDialog onClose={dialog.close} />}
    </section>
  );
}

function NoticeLine({ hall }: { hall: Snapshot }) {
  const { t } = useTranslation();
  return (
    <span className="notice-line" data-testid="hall-notice">
      {t('console.notice.current')}
      {hall.config.notice ? (
        <strong>{hall.config.notice}</strong>
      ) : (
        <em>{t('console.notice.none')}</em>
      )}
    </span>
  );
}

function CounterCard(props: {
  counter: Counter;
  now: number;
  /** The tickets it calls next, from the hall's calling order (open counters). */
  next: string[] | undefined;
  canOverride: boolean;
  onState: () => void;
  onServices: () => void;
  onSignOut: (staffId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { hall } = useStaffView();
  const { counter, now } = props;
  const clerk = staffById(hall, counter.staffId);
  const ticket = currentTicket(hall, counter.id);
  const service = ticket ? hall.services.find((s) => s.id === ticket.serviceId) : undefined;
  const serving = ticket?.state === 'serving' && ticket.startedAt !== null;
  const elapsed = ticket
    ? secondsSince((serving ? ticket.startedAt : ticket.calledAt) ?? now, now)
    : 0;
  const level = serving && service ? levelOf(elapsed, service.targetHandleSec) : 'ok';
  const stateLabel =
    counter.state === 'paused' && counter.pauseReason
      ? t('counter.pausedFor', { reason: t(`pause.${counter.pauseReason}`) })
      : t(`counter.${counter.state}`);
  return (
    <article
      className={`counter-card ${counter.state} level-${level}`}
      data-testid="counter-card"
      data-counter={counter.number}
      data-state={counter.state}
    >
      <header>
        <strong>{t('counter.number', { number: counter.number })}</strong>
        <span className={`state-pill ${counter.state}`} data-testid="counter-card-state">
          {stateLabel}
        </span>
      </header>
      <div className="clerk-line">
        {clerk ? staffLabel(clerk) : <span className="muted">{t('console.hall.noClerk')}</span>}
      </div>
      <div className={`current-line level-${level}`} data-level={level}>
        {ticket ? (
          <>
            <span className="ticket-no">{ticket.number}</span>
            <span>{t(`ticketState.${ticket.state}`)}</span>
            <span className="num elapsed">
              {formatDuration(elapsed, lang)}
              {serving && service && (
                <small> / {formatDuration(service.targetHandleSec, lang)}</small>
              )}
            </span>
          </>
        ) : (
          <span className="muted">{t('console.hall.idle')}</span>
        )}
      </div>
      {counter.state === 'open' && props.next && (
        <div className="next-line" data-testid="counter-next">
          {t('console.order.next')}:{' '}
          {props.next.length === 0
            ? '—'
            : props.next
                .map((id) => hall.tickets.find((x) => x.id === id)?.number)
                .filter(Boolean)
                .join(' · ')}
        </div>
      )}
      <div className="served-line muted">
        {t('console.hall.served', { count: servedToday(hall, counter.id) })}
      </div>
      <div className="services-line muted" data-testid="counter-services">
        {counter.serviceIds
          .map((id) =>
            named(
              hall.services.find((s) => s.id === id),
              lang,
            ),
          )
          .join(lang === 'zh' ? '、' : ', ')}
      </div>
      {props.canOverride && (
        <footer>
          <button type="button" onClick={props.onState}>
            {t('console.override.counterState')}
          </button>
          <button type="button" onClick={props.onServices}>
            {t('console.override.counterServices')}
          </button>
          {counter.staffId && (
            <button type="button" onClick={() => props.onSignOut(counter.staffId!)}>
              {t('console.override.signOut')}
            </button>
          )}
        </footer>
      )}
    </article>
  );
}

function ServicesBoard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { hall } = useStaffView();
  const online = useOnline();
  const now = useNow(5_000);
  const tick = Math.floor(now / 15_000);
  const queues = useQuery('hall:queues', {}, online ? `${hall.seq}:${tick}` : null);
  const services = hall.services.filter((s) => s.active).sort((a, b) => a.sortOrder - b.sortOrder);
  return (
    <section className="card services-board" data-testid="services-board">
      <header className="panel-head">
        <h3>{t('console.hall.services')}</h3>
        {queues.error && <span className="badge bad">{t(`errors.${queues.error}`)}</span>}
      </header>
      {services.length === 0 ? (
        <p className="muted empty">{t('console.hall.noServices')}</p>
      ) : (
        <table className="grid-table">
          <thead>
            <tr>
              <th>{t('queue.service')}</th>
              <th>{t('queue.waiting')}</th>
              <th>{t('queue.longest')}</th>
              <th>{t('queue.estimate')}</th>
              <th>{t('console.hall.openCounters')}</th>
            </tr>
          </thead>
          <tbody>
            {services.map((s) => (
              <ServiceRow
                key={s.id}
                service={s}
                now={now}
                lang={lang}
                estimate={queues.data?.queues.find((q) => q.serviceId === s.id)}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ServiceRow(props: {
  service: Service;
  now: number;
  lang: Lang;
  estimate?: { estimatedWaitSec: number };
}) {
  const { hall } = useStaffView();
  const { service, now, lang } = props;
  const waiting = waitingFor(hall, service.id);
  const longest = waiting[0] ? secondsSince(waiting[0].queuedAt, now) : 0;
  const level = waiting.length > 0 ? levelOf(longest, service.targetWaitSec) : 'ok';
  const open = hall.counters.filter(
    (c) => c.state === 'open' && c.serviceIds.includes(service.id),
  ).length;
  return (
    <tr data-service={service.id} className={`level-${level}`} data-level={level}>
      <td>
        <b>{service.prefix}</b> {named(service, lang)}
      </td>
      <td className="num" data-testid="waiting-count">
        {waiting.length}
      </td>
      <td className="num">
        <span className={`level-text ${level}`}>
          {waiting.length > 0 ? formatDuration(longest, lang) : '—'}
        </span>
        <small> / {formatDuration(service.targetWaitSec, lang)}</small>
      </td>
      <td className="num">
        {props.estimate ? formatDuration(props.estimate.estimatedWaitSec, lang) : '—'}
      </td>
      <td className={`num${waiting.length > 0 && open === 0 ? ' level-text bad' : ''}`}>{open}</td>
    </tr>
  );
}

function OnDuty(props: { canOverride: boolean }) {
  const { t, i18n } = useTranslation();
  const dialog = useDialog<string>();
  const { hall, me } = useStaffView();
  const tz = hall.config.timeZone;
  const now = useNow();
  // Oldest first: a sign-in left over from an earlier day stands at the top.
  const sessions = hall.sessions
    .filter((s) => s.endedAt === null)
    .sort((a, b) => a.startedAt - b.startedAt);
  return (
    <section className="card on-duty" data-testid="on-duty">
      <h3>{t('console.hall.onDuty', { count: sessions.length })}</h3>
      {sessions.length === 0 ? (
        <p className="muted empty">{t('console.hall.nobodyOnDuty')}</p>
      ) : (
        <ul className="compact">
          {sessions.map((s) => {
            const staff = staffById(hall, s.staffId);
            const device = hall.devices.find((d) => d.id === s.deviceId);
            return (
              <li key={s.id} data-staff={s.staffId}>
                <span>{staffLabel(staff)}</span>{' '}
                <span className="muted">
                  {staff?.roles
                    .map((r) => t(`roles.${r}`))
                    .join(i18n.language === 'zh' ? '、' : ', ')}{' '}
                  · {device?.name ?? '—'} · <SessionSince startedAt={s.startedAt} now={now} />
                </span>
                {localDay(s.startedAt, tz) < hall.businessDay && (
                  <span className="badge bad" data-testid="stale-session">
                    {t('console.hall.earlierDay')}
                  </span>
                )}
                {props.canOverride && s.staffId !== me.id && (
                  <button type="button" className="link" onClick={() => dialog.show(s.staffId)}>
                    {t('console.override.signOut')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {dialog.open && <SignOutDialog staffId={dialog.open} onClose={dialog.close} />}
    </section>
  );
}

/**
 * When a sign-in began: today's as `13:55 起` (the date and how long ago on hover); one left
 * from an earlier day with its date and how long ago, in full (issue 15 item 6).
 */
function SessionSince({ startedAt, now }: { startedAt: number; now: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { hall } = useStaffView();
  const tz = hall.config.timeZone;
  const full = `${t('console.hall.since', { time: formatDateTime(startedAt, tz, lang) })} (${ago(now - startedAt, lang, t)})`;
  const today = localDay(startedAt, tz) >= hall.businessDay;
  return (
    <span data-testid="session-since" title={full}>
      {today ? t('console.hall.since', { time: formatClock(startedAt, tz) }) : full}
    </span>
  );
}

const KINDS: DeviceKind[] = ['kiosk', 'display', 'desk', 'pad', 'integration'];

function DevicesBoard() {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const devices = hall.devices.filter((d) => d.revokedAt === null);
  const presence = usePresence();
  // Live from the hall server; until its first answer, what the hall's alerts reported.
  const isOff = (d: Device) =>
    presence ? presence.get(d.id)?.online === false : offlineSince(hall, d) !== null;
  return (
    <section className="card devices-board" data-testid="devices-board">
      <h3>{t('console.hall.devices')}</h3>
      {devices.length === 0 ? (
        <p className="muted empty">{t('console.hall.noDevices')}</p>
      ) : (
        <table className="grid-table">
          <tbody>
            {KINDS.map((kind) => {
              const ofKind = devices.filter((d) => d.kind === kind);
              if (ofKind.length === 0) return null;
              const off = ofKind.filter(isOff);
              return (
                <tr key={kind} data-kind={kind}>
                  <th>{t(`console.deviceKind.${kind}`)}</th>
                  <td className="num">
                    <span className="level-text ok">
                      {t('console.hall.reachable', { count: ofKind.length - off.length })}
                    </span>
                  </td>
                  <td>
                    {off.length === 0 ? (
                      <span className="muted">{t('console.hall.noneOffline')}</span>
                    ) : (
                      <span className="level-text bad" data-testid="offline-devices">
                        {t('console.hall.offline', { count: off.length })}:{' '}
                        {off.map((d) => d.name).join('、')}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

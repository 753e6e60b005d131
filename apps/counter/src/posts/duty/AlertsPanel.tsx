import { AlertKind, type Alert, type Snapshot } from '@onestop/shared';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useOnline, usePending, useStaffView } from '../../common/desk';
import { formatDateTime, type Lang } from '../../common/format';
import { counterById, named, staffById, staffLabel } from '../../common/hall-selectors';
import { RefusalFor } from './ConsoleDialog';

// Every kind of alert the hall raises, grouped by kind and counter (a group: its count, its
// newest time; it opens to its alerts), newest unacknowledged group first; the duty leader
// acknowledges one alert or a whole group at once, with a note when there is something to say.

export interface AlertGroup {
  key: string;
  kind: AlertKind;
  counterId: string | null;
  /** Newest first. */
  alerts: Alert[];
  open: Alert[];
  newestAt: number;
}

/** Alerts by kind and counter; groups with open alerts first, then by their newest alert. */
export function groupAlerts(alerts: readonly Alert[]): AlertGroup[] {
  const groups = new Map<string, AlertGroup>();
  for (const a of sortAlerts(alerts)) {
    const key = `${a.kind}|${a.counterId ?? ''}`;
    const g = groups.get(key) ?? {
      key,
      kind: a.kind,
      counterId: a.counterId,
      alerts: [],
      open: [],
      newestAt: 0,
    };
    g.alerts.push(a);
    if (a.acknowledgedAt === null) g.open.push(a);
    g.newestAt = Math.max(g.newestAt, a.createdAt);
    groups.set(key, g);
  }
  return [...groups.values()].sort(
    (a, b) => Number(a.open.length === 0) - Number(b.open.length === 0) || b.newestAt - a.newestAt,
  );
}

export function sortAlerts(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort(
    (a, b) =>
      Number(a.acknowledgedAt !== null) - Number(b.acknowledgedAt !== null) ||
      b.createdAt - a.createdAt,
  );
}

export function AlertsPanel(props: { canAcknowledge: boolean; limit?: number }) {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const online = useOnline();
  const [showDone, setShowDone] = useState(false);
  const [kind, setKind] = useState<AlertKind | ''>('');
  const all = sortAlerts(hall.alerts);
  const open = all.filter((a) => a.acknowledgedAt === null);
  const shown = (showDone && !props.limit ? all : open)
    .filter((a) => kind === '' || a.kind === kind)
    .slice(0, props.limit ?? Infinity);
  const kinds = AlertKind.options.filter((k) => all.some((a) => a.kind === k));
  return (
    <section className="card alerts-panel" data-testid={props.limit ? 'hall-alerts' : 'alerts'}>
      <header className="panel-head">
        <h3>{t('console.alerts.title', { count: open.length })}</h3>
        {!online && <span className="badge stale">{t('common.stale')}</span>}
        <span className="spacer" />
        {!props.limit && (
          <>
            <select
              value={kind}
              onChange={(e) => setKind(e.target.value as AlertKind | '')}
              aria-label={t('console.alerts.kind')}
            >
              <option value="">{t('console.alerts.allKinds')}</option>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`alertKind.${k}`)} ({open.filter((a) => a.kind === k).length})
                </option>
              ))}
            </select>
            <label className="inline">
              <input
                type="checkbox"
                checked={showDone}
                onChange={(e) => setShowDone(e.target.checked)}
              />
              {t('console.alerts.showAcknowledged')}
            </label>
          </>
        )}
      </header>
      {shown.length === 0 ? (
        <p className="muted empty">{t('console.alerts.none')}</p>
      ) : props.limit ? (
        <ul className="items alert-list">
          {shown.map((a) => (
            <AlertRow key={a.id} alert={a} canAcknowledge={props.canAcknowledge} />
          ))}
        </ul>
      ) : (
        <ul className="alert-groups">
          {groupAlerts(shown).map((g) => (
            <AlertGroupRow key={g.key} group={g} canAcknowledge={props.canAcknowledge} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** What an alert is about, in a line: counter, clerk, ticket, device, service, reasons. */
export function alertSubject(hall: Snapshot, alert: Alert, lang: Lang, t: TFunction) {
  const parts: string[] = [];
  const counter = counterById(hall, alert.counterId);
  if (counter) parts.push(t('counter.number', { number: counter.number }));
  const staff = staffById(hall, alert.staffId);
  if (staff) parts.push(staffLabel(staff));
  const ticket = hall.tickets.find((x) => x.id === alert.ticketId);
  if (ticket) parts.push(ticket.number);
  switch (alert.kind) {
    case 'dissatisfied': {
      const ev = hall.evaluations.find((e) => e.id === alert.subjectId);
      if (ev && ev.reasons.length > 0)
        parts.push(ev.reasons.map((r) => t(`reason.${r}`)).join(lang === 'zh' ? '、' : ', '));
      break;
    }
    case 'device_offline': {
      const device = hall.devices.find((d) => d.id === alert.subjectId);
      parts.push(device?.name ?? alert.subjectId ?? '');
      break;
    }
    case 'service_unstaffed': {
      const service = hall.services.find((s) => s.id === alert.subjectId);
      parts.push(service ? `${service.prefix} ${named(service, lang)}` : '');
      break;
    }
    case 'repeated_opinion': {
      const opinion = hall.opinions.find((o) => o.id === alert.subjectId);
      if (opinion) parts.push(opinion.text.slice(0, 40));
      break;
    }
    case 'case_due_soon':
    case 'case_overdue': {
      const c = hall.cases.find((x) => x.id === alert.subjectId);
      if (c) parts.push(`${c.number} ${c.summary}`);
      break;
    }
    case 'task_overdue': {
      const task = hall.tasks.find((x) => x.id === alert.subjectId);
      if (task) parts.push(task.text.slice(0, 40));
      break;
    }
    case 'follow_up_overdue': {
      const f = hall.followUps.find((x) => x.id === alert.subjectId);
      if (f) parts.push(f.note.slice(0, 40));
      break;
    }
    default:
      break;
  }
  return parts.filter(Boolean).join(' · ');
}

function AlertGroupRow({ group, canAcknowledge }: { group: AlertGroup; canAcknowledge: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { runner } = useDesk();
  const { hall } = useStaffView();
  const online = useOnline();
  const [expanded, setExpanded] = useState(false);
  const [note, setNote] = useState('');
  const key = `alert-group:${group.key}`;
  const busy = usePending(key);
  const counter = counterById(hall, group.counterId);
  const single = group.alerts.length === 1 ? group.alerts[0]! : null;
  return (
    <li
      className={`alert-group ${group.open.length > 0 ? 'open' : 'done'}`}
      data-testid="alert-group"
      data-kind={group.kind}
      data-count={group.alerts.length}
      data-open={group.open.length}
    >
      <div className="group-head">
        <span className={`badge ${group.open.length > 0 ? 'bad' : ''}`}>
          {t(`alertKind.${group.kind}`)}
        </span>
        <strong>
          {counter
            ? t('counter.number', { number: counter.number })
            : t('console.alerts.wholeHall')}
        </strong>
        <span className="group-count num">
          {t('console.alerts.groupCount', { count: group.alerts.length })}
        </span>
        <span className="muted num">
          {t('console.alerts.newest', {
            time: formatDateTime(group.newestAt, hall.config.timeZone, lang),
          })}
        </span>
        {single && <span className="group-subject">{alertSubject(hall, single, lang, t)}</span>}
        <span className="spacer" />
        <button
          type="button"
          className="link"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? t('console.alerts.collapse') : t('console.alerts.expand')}
        </button>
        {canAcknowledge && group.open.length > 0 && (
          <form
            className="complete"
            onSubmit={(e) => {
              e.preventDefault();
              void runner.run(key, 'alert:acknowledge-many', {
                alertIds: group.open.map((a) => a.id),
                ...(note.trim() ? { note: note.trim() } : {}),
              });
            }}
          >
            <input
              value={note}
              maxLength={200}
              placeholder={t('console.alerts.note')}
              aria-label={t('console.alerts.note')}
              onChange={(e) => setNote(e.target.value)}
            />
            <button type="submit" className="primary" disabled={!online || busy}>
              {busy
                ? t('common.sending')
                : t('console.alerts.acknowledgeGroup', { count: group.open.length })}
            </button>
          </form>
        )}
      </div>
      <RefusalFor actionKey={key} />
      {expanded && (
        <ul className="items alert-list">
          {group.alerts.map((a) => (
            <AlertRow key={a.id} alert={a} canAcknowledge={canAcknowledge} />
          ))}
        </ul>
      )}
    </li>
  );
}

function AlertRow({ alert, canAcknowledge }: { alert: Alert; canAcknowledge: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { runner } = useDesk();
  const { hall } = useStaffView();
  const online = useOnline();
  const key = `alert:${alert.id}`;
  const busy = usePending(key);
  const [note, setNote] = useState('');
  const done = alert.acknowledgedAt !== null;
  return (
    <li
      className={`alert ${done ? 'done' : 'open'} kind-${alert.kind}`}
      data-testid="alert"
      data-kind={alert.kind}
      data-state={done ? 'acknowledged' : 'open'}
    >
      <div>
        <span className={`badge ${done ? '' : 'bad'}`}>{t(`alertKind.${alert.kind}`)}</span>
        <span className="num">{formatDateTime(alert.createdAt, hall.config.timeZone, lang)}</span>
        <span>{alertSubject(hall, alert, lang, t)}</span>
      </div>
      {done ? (
        <div className="muted">
          {alert.acknowledgedBy === null ? (
            t('console.alerts.expired', {
              time: formatDateTime(alert.acknowledgedAt!, hall.config.timeZone, lang),
            })
          ) : (
            <>
              {t('console.alerts.acknowledgedBy', {
                name: staffById(hall, alert.acknowledgedBy)?.name ?? '—',
                time: formatDateTime(alert.acknowledgedAt!, hall.config.timeZone, lang),
              })}
              {alert.note && <q>{alert.note}</q>}
            </>
          )}
        </div>
      ) : (
        canAcknowledge && (
          <form
            className="complete"
            onSubmit={(e) => {
              e.preventDefault();
              void runner.run(key, 'alert:acknowledge', {
                alertId: alert.id,
                ...(note.trim() ? { note: note.trim() } : {}),
              });
            }}
          >
            <input
              value={note}
              maxLength={200}
              placeholder={t('console.alerts.note')}
              aria-label={t('console.alerts.note')}
              onChange={(e) => setNote(e.target.value)}
            />
            <button type="submit" className="primary" disabled={!online || busy}>
              {busy ? t('common.sending') : t('console.alerts.acknowledge')}
            </button>
          </form>
        )
      )}
      <RefusalFor actionKey={key} />
    </li>
  );
}

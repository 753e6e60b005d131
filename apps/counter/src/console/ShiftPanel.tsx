import type { AuditEntry, Snapshot } from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnline, useSignedIn, useStaffView } from '../common/desk';
import { formatClock, formatDateTime, type Lang } from '../common/format';
import { staffById } from '../common/hall-selectors';
import { useQuery } from '../common/use-query';
import { HandoverPanel } from '../handover/HandoverPanel';

// The shift log: what was done on the console and around it since the shift began (overrides,
// alerts, opinions, follow-ups, handovers, settings), an end-of-shift summary, and the duty
// leader's own handover to the next duty leader.

export type LogGroup =
  'override' | 'alert' | 'opinion' | 'followUp' | 'handover' | 'admin' | 'other';

export function groupOf(command: string): LogGroup {
  if (/^override:|^ticket:(cancel|reinstate|reassign-owner)$|^hall:set-notice$/.test(command))
    return 'override';
  if (command.startsWith('alert:')) return 'alert';
  if (command.startsWith('opinion:')) return 'opinion';
  if (command.startsWith('follow-up:')) return 'followUp';
  if (command.startsWith('handover:')) return 'handover';
  if (/^(admin|device):/.test(command)) return 'admin';
  return 'other';
}

/** Milliseconds of the hall's local midnight before `now`. */
export function startOfLocalDay(now: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return now - ((n('hour') * 60 + n('minute')) * 60 + n('second')) * 1000 - (now % 1000);
}

type Range = 'shift' | 'day';

export function ShiftPanel() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { hall } = useStaffView();
  const signedIn = useSignedIn()!;
  const online = useOnline();
  const [range, setRange] = useState<Range>('shift');
  const since =
    range === 'shift'
      ? signedIn.session.startedAt
      : startOfLocalDay(Date.now(), hall.config.timeZone);
  const log = useQuery('console:shift-log', { since }, online ? `${since}:${hall.seq}` : null);
  const entries = [...(log.data?.entries ?? [])].reverse();
  return (
    <div className="shift-grid">
      <section className="card shift-log" data-testid="shift-log">
        <header className="panel-head">
          <h3>{t('console.shift.title')}</h3>
          {(!online || (log.error && log.data)) && (
            <span className="badge stale">{t('common.stale')}</span>
          )}
          <div className="seg" role="tablist">
            {(['shift', 'day'] as Range[]).map((r) => (
              <button
                key={r}
                type="button"
                role="tab"
                aria-selected={range === r}
                onClick={() => setRange(r)}
              >
                {t(`console.shift.range.${r}`)}
              </button>
            ))}
          </div>
          <span className="muted">
            {t('console.shift.since', {
              time: formatDateTime(since, hall.config.timeZone, lang),
            })}
          </span>
        </header>
        {log.data === null ? (
          log.error ? (
            <p className="error" role="alert">
              {t(`errors.${log.error}`)}
            </p>
          ) : (
            <p className="muted">
              {online ? t('common.loading') : t('console.common.offlineNoData')}
            </p>
          )
        ) : entries.length === 0 ? (
          <p className="muted empty">{t('console.shift.none')}</p>
        ) : (
          <table className="grid-table log">
            <thead>
              <tr>
                <th>{t('console.shift.time')}</th>
                <th>{t('console.shift.kind')}</th>
                <th>{t('console.shift.who')}</th>
                <th>{t('console.shift.what')}</th>
                <th>{t('console.override.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <LogRow key={e.id} entry={e} hall={hall} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      <div className="shift-side">
        <ShiftSummary hall={hall} entries={log.data?.entries ?? []} />
        <section className="card">
          <HandoverPanel />
        </section>
      </div>
    </div>
  );
}

/** The audit's payload summary without ids people cannot read: tickets, counters, staff by name. */
export function describePayload(
  hall: Snapshot,
  payload: string,
  t: (key: string) => string,
): string {
  let fields: Record<string, unknown>;
  try {
    fields = JSON.parse(payload) as Record<string, unknown>;
  } catch {
    return payload;
  }
  if (fields === null || typeof fields !== 'object') return payload;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'commandId' || key === 'reason' || value === undefined) continue;
    const id = typeof value === 'string' ? value : '';
    if (key === 'ticketId') parts.push(hall.tickets.find((x) => x.id === id)?.number ?? id);
    else if (key === 'counterId')
      parts.push(`#${hall.counters.find((c) => c.id === id)?.number ?? id}`);
    else if (key === 'alertId') {
      const alert = hall.alerts.find((a) => a.id === id);
      parts.push(alert ? t(`alertKind.${alert.kind}`) : id.slice(0, 8));
    } else if (key === 'opinionId')
      parts.push(
        `“${hall.opinions.find((o) => o.id === id)?.text.slice(0, 24) ?? id.slice(0, 8)}”`,
      );
    else if (key === 'followUpId' || key === 'handoverId' || key === 'deviceId')
      parts.push(
        hall.followUps.find((f) => f.id === id)?.note.slice(0, 24) ??
          hall.devices.find((d) => d.id === id)?.name ??
          id.slice(0, 8),
      );
    else if (/staffId$|StaffId$/.test(key))
      parts.push(hall.staff.find((s) => s.id === id)?.name ?? id);
    else parts.push(`${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  return parts.join(' · ');
}

function LogRow({ entry, hall }: { entry: AuditEntry; hall: Snapshot }) {
  const { t } = useTranslation();
  const group = groupOf(entry.command);
  return (
    <tr data-command={entry.command} className={`log-${group}`}>
      <td className="num">{formatClock(entry.at, hall.config.timeZone)}</td>
      <td>
        <span className={`badge ${group === 'override' ? 'warn' : ''}`}>
          {t(`console.shift.group.${group}`)}
        </span>
      </td>
      <td>
        {entry.staffId
          ? (staffById(hall, entry.staffId)?.name ?? entry.staffId)
          : t('console.shift.system')}
      </td>
      <td>
        <code>{entry.command}</code>{' '}
        <span className="muted payload">{describePayload(hall, entry.payload, t)}</span>
      </td>
      <td>{entry.reason ?? ''}</td>
    </tr>
  );
}

function ShiftSummary({ hall, entries }: { hall: Snapshot; entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const count = (g: LogGroup) => entries.filter((e) => groupOf(e.command) === g).length;
  const today = hall.tickets.filter((x) => x.businessDay === hall.businessDay);
  const rows: [string, number][] = [
    [t('console.summary.issued'), today.length],
    [t('console.summary.served'), today.filter((x) => x.state === 'done').length],
    [t('console.summary.waiting'), today.filter((x) => x.state === 'waiting').length],
    [t('console.summary.noShow'), today.filter((x) => x.state === 'no_show').length],
    [
      t('console.summary.dissatisfied'),
      hall.evaluations.filter((e) => e.score === 'dissatisfied').length,
    ],
    [t('console.summary.overrides'), count('override')],
    [t('console.summary.alertsAcknowledged'), count('alert')],
    [t('console.summary.alertsOpen'), hall.alerts.filter((a) => a.acknowledgedAt === null).length],
    [t('console.summary.opinionsOpen'), hall.opinions.filter((o) => o.state !== 'closed').length],
    [t('console.summary.opinionsClosed'), hall.opinions.filter((o) => o.state === 'closed').length],
    [t('console.summary.followUpsOpen'), hall.followUps.filter((f) => f.state === 'open').length],
    [t('console.summary.handovers'), count('handover')],
    [t('console.summary.adminChanges'), count('admin')],
  ];
  return (
    <section className="card shift-summary" data-testid="shift-summary">
      <h3>{t('console.summary.title')}</h3>
      <dl className="summary-grid">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className="num">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

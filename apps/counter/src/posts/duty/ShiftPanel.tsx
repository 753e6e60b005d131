import type { ShiftLogEntry, ShiftLogGroup, Snapshot } from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnline, useSignedIn, useStaffView } from '../../common/desk';
import { formatClock, formatDateTime, type Lang } from '../../common/format';
import { useQuery } from '../../common/use-query';
import { HandoverPanel } from '../../common/handover/HandoverPanel';

// The shift log: what was done on the console and around it since the shift began (overrides,
// alerts, opinions, follow-ups, handovers, settings), an end-of-shift summary, and the duty
// leader's own handover to the next duty leader.

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
      {/* The sign-off (what is left, the handover) before the summary: the header's sign-out
          lands here when refused. On the smaller screen the side comes before the log. */}
      <div className="shift-side">
        <section className="card">
          <HandoverPanel />
        </section>
        <ShiftSummary hall={hall} entries={log.data?.entries ?? []} />
      </div>
    </div>
  );
}

/** `14:05` today, `12月2日 14:05` another day (the hall's time zone). */
export function logTime(at: number, now: number, timeZone: string, lang: Lang): string {
  return startOfLocalDay(at, timeZone) === startOfLocalDay(now, timeZone)
    ? formatClock(at, timeZone)
    : formatDateTime(at, timeZone, lang);
}

function LogRow({ entry, hall }: { entry: ShiftLogEntry; hall: Snapshot }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  return (
    <tr data-command={entry.command} className={`log-${entry.group}`}>
      <td className="num">{logTime(entry.at, Date.now(), hall.config.timeZone, lang)}</td>
      <td>
        <span className={`badge ${entry.group === 'override' ? 'warn' : ''}`}>
          {t(`console.shift.group.${entry.group}`)}
        </span>
      </td>
      <td>
        {entry.who ? (
          <>
            {entry.who.name}
            {entry.who.role && <span className="muted"> · {t(`roles.${entry.who.role}`)}</span>}
          </>
        ) : (
          (entry.deviceName ?? t('console.shift.system'))
        )}
      </td>
      <td className="log-words">{lang === 'zh' ? entry.zh : entry.en}</td>
      <td>{entry.reason ?? ''}</td>
    </tr>
  );
}

function ShiftSummary({ hall, entries }: { hall: Snapshot; entries: ShiftLogEntry[] }) {
  const { t } = useTranslation();
  const count = (g: ShiftLogGroup) => entries.filter((e) => e.group === g).length;
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

import type { ShiftLogEntry, ShiftLogGroup, Snapshot } from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnline, useSignedIn, useStaffView } from '../../common/desk';
import { formatClock, formatDateTime, type Lang, useLang } from '@onestop/ui';
import { HandoverPanel } from '../../common/handover/HandoverPanel';
import { useQuery } from '../../common/use-query';
import { FilterTabs, PanelHead } from './Panel';
import { RetrainingPanel } from './RetrainingPanel';

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

const RANGES = ['shift', 'day'] as const;
type Range = (typeof RANGES)[number];

export function ShiftPanel() {
  const { t } = useTranslation();
  const lang = useLang();
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
        <PanelHead
          title={t('console.shift.title')}
          stale={!online || (log.error !== null && log.data !== null)}
        >
          <FilterTabs
            filters={RANGES}
            current={range}
            onPick={setRange}
            label={(r) => t(`console.shift.range.${r}`)}
          />
          <span className="muted">
            {t('console.shift.since', {
              time: formatDateTime(since, hall.config.timeZone, lang),
            })}
          </span>
        </PanelHead>
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
        <RetrainingPanel />
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
  const { t } = useTranslation();
  const lang = useLang();
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

/** The end-of-shift summary's figures, in the order shown (`console.summary.<key>`). */
export function shiftSummary(hall: Snapshot, entries: readonly ShiftLogEntry[]) {
  const count = (g: ShiftLogGroup) => entries.filter((e) => e.group === g).length;
  const today = hall.tickets.filter((x) => x.businessDay === hall.businessDay);
  const ticketsIn = (state: string) => today.filter((x) => x.state === state).length;
  return [
    ['issued', today.length],
    ['served', ticketsIn('done')],
    ['waiting', ticketsIn('waiting')],
    ['noShow', ticketsIn('no_show')],
    ['dissatisfied', hall.evaluations.filter((e) => e.score === 'dissatisfied').length],
    ['overrides', count('override')],
    ['alertsAcknowledged', count('alert')],
    ['alertsOpen', hall.alerts.filter((a) => a.acknowledgedAt === null).length],
    ['opinionsOpen', hall.opinions.filter((o) => o.state !== 'closed').length],
    ['opinionsClosed', hall.opinions.filter((o) => o.state === 'closed').length],
    ['followUpsOpen', hall.followUps.filter((f) => f.state === 'open').length],
    ['handovers', count('handover')],
    ['adminChanges', count('admin')],
  ] as const satisfies readonly (readonly [string, number])[];
}

function ShiftSummary({ hall, entries }: { hall: Snapshot; entries: ShiftLogEntry[] }) {
  const { t } = useTranslation();
  const rows = shiftSummary(hall, entries).map(
    ([key, value]) => [t(`console.summary.${key}`), value] as const,
  );
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

import { AlertKind, type Alert, type CommandPayload } from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useOnline, usePending, useStaffView } from '../../common/desk';
import { formatDateTime, useLang } from '@onestop/ui';
import { counterById, staffById } from '../../common/hall-selectors';
import { alertSubject, groupAlerts, sortAlerts, type AlertGroup } from './alert-groups';
import { RefusalFor } from './ConsoleDialog';
import { PanelHead } from './Panel';

// Every kind of alert the hall raises, grouped by kind and counter (a group: its count, its
// newest time; it opens to its alerts), newest unacknowledged group first; the duty leader
// acknowledges one alert or a whole group at once, with a note when there is something to say.

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
      <PanelHead title={t('console.alerts.title', { count: open.length })} stale={!online}>
        <span className="spacer" />
        {!props.limit && (
          <>
            <select
              value={kind}
              onChange={(e) =>
                setKind(e.target.value === '' ? '' : AlertKind.parse(e.target.value))
              }
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
      </PanelHead>
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

/** The acknowledgement of one alert or a group: a note if there is something to say. */
function AcknowledgeForm<K extends 'alert:acknowledge' | 'alert:acknowledge-many'>(props: {
  actionKey: string;
  command: K;
  payload: (note: { note?: string }) => CommandPayload<K>;
  label: string;
}) {
  const { t } = useTranslation();
  const { runner } = useDesk();
  const online = useOnline();
  const busy = usePending(props.actionKey);
  const [note, setNote] = useState('');
  return (
    <form
      className="complete"
      onSubmit={(e) => {
        e.preventDefault();
        void runner.run(
          props.actionKey,
          props.command,
          props.payload(note.trim() ? { note: note.trim() } : {}),
        );
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
        {busy ? t('common.sending') : props.label}
      </button>
    </form>
  );
}

function AlertGroupRow({ group, canAcknowledge }: { group: AlertGroup; canAcknowledge: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { hall } = useStaffView();
  const [expanded, setExpanded] = useState(false);
  const key = `alert-group:${group.key}`;
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
          <AcknowledgeForm
            actionKey={key}
            command="alert:acknowledge-many"
            payload={(note) => ({ alertIds: group.open.map((a) => a.id), ...note })}
            label={t('console.alerts.acknowledgeGroup', { count: group.open.length })}
          />
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
  const { t } = useTranslation();
  const lang = useLang();
  const { hall } = useStaffView();
  const key = `alert:${alert.id}`;
  const at = (ms: number) => formatDateTime(ms, hall.config.timeZone, lang);
  return (
    <li
      className={`alert ${alert.acknowledgedAt !== null ? 'done' : 'open'} kind-${alert.kind}`}
      data-testid="alert"
      data-kind={alert.kind}
      data-state={alert.acknowledgedAt !== null ? 'acknowledged' : 'open'}
    >
      <div>
        <span className={`badge ${alert.acknowledgedAt !== null ? '' : 'bad'}`}>
          {t(`alertKind.${alert.kind}`)}
        </span>
        <span className="num">{at(alert.createdAt)}</span>
        <span>{alertSubject(hall, alert, lang, t)}</span>
      </div>
      {alert.acknowledgedAt !== null ? (
        <div className="muted">
          {alert.acknowledgedBy === null && alert.note === 'resolved' ? (
            t('console.devices.resolved', { time: at(alert.acknowledgedAt) })
          ) : alert.acknowledgedBy === null ? (
            t('console.alerts.expired', { time: at(alert.acknowledgedAt) })
          ) : (
            <>
              {t('console.alerts.acknowledgedBy', {
                name: staffById(hall, alert.acknowledgedBy)?.name ?? '—',
                time: at(alert.acknowledgedAt),
              })}
              {alert.note && <q>{alert.note}</q>}
            </>
          )}
        </div>
      ) : (
        canAcknowledge && (
          <AcknowledgeForm
            actionKey={key}
            command="alert:acknowledge"
            payload={(note) => ({ alertId: alert.id, ...note })}
            label={t('console.alerts.acknowledge')}
          />
        )
      )}
      <RefusalFor actionKey={key} />
    </li>
  );
}

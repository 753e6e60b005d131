import {
  DEFAULT_SPOT_CHECK_ITEMS,
  SPOT_CHECK_RECENT_DAYS,
  addDays,
  type SpotCheckCandidate,
  type SpotCheckItem,
} from '@onestop/shared';
import { formatClock, useLang } from '@onestop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnline, useStaffView } from '../../common/desk';
import { named } from '../../common/hall-selectors';
import { SpotCheckList } from '../../common/SpotCheckList';
import { useQuery } from '../../common/use-query';
import { ActionDialog, hasReason, useDialog } from './ConsoleDialog';
import { PanelHead } from './Panel';
import { useServiceName } from './use-service-name';
import './spot-checks.css';

// 抽查: the duty leader picks a visit finished (or a case opened) on a day of the last 31, with
// the clerk who served or owns it, scores it item by item against its service's checklist and
// comments; below, the checks of the last 31 days, by clerk. A saved check is final.

export function SpotChecksPanel() {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const online = useOnline();
  const serviceName = useServiceName();
  const today = hall.businessDay;
  const [day, setDay] = useState(today);
  const [clerk, setClerk] = useState('');
  // Asked again after each save, so the list and the 已抽查 marks follow.
  const [saved, setSaved] = useState(0);
  const candidates = useQuery('spot-check:candidates', { day }, online ? `${day}:${saved}` : null);
  const records = useQuery(
    'spot-check:list',
    clerk ? { staffId: clerk } : {},
    online ? `${clerk}:${saved}` : null,
  );
  const lists = useQuery('spot-check:checklists', {}, online ? 'lists' : null);
  const dialog = useDialog<SpotCheckCandidate>();
  const rows = candidates.data?.candidates ?? [];
  const checks = records.data?.spotChecks ?? [];
  const clerks = hall.staff.filter((s) => s.roles.includes('clerk'));
  const itemsOf = (serviceId: string | null): readonly SpotCheckItem[] =>
    lists.data?.checklists.find((l) => l.serviceId === serviceId)?.items ??
    DEFAULT_SPOT_CHECK_ITEMS;
  return (
    <div className="spot-checks-panel" data-testid="spot-checks">
      <section className="card" data-testid="spot-check-candidates">
        <PanelHead
          title={t('console.spotChecks.candidates', { count: rows.length })}
          stale={!online}
        >
          <input
            type="date"
            value={day}
            min={addDays(today, -SPOT_CHECK_RECENT_DAYS)}
            max={today}
            aria-label={t('console.spotChecks.day')}
            onChange={(e) => e.target.value && setDay(e.target.value)}
          />
        </PanelHead>
        <p className="muted">{t('console.spotChecks.explain')}</p>
        {candidates.error ? (
          <p className="error" role="alert" data-testid="spot-check-error">
            {t(`errors.${candidates.error}`)}
          </p>
        ) : candidates.data === null ? (
          <p className="muted empty">
            {online ? t('console.spotChecks.loading') : t('console.common.offlineNoData')}
          </p>
        ) : rows.length === 0 ? (
          <p className="muted empty">{t('console.spotChecks.none')}</p>
        ) : (
          <CandidateTable
            rows={rows}
            serviceName={serviceName}
            online={online}
            onPick={dialog.show}
          />
        )}
      </section>
      <section className="card" data-testid="spot-check-records">
        <PanelHead
          title={t('console.spotChecks.records', { count: checks.length })}
          stale={!online}
        >
          <select
            value={clerk}
            aria-label={t('console.spotChecks.clerk')}
            onChange={(e) => setClerk(e.target.value)}
          >
            <option value="">{t('console.spotChecks.allClerks')}</option>
            {clerks.map((s) => (
              <option key={s.id} value={s.id}>
                {s.staffNo} {s.name}
              </option>
            ))}
          </select>
        </PanelHead>
        {records.error ? (
          <p className="error" role="alert">
            {t(`errors.${records.error}`)}
          </p>
        ) : records.data === null ? (
          <p className="muted empty">
            {online ? t('console.spotChecks.loading') : t('console.common.offlineNoData')}
          </p>
        ) : checks.length === 0 ? (
          <p className="muted empty">{t('console.spotChecks.noRecords')}</p>
        ) : (
          <SpotCheckList checks={checks} hall={hall} showClerk />
        )}
      </section>
      {dialog.open && (
        <ScoreDialog
          work={dialog.open}
          items={itemsOf(dialog.open.serviceId)}
          onClose={dialog.close}
          onDone={() => setSaved((n) => n + 1)}
        />
      )}
    </div>
  );
}

function CandidateTable(props: {
  rows: readonly SpotCheckCandidate[];
  serviceName: (id: string) => string;
  online: boolean;
  onPick: (work: SpotCheckCandidate) => void;
}) {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const tz = hall.config.timeZone;
  return (
    <table className="grid-table spot-check-candidates">
      <thead>
        <tr>
          <th>{t('console.spotChecks.work')}</th>
          <th>{t('console.spotChecks.service')}</th>
          <th>{t('console.spotChecks.clerk')}</th>
          <th>{t('console.spotChecks.at')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {props.rows.map((c) => (
          <tr key={c.id} data-testid="spot-check-candidate" data-label={c.label}>
            <td>
              <span className="muted">
                {t(`console.spotChecks.${c.subject === 'ticket' ? 'visit' : 'case'}`)}
              </span>{' '}
              <strong>{c.label}</strong>
            </td>
            <td>{c.serviceId ? props.serviceName(c.serviceId) : '—'}</td>
            <td>{c.staffName}</td>
            <td>{formatClock(c.at, tz)}</td>
            <td className="actions">
              {c.checked ? (
                <span className="badge">{t('console.spotChecks.checked')}</span>
              ) : (
                <button type="button" disabled={!props.online} onClick={() => props.onPick(c)}>
                  {t('console.spotChecks.check')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The points given so far: an item left empty is not scored yet. */
type Given = Record<string, number | undefined>;

function ScoreDialog(props: {
  work: SpotCheckCandidate;
  items: readonly SpotCheckItem[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [given, setGiven] = useState<Given>({});
  const [comment, setComment] = useState('');
  const scored = props.items.every((i) => given[i.id] !== undefined);
  const possible = props.items.reduce((s, i) => s + i.weight, 0);
  const points = props.items.reduce((s, i) => s + (given[i.id] ?? 0), 0);
  const pct = Math.round((points / possible) * 100);
  const ref =
    props.work.subject === 'ticket' ? { ticketId: props.work.id } : { caseId: props.work.id };
  const payload =
    scored && hasReason(comment)
      ? {
          ...ref,
          scores: props.items.map((i) => ({ itemId: i.id, score: given[i.id] ?? 0 })),
          comment,
        }
      : null;
  return (
    <ActionDialog
      title={t('console.spotChecks.dialogTitle', {
        label: props.work.label,
        clerk: props.work.staffName,
      })}
      actionKey={`spot-check:${props.work.id}`}
      command="spot-check:save"
      payload={payload}
      confirmLabel={t('console.spotChecks.save')}
      testId="spot-check-dialog"
      onClose={props.onClose}
      onDone={props.onDone}
    >
      <div className="spot-check-form">
        {props.items.map((i) => (
          <label key={i.id} className="spot-check-item">
            <span>{t('console.spotChecks.score', { name: named(i, lang), weight: i.weight })}</span>
            <input
              type="number"
              min={0}
              max={i.weight}
              step={1}
              data-item={i.id}
              value={given[i.id] ?? ''}
              onChange={(e) => {
                const n = e.target.value === '' ? undefined : Number(e.target.value);
                setGiven((g) => ({
                  ...g,
                  [i.id]:
                    n === undefined || Number.isNaN(n)
                      ? undefined
                      : Math.min(i.weight, Math.max(0, Math.round(n))),
                }));
              }}
            />
          </label>
        ))}
        <p className="spot-check-total" data-testid="spot-check-total">
          <strong>{t('console.spotChecks.total', { pct: scored ? pct : '—' })}</strong>
          {!scored && <small className="muted"> {t('console.spotChecks.incomplete')}</small>}
        </p>
        <label>
          {t('console.spotChecks.comment')}
          <textarea
            value={comment}
            maxLength={200}
            aria-label={t('console.spotChecks.comment')}
            aria-invalid={!hasReason(comment)}
            onChange={(e) => setComment(e.target.value)}
          />
          {!hasReason(comment) && (
            <small className="error">{t('console.spotChecks.commentRequired')}</small>
          )}
        </label>
        <p className="muted">{t('console.spotChecks.final')}</p>
      </div>
    </ActionDialog>
  );
}

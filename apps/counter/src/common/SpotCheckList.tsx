import type { Snapshot, SpotCheck } from '@onestop/shared';
import { formatDateTime, useLang } from '@onestop/ui';
import { useTranslation } from 'react-i18next';
import { named, staffById, staffLabel } from './hall-selectors';
import './spot-check-list.css';

// Saved spot checks as read by the clerk checked (我的事项) and by the console: the work, the
// total, each item's points, the comment and who checked. Read-only: a check is final.

export function SpotCheckList(props: {
  checks: readonly SpotCheck[];
  hall: Snapshot;
  /** The console names the clerk checked; the clerk's own list does not. */
  showClerk?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const tz = props.hall.config.timeZone;
  return (
    <ul className="items spot-checks">
      {props.checks.map((c) => (
        <li key={c.id} data-testid="spot-check" data-pct={c.totalPct}>
          <div className="spot-check-head">
            <strong
              className={`badge ${c.totalPct >= 80 ? 'good' : c.totalPct >= 60 ? '' : 'bad'}`}
            >
              {t('spotChecks.total', { pct: c.totalPct })}
            </strong>{' '}
            {c.subject === 'ticket'
              ? t('spotChecks.visit', { label: c.subjectLabel })
              : t('spotChecks.case', { label: c.subjectLabel })}
            {props.showClerk && <> · {staffLabel(staffById(props.hall, c.staffId))}</>}
            <span className="muted">
              {' '}
              · {formatDateTime(c.checkedAt, tz, lang)} ·{' '}
              {t('spotChecks.by', {
                name: staffById(props.hall, c.leaderStaffId)?.name ?? c.leaderStaffId,
              })}
            </span>
          </div>
          <div className="spot-check-items muted">
            {c.items
              .map((i) =>
                t('spotChecks.item', { name: named(i, lang), score: i.score, weight: i.weight }),
              )
              .join(' · ')}
          </div>
          <div className="spot-check-comment">
            {t('spotChecks.comment')}: {c.comment}
          </div>
        </li>
      ))}
    </ul>
  );
}

import type { RemedyGrant } from '@onestop/shared';
import { formatClock, useLang } from '@onestop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnline, useStaffView } from '../../common/desk';
import { useQuery } from '../../common/use-query';
import { named, staffById, staffLabel } from '../../common/hall-selectors';
import { amountText, grantsOfToday, kindOf, pendingGrants } from '../../common/remedy-view';
import { ActionDialog, useDialog } from './ConsoleDialog';
import { PanelHead } from './Panel';

// 补救审批: the grants above a first handler's limits wait here for the duty leader (who, what,
// how much, which limit, why), each approved or rejected with a note before its time runs out;
// below, every grant of the day for the daily review, with what they cost.

export function RemediesPanel() {
  const { t } = useTranslation();
  const { hall, me } = useStaffView();
  const pending = pendingGrants(hall);
  const online = useOnline();
  const today = hall.businessDay;
  // Today's grants are the hall's, live; an earlier day's are asked for (remedy:list).
  const [day, setDay] = useState(today);
  const earlier = useQuery(
    'remedy:list',
    { from: day, to: day },
    online && day !== today ? `${day}:${hall.seq}` : null,
  );
  const reviewed =
    day === today
      ? grantsOfToday(hall)
      : [...(earlier.data?.grants ?? [])].sort((a, b) => b.requestedAt - a.requestedAt);
  const dialog = useDialog<{ grant: RemedyGrant; decision: 'approve' | 'reject' }>();
  const given = reviewed.filter((g) => g.state === 'granted' || g.state === 'approved');
  const sum = (unit: 'yuan' | 'count') =>
    given
      .filter((g) => kindOf(hall, g.remedyKindId)?.unit === unit)
      .reduce((n, g) => n + g.amount, 0);
  return (
    <div className="remedies-panel" data-testid="remedies">
      <section className="card" data-testid="remedy-approvals">
        <PanelHead title={t('console.remedies.pending', { count: pending.length })} />
        {pending.length === 0 ? (
          <p className="muted empty">{t('console.remedies.nonePending')}</p>
        ) : (
          <GrantTable
            grants={pending}
            pendingView
            myId={me.id}
            onDecide={(grant, decision) => dialog.show({ grant, decision })}
          />
        )}
      </section>
      <section className="card" data-testid="remedy-review">
        <PanelHead
          title={
            day === today
              ? t('console.remedies.review', { count: reviewed.length })
              : t('console.remedies.reviewOf', { day, count: reviewed.length })
          }
        >
          <input
            type="date"
            value={day}
            max={today}
            aria-label={t('console.remedies.day')}
            onChange={(e) => e.target.value && setDay(e.target.value)}
          />
          <span className="muted" data-testid="remedy-totals">
            {t('console.remedies.totals', {
              yuan: amountText(sum('yuan'), 'yuan'),
              acts: sum('count'),
            })}
          </span>
        </PanelHead>
        {earlier.error && day !== today ? (
          <p className="error" role="alert" data-testid="remedy-review-error">
            {t(`errors.${earlier.error}`)}
          </p>
        ) : reviewed.length === 0 ? (
          <p className="muted empty">
            {day !== today && earlier.loading
              ? t('console.remedies.loading')
              : day === today
                ? t('console.remedies.noneToday')
                : t('console.remedies.noneThatDay')}
          </p>
        ) : (
          <GrantTable grants={reviewed} myId={me.id} />
        )}
      </section>
      {dialog.open && (
        <DecideDialog
          grant={dialog.open.grant}
          decision={dialog.open.decision}
          onClose={dialog.close}
        />
      )}
    </div>
  );
}

function GrantTable(props: {
  grants: readonly RemedyGrant[];
  pendingView?: boolean;
  myId: string;
  onDecide?: (grant: RemedyGrant, decision: 'approve' | 'reject') => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { hall } = useStaffView();
  const online = useOnline();
  const tz = hall.config.timeZone;
  return (
    <table className="grid-table remedies">
      <thead>
        <tr>
          <th>{t('console.remedies.who')}</th>
          <th>{t('console.remedies.what')}</th>
          <th>{t('console.remedies.amount')}</th>
          <th>{props.pendingView ? t('console.remedies.exceeded') : t('remedy.class')}</th>
          <th>{t('console.remedies.customer')}</th>
          <th>{t('console.remedies.subject')}</th>
          <th>{t('console.remedies.reason')}</th>
          <th>{props.pendingView ? t('console.remedies.due') : t('console.remedies.state')}</th>
          {props.pendingView && <th>{t('console.remedies.decision')}</th>}
        </tr>
      </thead>
      <tbody>
        {props.grants.map((g) => {
          const kind = kindOf(hall, g.remedyKindId);
          const unit = kind?.unit ?? 'count';
          const amount = (n: number) => `${amountText(n, unit)} ${t(`remedy.unit.${unit}`)}`;
          const ticket = hall.tickets.find((x) => x.id === g.ticketId);
          const theCase = hall.cases.find((c) => c.id === g.caseId);
          const own = g.grantedByStaffId === props.myId;
          return (
            <tr key={g.id} data-testid="remedy-grant" data-grant={g.id} data-state={g.state}>
              <td>{staffLabel(staffById(hall, g.grantedByStaffId))}</td>
              <td>{kind ? named(kind, lang) : g.remedyKindId}</td>
              <td className="num">{amount(g.amount)}</td>
              <td>
                {props.pendingView
                  ? g.exceeded &&
                    `${t(`remedy.exceeded.${g.exceeded}`)} (${amount(g.exceededLimit ?? 0)})`
                  : t(`remedy.classes.${g.complaintClass}`)}
              </td>
              <td>{g.customerMasked ?? '—'}</td>
              <td>{[ticket?.number, theCase?.number].filter(Boolean).join(' · ') || '—'}</td>
              <td className="reason">
                {g.reason}
                {g.decisionNote && <span className="muted"> → {g.decisionNote}</span>}
              </td>
              <td>
                {props.pendingView
                  ? g.approvalDueAt !== null && formatClock(g.approvalDueAt, tz)
                  : t(`remedy.state.${g.state}`)}
              </td>
              {props.pendingView && (
                <td className="actions">
                  {own ? (
                    <span className="muted">{t('console.remedies.own')}</span>
                  ) : (
                    <>
                      <button
                        type="button"
                        className="primary"
                        disabled={!online}
                        onClick={() => props.onDecide?.(g, 'approve')}
                      >
                        {t('console.remedies.approve')}
                      </button>
                      <button
                        type="button"
                        disabled={!online}
                        onClick={() => props.onDecide?.(g, 'reject')}
                      >
                        {t('console.remedies.reject')}
                      </button>
                    </>
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function DecideDialog(props: {
  grant: RemedyGrant;
  decision: 'approve' | 'reject';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { hall } = useStaffView();
  const [note, setNote] = useState('');
  const { grant, decision } = props;
  const kind = kindOf(hall, grant.remedyKindId);
  const unit = kind?.unit ?? 'count';
  const noteOk = decision === 'approve' || note.trim().length >= 2;
  return (
    <ActionDialog
      title={t('console.remedies.decideTitle', {
        who: staffById(hall, grant.grantedByStaffId)?.name ?? '—',
        what: kind ? named(kind, lang) : grant.remedyKindId,
      })}
      actionKey="decideRemedy"
      command="remedy:decide"
      testId="remedy-decide-dialog"
      confirmLabel={
        decision === 'approve' ? t('console.remedies.approve') : t('console.remedies.reject')
      }
      payload={
        noteOk
          ? { grantId: grant.id, decision, ...(note.trim() ? { note: note.trim() } : {}) }
          : null
      }
      onClose={props.onClose}
    >
      <p>
        <b>{`${amountText(grant.amount, unit)} ${t(`remedy.unit.${unit}`)}`}</b> ·{' '}
        {t(`remedy.classes.${grant.complaintClass}`)} · {grant.customerMasked ?? '—'}
      </p>
      <p className="muted">{grant.reason}</p>
      <label>
        {t('console.remedies.note')}
        <textarea
          value={note}
          maxLength={200}
          aria-label={t('console.remedies.note')}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      {!noteOk && <p className="muted">{t('console.remedies.noteRequired')}</p>}
    </ActionDialog>
  );
}

import type { ComplaintClass, RemedyGrant, RemedyKind } from '@onestop/shared';
import { Dialog, formatClock, langOf } from '@onestop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useOnline, usePending } from '../../../common/desk';
import { ComplaintClassSelect } from '../../../common/ComplaintClassSelect';
import { RefusalFor } from '../../../common/RefusalFor';
import { named, staffById } from '../../../common/hall-selectors';
import { amountText, grantableKinds, myLimits, parseAmount } from '../../../common/remedy-view';
import { TextField, useCloseDialog } from '../workstation/dialog-kit';
import { useWork } from '../workstation/work-context';

// 补救 (授权): the owner of the visit or case grants a remedy from the hall's catalogue. Within
// the clerk's limits it is granted at once; above them it waits for the duty leader, and this
// dialog shows the decision as it comes (approved, rejected, expired).

const GRANT_KEY = 'grantRemedy';

export function RemedyDialog(props: { ticketId: string | null; caseId: string | null }) {
  const { hall } = useWork();
  const [grantId, setGrantId] = useState<string | null>(null);
  const [first, setFirst] = useState<RemedyGrant | null>(null);
  // The desk's copy of the hall carries the grant as it changes (the duty leader's decision).
  const live = (hall.remedyGrants ?? []).find((g) => g.id === grantId) ?? first;
  return live ? (
    <GrantOutcome grant={live} />
  ) : (
    <GrantForm
      {...props}
      onGranted={(g) => {
        setFirst(g);
        setGrantId(g.id);
      }}
    />
  );
}

function GrantForm(props: {
  ticketId: string | null;
  caseId: string | null;
  onGranted: (grant: RemedyGrant) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const { hall, me } = useWork();
  const { runner } = useDesk();
  const online = useOnline();
  const pending = usePending(GRANT_KEY);
  const close = useCloseDialog();
  const kinds = grantableKinds(hall, me.roles);
  const [kindId, setKindId] = useState(kinds[0]?.id ?? '');
  const kind: RemedyKind | undefined = kinds.find((k) => k.id === kindId);
  const [amountText_, setAmount] = useState('');
  const [complaintClass, setClass] = useState<ComplaintClass | null>(null);
  const [reason, setReason] = useState('');
  const limits = kind ? myLimits(kind, me.roles) : null;
  const amount = kind ? parseAmount(amountText_, kind.unit) : null;
  const ticket = props.ticketId ? hall.tickets.find((x) => x.id === props.ticketId) : undefined;
  const theCase = props.caseId ? hall.cases.find((c) => c.id === props.caseId) : undefined;
  const chosenClass = complaintClass ?? kind?.complaintClass ?? 'other';
  const show = (n: number) =>
    kind && `${amountText(n, kind.unit)} ${t(`remedy.unit.${kind.unit}`)}`;
  async function grant() {
    if (!kind || amount === null) return;
    const ack = await runner.run(GRANT_KEY, 'remedy:grant', {
      remedyKindId: kind.id,
      amount,
      reason: reason.trim(),
      complaintClass: chosenClass,
      ...(props.ticketId ? { ticketId: props.ticketId } : {}),
      ...(props.caseId ? { caseId: props.caseId } : {}),
    });
    if (ack?.ok) props.onGranted(ack.data.grant);
  }
  return (
    <Dialog
      title={t('remedy.title')}
      confirmLabel={t('remedy.grant')}
      onConfirm={() => void grant()}
      onCancel={() => {
        runner.clearRefusal();
        close();
      }}
      pending={pending}
      confirmDisabled={!online || !kind || amount === null || reason.trim().length < 2}
      testId="remedy-dialog"
    >
      <p className="muted" data-testid="remedy-subject">
        {theCase && t('remedy.forCase', { number: theCase.number })}
        {theCase && ticket && ' · '}
        {ticket && t('remedy.forVisit', { number: ticket.number })}
      </p>
      {kinds.length === 0 ? (
        <p className="empty" data-testid="remedy-empty">
          {t('remedy.emptyCatalogue')}
        </p>
      ) : (
        <>
          <div className="row">
            <label>
              {t('remedy.kind')}
              <select
                value={kindId}
                aria-label={t('remedy.kind')}
                onChange={(e) => {
                  setKindId(e.target.value);
                  setClass(null);
                }}
              >
                {kinds.map((k) => (
                  <option key={k.id} value={k.id}>
                    {named(k, lang)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {kind?.unit === 'count' ? t('remedy.amountCount') : t('remedy.amountYuan')}
              <input
                value={amountText_}
                inputMode="decimal"
                aria-label={
                  kind?.unit === 'count' ? t('remedy.amountCount') : t('remedy.amountYuan')
                }
                aria-invalid={amountText_ !== '' && amount === null}
                onChange={(e) => setAmount(e.target.value)}
              />
            </label>
            <ComplaintClassSelect
              label={t('remedy.class')}
              value={chosenClass}
              onChange={setClass}
            />
          </div>
          {limits && (
            <p className="muted" data-testid="remedy-limits">
              {t('remedy.limits', {
                perGrant: show(limits.perGrant),
                perDay: show(limits.perCustomerPerDay),
                perMonth: show(limits.perStaffPerMonth),
              })}
            </p>
          )}
          {amountText_ !== '' && amount === null && (
            <p className="error">{t('remedy.badAmount')}</p>
          )}
          {limits && amount !== null && amount > limits.perGrant && (
            <p className="warning" data-testid="remedy-over-limit">
              {t('remedy.overLimit')}
            </p>
          )}
          <TextField
            label={t('remedy.reason')}
            value={reason}
            onChange={setReason}
            maxLength={200}
            lines
          />
        </>
      )}
      {!online && <p className="error">{t('remedy.offline')}</p>}
      <RefusalFor testId="remedy-refusal" actionKey={GRANT_KEY} />
    </Dialog>
  );
}

/** The grant as it stands: granted, waiting (until when, which limit), or decided. */
function GrantOutcome({ grant }: { grant: RemedyGrant }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const { hall } = useWork();
  const { runner } = useDesk();
  const online = useOnline();
  const withdrawing = usePending('cancelRemedy');
  const close = useCloseDialog();
  const kind = (hall.remedyKinds ?? []).find((k) => k.id === grant.remedyKindId);
  const unit = kind?.unit ?? 'count';
  const tz = hall.config.timeZone;
  return (
    <Dialog
      title={t('remedy.title')}
      confirmLabel={t('remedy.close')}
      onConfirm={close}
      onCancel={close}
      noCancel
      testId="remedy-outcome"
    >
      <p>
        <b>{kind ? named(kind, lang) : grant.remedyKindId}</b> · {amountText(grant.amount, unit)}{' '}
        {t(`remedy.unit.${unit}`)} · {t(`remedy.classes.${grant.complaintClass}`)}
      </p>
      <p
        className={`grant-state ${grant.state}`}
        data-testid="grant-state"
        data-state={grant.state}
      >
        {t(`remedy.state.${grant.state}`)}
      </p>
      {grant.state === 'pending' && grant.exceeded && grant.approvalDueAt !== null && (
        <p className="muted" data-testid="grant-waiting">
          {t('remedy.waiting', {
            limit: t(`remedy.exceeded.${grant.exceeded}`),
            value: `${amountText(grant.exceededLimit ?? 0, unit)} ${t(`remedy.unit.${unit}`)}`,
            time: formatClock(grant.approvalDueAt, tz),
          })}
        </p>
      )}
      {grant.decidedAt !== null &&
        grant.decidedByStaffId !== null &&
        grant.state !== 'cancelled' && (
          <p className="muted">
            {t('remedy.decided', {
              who: staffById(hall, grant.decidedByStaffId)?.name ?? '—',
              time: formatClock(grant.decidedAt, tz),
            })}
          </p>
        )}
      {grant.decisionNote && <p>{t('remedy.note', { note: grant.decisionNote })}</p>}
      {grant.state === 'pending' && (
        <button
          type="button"
          disabled={!online || withdrawing}
          onClick={() => void runner.run('cancelRemedy', 'remedy:cancel', { grantId: grant.id })}
        >
          {t('remedy.withdraw')}
        </button>
      )}
      <RefusalFor testId="remedy-refusal" actionKey="cancelRemedy" />
    </Dialog>
  );
}

/** The 补救 button on the visit in front of the clerk or on a case they own. */
export function RemedyButton(props: {
  ticketId: string | null;
  caseId: string | null;
  enabled: boolean;
  open: (dialog: { kind: 'remedy'; ticketId: string | null; caseId: string | null }) => void;
}) {
  const { t } = useTranslation();
  const online = useOnline();
  return (
    <button
      type="button"
      className="action"
      data-action="remedy"
      disabled={!online || !props.enabled}
      onClick={() => props.open({ kind: 'remedy', ticketId: props.ticketId, caseId: props.caseId })}
    >
      <span>{t('remedy.action')}</span>
    </button>
  );
}

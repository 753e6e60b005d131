import type { Handover, HandoverItem, Snapshot, Staff } from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useNow, useOnline, usePending, useStaffView } from '../desk';
import { DueBadge } from '../DueBadge';
import { localDay } from '../due-status';
import { formatDateTime, langOf } from '@onestop/ui';
import { pendingHandoverFrom, pendingHandoverTo, staffById, staffLabel } from '../hall-selectors';
import { useQuery } from '../use-query';
import { useSignOut } from '../use-sign-out';
import {
  hasAnythingToHand,
  isDutyLeader,
  leftAtSignOff,
  type LeftAtSignOff,
} from './left-at-sign-off';

// Shift handover (交接班): before signing off, open items go to a named colleague or the duty
// leader with a note; they move when the receiver acknowledges. The server refuses a sign-off
// that would leave anything without a holder, and says why. A duty leader's sign-off also
// lists the desk (follow-ups nobody is assigned, open alerts) and hands it to the next duty
// leader, or leaves its follow-ups on the desk with a reason when nobody takes over.

export function HandoverPanel() {
  const { t } = useTranslation();
  const { hall, me } = useStaffView();
  const incoming = pendingHandoverTo(hall, me.id);
  const mine = pendingHandoverFrom(hall, me.id);
  const now = useNow();
  const left = leftAtSignOff(hall, me, now);
  const { kept } = left;
  return (
    <div className="handover-panel" data-testid="handover-panel">
      {incoming.length > 0 && (
        <section className="incoming">
          <h3>{t('handover.incoming', { count: incoming.length })}</h3>
          {incoming.map((h) => (
            <IncomingHandover key={h.id} handover={h} />
          ))}
        </section>
      )}
      <section>
        <h3>{t('handover.signOffTitle')}</h3>
        {isDutyLeader(me) || left.own.length > 0 ? (
          <WhatIsLeft left={left} leader={isDutyLeader(me)} />
        ) : null}
        {mine ? (
          <MyPendingHandover handover={mine} />
        ) : hasAnythingToHand(left) ? (
          <NewHandover hall={hall} me={me} left={left} />
        ) : (
          <p className="muted">{t('handover.nothingOpen')}</p>
        )}
        {kept.length > 0 && (
          <div className="kept-cases" data-testid="kept-cases">
            <h4>{t('handoverKept.title', { count: kept.length })}</h4>
            <p className="muted">{t('handoverKept.hint')}</p>
            <ItemList items={kept} />
          </div>
        )}
        {!mine && left.own.length === 0 && left.deskFollowUps.length > 0 ? (
          <KeepOnDesk />
        ) : (
          <SignOffButton />
        )}
      </section>
      <HandoverHistory />
    </div>
  );
}

function SignOffButton() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const busy = usePending('signOut');
  const online = useOnline();
  return (
    <button
      type="button"
      className="primary"
      data-testid="sign-off"
      disabled={busy || !online}
      onClick={() => void signOut()}
    >
      {busy ? t('common.sending') : t('handover.signOff')}
    </button>
  );
}

/**
 * What signing off now leaves behind, before anyone is asked: own items, and for a duty
 * leader the desk's unassigned follow-ups and the open alerts by kind.
 */
function WhatIsLeft({ left, leader }: { left: LeftAtSignOff; leader: boolean }) {
  const { t } = useTranslation();
  const desk = left.deskFollowUps.map((f) => ({
    kind: 'desk_follow_up' as const,
    id: f.id,
    label: f.note,
    dueAt: f.dueAt,
  }));
  const nothing = left.own.length === 0 && desk.length === 0 && left.alerts.length === 0;
  return (
    <div className="what-is-left" data-testid="what-is-left">
      <h4>{t('handoverLeft.title')}</h4>
      {nothing && <p className="muted empty">{t('handoverLeft.nothing')}</p>}
      {left.own.length > 0 && (
        <>
          <h5>{t('handoverLeft.own', { count: left.own.length })}</h5>
          <ItemList items={left.own} />
        </>
      )}
      {leader && desk.length > 0 && (
        <div data-testid="desk-follow-ups">
          <h5>{t('handoverLeft.deskFollowUps', { count: desk.length })}</h5>
          <p className="muted">{t('handoverLeft.deskHint')}</p>
          <ItemList items={desk} />
        </div>
      )}
      {leader && left.alerts.length > 0 && (
        <div data-testid="open-alerts">
          <h5>
            {t('handoverLeft.alerts', {
              count: left.alerts.reduce((n, a) => n + a.count, 0),
            })}
          </h5>
          <p className="muted">{t('handoverLeft.alertsHint')}</p>
          <ul className="compact">
            {left.alerts.map((a) => (
              <li key={a.kind}>
                {t(`alertKind.${a.kind}`)} × {a.count}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** Nobody to hand the desk to (the last shift of the day): leave its follow-ups, saying why. */
function KeepOnDesk() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const busy = usePending('signOut');
  const online = useOnline();
  const [reason, setReason] = useState('');
  const ready = reason.trim().length >= 2;
  return (
    <form
      className="stack keep-on-desk"
      data-testid="keep-on-desk"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) void signOut(reason.trim());
      }}
    >
      <p className="muted">{t('handoverLeft.keepHint')}</p>
      <label>
        {t('handoverLeft.keepReason')}
        <textarea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-label={t('handoverLeft.keepReason')}
          maxLength={200}
        />
      </label>
      <button type="submit" className="primary" disabled={busy || !online || !ready}>
        {busy ? t('common.sending') : t('handoverLeft.keepSignOff')}
      </button>
      <SignOffButton />
    </form>
  );
}

function ItemList({ items }: { items: HandoverItem[] }) {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const now = useNow();
  return (
    <ul className="compact handover-items">
      {items.map((i) => (
        <li key={`${i.kind}:${i.id}`} data-kind={i.kind}>
          <span className="badge">{t(`handoverItem.${i.kind}`)}</span>{' '}
          {i.kind === 'alert' ? t(`alertKind.${i.label}`, { defaultValue: i.label }) : i.label}{' '}
          {i.kind === 'ticket' && <TicketStateOf id={i.id} />}
          {i.dueAt !== null && (
            <DueBadge dueAt={i.dueAt} now={now} timeZone={hall.config.timeZone} />
          )}
        </li>
      ))}
    </ul>
  );
}

/** A handed-over ticket's state now, in words (the item keeps only its number). */
function TicketStateOf({ id }: { id: string }) {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const state = hall.tickets.find((x) => x.id === id)?.state;
  return state ? <span className="muted">({t(`ticketState.${state}`)})</span> : null;
}

function IncomingHandover({ handover }: { handover: Handover }) {
  const { t, i18n } = useTranslation();
  const { runner } = useDesk();
  const { hall } = useStaffView();
  const online = useOnline();
  const acknowledging = usePending(`ack:${handover.id}`);
  const declining = usePending(`decline:${handover.id}`);
  return (
    <article className="handover-card incoming" data-testid="incoming-handover">
      <header>
        {t('handover.from', { name: staffLabel(staffById(hall, handover.fromStaffId)) })} ·{' '}
        {formatDateTime(handover.createdAt, hall.config.timeZone, langOf(i18n.language))}
      </header>
      <p className="note">{handover.note}</p>
      <ItemList items={handover.items} />
      <footer>
        <button
          type="button"
          className="primary"
          disabled={!online || acknowledging}
          onClick={() =>
            void runner.run(`ack:${handover.id}`, 'handover:acknowledge', {
              handoverId: handover.id,
            })
          }
        >
          {acknowledging ? t('common.sending') : t('handover.acknowledge')}
        </button>
        <button
          type="button"
          disabled={!online || declining}
          onClick={() =>
            void runner.run(`decline:${handover.id}`, 'handover:cancel', {
              handoverId: handover.id,
            })
          }
        >
          {t('handover.decline')}
        </button>
      </footer>
    </article>
  );
}

function MyPendingHandover({ handover }: { handover: Handover }) {
  const { t } = useTranslation();
  const { runner } = useDesk();
  const { hall } = useStaffView();
  const online = useOnline();
  const busy = usePending('withdrawHandover');
  return (
    <article className="handover-card" data-testid="my-handover">
      <header>
        {t('handover.waitingFor', { name: staffLabel(staffById(hall, handover.toStaffId)) })}
      </header>
      <p className="note">{handover.note}</p>
      <ItemList items={handover.items} />
      <button
        type="button"
        disabled={!online || busy}
        onClick={() =>
          void runner.run('withdrawHandover', 'handover:cancel', { handoverId: handover.id })
        }
      >
        {t('handover.withdraw')}
      </button>
    </article>
  );
}

/**
 * Colleagues who can carry on: clerks or back office like the giver, and duty leaders; the
 * duty desk (its follow-ups, the open alerts) goes to a duty leader only.
 */
function receivers(hall: Snapshot, me: Staff, deskOnly: boolean): Staff[] {
  const mine = deskOnly ? [] : me.roles.includes('backoffice') ? ['backoffice'] : ['clerk'];
  return hall.staff
    .filter(
      (s) =>
        s.active && s.id !== me.id && s.roles.some((r) => r === 'duty_leader' || mine.includes(r)),
    )
    .sort(
      (a, b) =>
        Number(b.roles.includes('duty_leader')) - Number(a.roles.includes('duty_leader')) ||
        a.staffNo.localeCompare(b.staffNo),
    );
}

function NewHandover({ hall, me, left }: { hall: Snapshot; me: Staff; left: LeftAtSignOff }) {
  const { t } = useTranslation();
  const { runner } = useDesk();
  const online = useOnline();
  const busy = usePending('handover');
  const [toStaffId, setTo] = useState('');
  const [note, setNote] = useState('');
  const deskOnly = left.deskFollowUps.length > 0 || left.alerts.length > 0;
  const options = receivers(hall, me, deskOnly);
  const count = left.own.length + left.deskFollowUps.length;
  const ready = toStaffId !== '' && note.trim().length >= 2;
  return (
    <form
      className="stack new-handover"
      data-testid="new-handover"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) void runner.run('handover', 'handover:create', { toStaffId, note: note.trim() });
      }}
    >
      <p>{deskOnly ? t('handoverLeft.explain', { count }) : t('handover.explain', { count })}</p>
      <label>
        {t('handover.to')}
        <select
          value={toStaffId}
          onChange={(e) => setTo(e.target.value)}
          aria-label={t('handover.to')}
        >
          <option value="">{t('common.choose')}</option>
          {options.map((s) => (
            <option key={s.id} value={s.id}>
              {staffLabel(s)}
              {s.roles.includes('duty_leader') ? ` · ${t('roles.duty_leader')}` : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('handover.note')}
        <textarea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-label={t('handover.note')}
          maxLength={500}
        />
      </label>
      <button type="submit" disabled={!online || !ready || busy}>
        {busy ? t('common.sending') : t('handover.create')}
      </button>
    </form>
  );
}

/** Handovers are kept: today's from the hall, any earlier day on request. */
function HandoverHistory() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const { hall, me } = useStaffView();
  const online = useOnline();
  const today = localDay(Date.now(), hall.config.timeZone);
  const [day, setDay] = useState(today);
  const asked = useQuery(
    'handover:list',
    { from: day, to: day, staffId: me.id },
    online ? `${day}:${hall.seq}` : null,
  );
  const list = asked.data?.handovers ?? [];
  return (
    <section className="history">
      <h3>
        {t('handover.history')}{' '}
        <input
          type="date"
          value={day}
          max={today}
          onChange={(e) => e.target.value && setDay(e.target.value)}
          aria-label={t('handover.day')}
        />
      </h3>
      {list.length === 0 ? (
        <p className="muted empty">{asked.loading ? t('common.loading') : t('handover.none')}</p>
      ) : (
        <ul className="compact" data-testid="handover-history">
          {list.map((h) => (
            <li key={h.id}>
              {formatDateTime(h.createdAt, hall.config.timeZone, lang)}{' '}
              {staffById(hall, h.fromStaffId)?.name} → {staffById(hall, h.toStaffId)?.name} ·{' '}
              {t(`handoverState.${h.state}`)} · {t('handover.itemCount', { count: h.items.length })}{' '}
              <span className="muted">{h.note}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import {
  keepableOverSignOff,
  type Handover,
  type HandoverItem,
  type Snapshot,
  type Staff,
} from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useNow, useOnline, usePending, useStaffView } from '../common/desk';
import { DueBadge } from '../common/DueBadge';
import { localDay } from '../common/due-status';
import { formatDateTime, type Lang } from '../common/format';
import {
  openCasesOwnedBy,
  openItemCount,
  pendingHandoverFrom,
  pendingHandoverTo,
  staffById,
  staffLabel,
} from '../common/hall-selectors';
import { useQuery } from '../common/use-query';
import { useSignOut } from '../common/use-sign-out';

// Shift handover (交接班): before signing off, open items go to a named colleague or the duty
// leader with a note; they move when the receiver acknowledges. The server refuses a sign-off
// that would leave anything without a holder, and says why.

export function HandoverPanel() {
  const { t } = useTranslation();
  const { hall, me } = useStaffView();
  const incoming = pendingHandoverTo(hall, me.id);
  const mine = pendingHandoverFrom(hall, me.id);
  const now = useNow();
  const kept = openCasesOwnedBy(hall, me.id).filter((c) =>
    keepableOverSignOff(c.dueAt, now, hall.config.timeZone),
  );
  const open = openItemCount(hall, me.id) - kept.length;
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
        {mine ? (
          <MyPendingHandover handover={mine} />
        ) : open > 0 ? (
          <NewHandover hall={hall} me={me} />
        ) : (
          <p className="muted">{t('handover.nothingOpen')}</p>
        )}
        {kept.length > 0 && (
          <div className="kept-cases" data-testid="kept-cases">
            <h4>{t('handoverKept.title', { count: kept.length })}</h4>
            <p className="muted">{t('handoverKept.hint')}</p>
            <ItemList
              items={kept.map((c) => ({
                kind: 'case' as const,
                id: c.id,
                label: `${c.number} ${c.summary}`,
                dueAt: c.dueAt,
              }))}
            />
          </div>
        )}
        <SignOffButton />
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

function ItemList({ items }: { items: HandoverItem[] }) {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const now = useNow();
  return (
    <ul className="compact handover-items">
      {items.map((i) => (
        <li key={`${i.kind}:${i.id}`}>
          <span className="badge">{t(`handoverItem.${i.kind}`)}</span> {i.label}{' '}
          {i.dueAt !== null && (
            <DueBadge dueAt={i.dueAt} now={now} timeZone={hall.config.timeZone} />
          )}
        </li>
      ))}
    </ul>
  );
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
        {formatDateTime(handover.createdAt, hall.config.timeZone, i18n.language as Lang)}
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

/** Colleagues who can carry on: clerks or back office like the giver, and duty leaders. */
function receivers(hall: Snapshot, me: Staff): Staff[] {
  const mine = me.roles.includes('backoffice') ? ['backoffice'] : ['clerk'];
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

function NewHandover({ hall, me }: { hall: Snapshot; me: Staff }) {
  const { t } = useTranslation();
  const { runner } = useDesk();
  const online = useOnline();
  const busy = usePending('handover');
  const [toStaffId, setTo] = useState('');
  const [note, setNote] = useState('');
  const options = receivers(hall, me);
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
      <p>{t('handover.explain', { count: openItemCount(hall, me.id) })}</p>
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
  const lang = i18n.language as Lang;
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

import { useTranslation } from 'react-i18next';
import { useNow, useStaffView } from '../../common/desk';
import { localDay } from '../../common/due-status';
import { formatClock, formatDateTime, useLang } from '@onestop/ui';
import { staffById, staffLabel } from '../../common/hall-selectors';
import { useDialog } from './ConsoleDialog';
import { SignOutDialog } from './CounterDialogs';
import { ago } from './timing';

// Who is signed in in the hall, oldest sign-in first, each since when; the duty leader can sign
// someone out (with a reason).

export function OnDuty(props: { canOverride: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const dialog = useDialog<string>();
  const { hall, me } = useStaffView();
  const tz = hall.config.timeZone;
  const now = useNow();
  // Oldest first: a sign-in left over from an earlier day stands at the top.
  const sessions = hall.sessions
    .filter((s) => s.endedAt === null)
    .sort((a, b) => a.startedAt - b.startedAt);
  return (
    <section className="card on-duty" data-testid="on-duty">
      <h3>{t('console.hall.onDuty', { count: sessions.length })}</h3>
      {sessions.length === 0 ? (
        <p className="muted empty">{t('console.hall.nobodyOnDuty')}</p>
      ) : (
        <ul className="compact">
          {sessions.map((s) => {
            const staff = staffById(hall, s.staffId);
            const device = hall.devices.find((d) => d.id === s.deviceId);
            return (
              <li key={s.id} data-staff={s.staffId}>
                <span>{staffLabel(staff)}</span>{' '}
                <span className="muted">
                  {staff?.roles.map((r) => t(`roles.${r}`)).join(lang === 'zh' ? '、' : ', ')} ·{' '}
                  {device?.name ?? '—'} · <SessionSince startedAt={s.startedAt} now={now} />
                </span>
                {localDay(s.startedAt, tz) < hall.businessDay && (
                  <span className="badge bad" data-testid="stale-session">
                    {t('console.hall.earlierDay')}
                  </span>
                )}
                {props.canOverride && s.staffId !== me.id && (
                  <button type="button" className="link" onClick={() => dialog.show(s.staffId)}>
                    {t('console.override.signOut')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {dialog.open && <SignOutDialog staffId={dialog.open} onClose={dialog.close} />}
    </section>
  );
}

/**
 * When a sign-in began: today's as `13:55 起` (the date and how long ago on hover); one left
 * from an earlier day with its date and how long ago, in full (issue 15 item 6).
 */
function SessionSince({ startedAt, now }: { startedAt: number; now: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { hall } = useStaffView();
  const tz = hall.config.timeZone;
  const full = `${t('console.hall.since', { time: formatDateTime(startedAt, tz, lang) })} (${ago(now - startedAt, lang, t)})`;
  const today = localDay(startedAt, tz) >= hall.businessDay;
  return (
    <span data-testid="session-since" title={full}>
      {today ? t('console.hall.since', { time: formatClock(startedAt, tz) }) : full}
    </span>
  );
}

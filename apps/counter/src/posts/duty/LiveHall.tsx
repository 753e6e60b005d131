import type { Counter, Snapshot } from '@onestop/shared';
import { useTranslation } from 'react-i18next';
import { useNow, useOnline, useStaffView } from '../../common/desk';
import { AlertsPanel } from './AlertsPanel';
import { useDialog } from './ConsoleDialog';
import { CounterCard } from './CounterCard';
import {
  CounterServicesDialog,
  CounterStateDialog,
  NoticeDialog,
  SignOutDialog,
} from './CounterDialogs';
import { DevicesBoard } from './DevicesBoard';
import { OnDuty } from './OnDuty';
import { PanelHead } from './Panel';
import { ServicesBoard } from './ServicesBoard';
import { useCallOrder } from './use-call-order';

// The hall at a glance: every counter, every service's queue, the devices and who is on duty.
// All of it from the snapshot the desk keeps live; the estimated waits from `hall:queues`.

type CounterDialog =
  | { kind: 'state'; counter: Counter }
  | { kind: 'services'; counter: Counter }
  | { kind: 'signOut'; staffId: string }
  | { kind: 'notice' };

export function LiveHall({ canOverride }: { canOverride: boolean }) {
  return (
    <div className="live-hall" data-testid="live-hall">
      <div className="hall-main">
        <CountersBoard canOverride={canOverride} />
        {canOverride && <AlertsPanel canAcknowledge limit={8} />}
      </div>
      <div className="hall-side">
        <ServicesBoard />
        <OnDuty canOverride={canOverride} />
        <DevicesBoard />
      </div>
    </div>
  );
}

function CountersBoard({ canOverride }: { canOverride: boolean }) {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const online = useOnline();
  const now = useNow(5_000); // one clock for every card
  const dialog = useDialog<CounterDialog>();
  const order = useCallOrder();
  const d = dialog.open;
  return (
    <section className="card counters-board">
      <PanelHead title={t('console.hall.counters')} stale={!online}>
        <span className="spacer" />
        <NoticeLine hall={hall} />
        {canOverride && (
          <button type="button" onClick={() => dialog.show({ kind: 'notice' })}>
            {t('console.notice.edit')}
          </button>
        )}
      </PanelHead>
      {hall.counters.length === 0 ? (
        <p className="muted empty">{t('console.hall.noCounters')}</p>
      ) : (
        <div className="counter-cards">
          {[...hall.counters]
            .sort((a, b) => a.number - b.number)
            .map((c) => (
              <CounterCard
                key={c.id}
                counter={c}
                now={now}
                next={order.data?.counters.find((x) => x.counterId === c.id)?.next}
                canOverride={canOverride}
                onState={() => dialog.show({ kind: 'state', counter: c })}
                onServices={() => dialog.show({ kind: 'services', counter: c })}
                onSignOut={(staffId) => dialog.show({ kind: 'signOut', staffId })}
              />
            ))}
        </div>
      )}
      {d?.kind === 'state' && <CounterStateDialog counter={d.counter} onClose={dialog.close} />}
      {d?.kind === 'services' && (
        <CounterServicesDialog counter={d.counter} onClose={dialog.close} />
      )}
      {d?.kind === 'signOut' && <SignOutDialog staffId={d.staffId} onClose={dialog.close} />}
      {d?.kind === 'notice' && <NoticeDialog onClose={dialog.close} />}
    </section>
  );
}

function NoticeLine({ hall }: { hall: Snapshot }) {
  const { t } = useTranslation();
  return (
    <span className="notice-line" data-testid="hall-notice">
      {t('console.notice.current')}
      {hall.config.notice ? (
        <strong>{hall.config.notice}</strong>
      ) : (
        <em>{t('console.notice.none')}</em>
      )}
    </span>
  );
}

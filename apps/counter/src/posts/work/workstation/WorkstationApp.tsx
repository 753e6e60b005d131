import { useTranslation } from 'react-i18next';
import { DeskGate } from '../../../common/DeskGate';
import { useOnline } from '../../../common/desk';
import { LinkBanner } from '../../../common/LinkBanner';
import { RefusalBanner } from '../../../common/RefusalBanner';
import { StaffGate } from '../../../common/StaffGate';
import { CounterChooser } from './CounterChooser';
import { CurrentTicket } from './CurrentTicket';
import { DialogHost } from './DialogHost';
import { OverrideNotices } from './OverrideNotices';
import { ParkedTickets } from './ParkedTickets';
import { QueueGlance } from './QueueGlance';
import { SidePanel } from './SidePanel';
import { TopBar } from './TopBar';
import { useShortcuts } from './use-shortcuts';
import { useWorkActions } from './use-work-actions';
import { useWork, WorkstationProvider } from './work-context';
import { VipArrivals } from '../vips/VipArrivals';

// The clerk workstation (/counter): sign in, take a counter, call and serve.

export function WorkstationApp() {
  const { t } = useTranslation();
  return (
    <DeskGate>
      <StaffGate title={t('screens.counter')} roles={['clerk']}>
        <WorkstationProvider>
          <AtCounter />
        </WorkstationProvider>
      </StaffGate>
    </DeskGate>
  );
}

function AtCounter() {
  const { counter } = useWork();
  if (counter) return <Workstation />;
  return (
    <>
      <VipArrivals />
      <CounterChooser />
    </>
  );
}

function Workstation() {
  const actions = useWorkActions();
  const online = useOnline();
  useShortcuts(actions);
  return (
    <div className={`workstation${online ? '' : ' stale'}`} data-testid="workstation">
      <TopBar actions={actions} />
      <LinkBanner />
      <RefusalBanner />
      <OverrideNotices />
      <VipArrivals />
      <div className="work-grid">
        <section className="work-main">
          <CurrentTicket actions={actions} />
          <ParkedTickets />
          <QueueGlance />
        </section>
        <SidePanel />
      </div>
      <DialogHost />
    </div>
  );
}

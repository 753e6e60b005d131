import { LazyScreen, useLang } from '@onestop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeskGate } from '../../common/DeskGate';
import { DeskHeader } from '../../common/DeskHeader';
import { useOnline, useStaffView } from '../../common/desk';
import { LinkBanner } from '../../common/LinkBanner';
import { RefusalBanner } from '../../common/RefusalBanner';
import { StaffGate } from '../../common/StaffGate';
import { addStrings } from '../../i18n';
import { AdminPanel } from './admin/AdminPanel';
import { alertSubject, sortAlerts } from './alert-groups';
import { AlertsPanel } from './AlertsPanel';
import { useMuted, useNewAlerts } from './chime';
import './console.css';
import { LiveHall } from './LiveHall';
import { OpinionsPanel } from './OpinionsPanel';
import { RemediesPanel } from './RemediesPanel';
import { SpotChecksPanel } from './SpotChecksPanel';
import { DevicesPanel } from './DevicesPanel';
import { TabButtons } from './Panel';
import { ShiftPanel } from './ShiftPanel';
import { consoleEn, consoleZh } from './strings';
import { DeskOccupants } from './StepIn';
import { SyncPanel } from './SyncPanel';
import { initialTab, tabCounts, tabsFor, type ConsoleTab } from './tabs';
import { TicketsPanel } from './TicketsPanel';

// The duty leader's console (/console): the live hall, alerts heard and acknowledged, overrides
// with a reason, the opinions desk and follow-ups, the shift log and handover, the upward sync,
// reports; and, for the admin, the hall's administration. Its words come with it; the reports
// (and ECharts) are a chunk of their own, loaded when the tab is opened.

addStrings(consoleZh, consoleEn);
const loadReports = () => import('../reports/ReportsScreen').then((m) => m.ReportsScreen);

export function ConsoleApp() {
  const { t } = useTranslation();
  return (
    <DeskGate>
      <StaffGate title={t('screens.console')} roles={['duty_leader', 'admin']}>
        <Console />
      </StaffGate>
    </DeskGate>
  );
}

function Console() {
  const { t } = useTranslation();
  const lang = useLang();
  const { hall, me } = useStaffView();
  const online = useOnline();
  const tabs = tabsFor(me.roles);
  const [tab, setTabState] = useState<ConsoleTab>(() => initialTab(tabs, window.location.hash));
  const setTab = (next: ConsoleTab) => {
    setTabState(next);
    window.history.replaceState(null, '', `#${next}`);
  };
  const [muted, toggleMuted] = useMuted();
  const leader = me.roles.includes('duty_leader');
  const fresh = useNewAlerts(leader ? hall.alerts : [], muted);
  const current = tabs.includes(tab) ? tab : tabs[0]!;
  const counts = tabCounts(hall);
  return (
    <div className={`console${online ? '' : ' stale'}`} data-testid="console">
      <DeskHeader
        title={t('screens.console')}
        onRefused={() => tabs.includes('shift') && setTab('shift')}
      />
      <LinkBanner />
      <RefusalBanner />
      <nav className="tabs console-tabs" role="tablist">
        <TabButtons
          tabs={tabs}
          current={current}
          onPick={setTab}
          data="tab"
          label={(tabName) => (
            <>
              {t(`console.tabs.${tabName}`)}
              {counts[tabName] && counts[tabName].n > 0 && (
                <span className={`count${counts[tabName].urgent ? ' urgent' : ''}`}>
                  {counts[tabName].n}
                </span>
              )}
            </>
          )}
        />
        <span className="spacer" />
        <DeskOccupants />
        {leader && (
          <button
            type="button"
            className={`mute${muted ? ' on' : ''}`}
            data-testid="mute"
            aria-pressed={muted}
            onClick={toggleMuted}
          >
            {muted ? t('console.alerts.unmute') : t('console.alerts.mute')}
          </button>
        )}
      </nav>
      {fresh.length > 0 && (
        <div className="new-alerts" role="alert" data-testid="new-alerts">
          <strong>{t('console.alerts.new', { count: fresh.length })}</strong>
          {sortAlerts(fresh)
            .slice(0, 3)
            .map((a) => (
              <span key={a.id} className="new-alert">
                <span className="badge bad">{t(`alertKind.${a.kind}`)}</span>
                {alertSubject(hall, a, lang, t)}
              </span>
            ))}
          <span className="spacer" />
          {current !== 'alerts' && (
            <button type="button" onClick={() => setTab('alerts')}>
              {t('console.alerts.view')}
            </button>
          )}
        </div>
      )}
      <main className="console-body" data-tab={current}>
        {current === 'hall' && <LiveHall canOverride={leader} />}
        {current === 'alerts' && <AlertsPanel canAcknowledge={leader} />}
        {current === 'tickets' && <TicketsPanel />}
        {current === 'opinions' && <OpinionsPanel />}
        {current === 'remedies' && <RemediesPanel />}
        {current === 'spotChecks' && <SpotChecksPanel />}
        {current === 'devices' && <DevicesPanel canFix />}
        {current === 'shift' && <ShiftPanel />}
        {current === 'sync' && <SyncPanel />}
        {current === 'reports' && (
          <LazyScreen load={loadReports} nameKey="console.tabs.reports" className="lazy-part" />
        )}
        {current === 'admin' && <AdminPanel />}
      </main>
    </div>
  );
}

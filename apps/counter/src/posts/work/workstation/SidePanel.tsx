import { useTranslation } from 'react-i18next';
import { pendingHandoverTo } from '../../../common/hall-selectors';
import { HandoverPanel } from '../../../common/handover/HandoverPanel';
import { MinePanel, useMineCounts } from '../mine/MinePanel';
import { MyVipsPanel } from '../vips/MyVipsPanel';
import { CustomerPanel } from './CustomerPanel';
import { useWork, useWorkstation, useWorkstationStore } from './work-context';
import type { SideTab } from './workstation-store';

/** Customer context, the clerk's own items ("mine"), and the shift handover. */
export function SidePanel() {
  const { t } = useTranslation();
  const store = useWorkstationStore();
  const tab = useWorkstation((s) => s.tab);
  const { hall, me } = useWork();
  const counts = useMineCounts();
  const incoming = pendingHandoverTo(hall, me.id).length;
  const tabs: { id: SideTab; label: string; badge?: number; urgent?: boolean }[] = [
    { id: 'customer', label: t('tabs.customer') },
    // 限时办结: the badge counts what needs doing today (overdue and due today), else all.
    {
      id: 'mine',
      label: t('tabs.mine'),
      badge: counts.overdue + counts.dueToday || counts.total,
      urgent: counts.overdue + counts.dueToday > 0,
    },
    { id: 'handover', label: t('tabs.handover'), badge: incoming, urgent: incoming > 0 },
    { id: 'vips', label: t('vips.tab') },
  ];
  return (
    <aside className="side card">
      <nav className="tabs" role="tablist">
        {tabs.map((x) => (
          <button
            key={x.id}
            type="button"
            role="tab"
            aria-selected={tab === x.id}
            data-tab={x.id}
            onClick={() => store.setState({ tab: x.id })}
          >
            {x.label}
            {x.badge ? (
              <span className={`count${x.urgent ? ' urgent' : ''}`}>{x.badge}</span>
            ) : null}
          </button>
        ))}
      </nav>
      <div className="tab-body" role="tabpanel">
        {tab === 'customer' && <CustomerPanel />}
        {tab === 'mine' && <MinePanel />}
        {tab === 'handover' && <HandoverPanel />}
        {tab === 'vips' && <MyVipsPanel />}
      </div>
    </aside>
  );
}

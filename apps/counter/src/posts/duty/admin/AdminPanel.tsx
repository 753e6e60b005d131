import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TabButtons } from '../Panel';
import { CountersAdmin } from './CountersAdmin';
import { CustomersAdmin } from './CustomersAdmin';
import { DevicesAdmin } from './DevicesAdmin';
import { DisplayLayoutAdmin } from './DisplayLayoutAdmin';
import { KnowledgeAdmin } from './KnowledgeAdmin';
import { RemedyKindsAdmin } from './RemedyKindsAdmin';
import { ServicesAdmin } from './ServicesAdmin';
import { SettingsAdmin } from './SettingsAdmin';
import { SpotChecklistAdmin } from './SpotChecklistAdmin';
import { StaffAdmin } from './StaffAdmin';

// Hall administration (admin role). Every change is audited by the server and reaches every
// device at once.

const SECTIONS = [
  'services',
  'counters',
  'staff',
  'devices',
  'displays',
  'customers',
  'remedies',
  'knowledge',
  'spotChecks',
  'settings',
] as const;
type Section = (typeof SECTIONS)[number];

export function AdminPanel() {
  const { t } = useTranslation();
  const [section, setSection] = useState<Section>('services');
  return (
    <div className="admin-panel" data-testid="admin">
      <nav className="seg admin-nav" role="tablist">
        <TabButtons
          tabs={SECTIONS}
          current={section}
          onPick={setSection}
          label={(s) => t(`console.admin.${s}`)}
          data="section"
        />
      </nav>
      {section === 'services' && <ServicesAdmin />}
      {section === 'counters' && <CountersAdmin />}
      {section === 'staff' && <StaffAdmin />}
      {section === 'devices' && <DevicesAdmin />}
      {section === 'displays' && <DisplayLayoutAdmin />}
      {section === 'customers' && <CustomersAdmin />}
      {section === 'remedies' && <RemedyKindsAdmin />}
      {section === 'knowledge' && <KnowledgeAdmin />}
      {section === 'spotChecks' && <SpotChecklistAdmin />}
      {section === 'settings' && <SettingsAdmin />}
    </div>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useView } from './desk';
import { PairingScreen } from './PairingScreen';

/**
 * What every screen shows before it has a hall to draw: refused or unpaired (pairing), loading,
 * or offline with nothing known yet. With a last known hall it renders the screen, which marks
 * itself stale while offline.
 */
export function DeskGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const hasToken = useDesk().deviceToken !== null;
  const link = useView((v) => v.link);
  const known = useView((v) => v.hall !== null);
  if (!hasToken || link === 'refused') return <PairingScreen />;
  if (known) return <>{children}</>;
  return (
    <main className="centered-screen" data-testid="loading" aria-busy="true">
      <p className="big">{link === 'offline' ? t('link.unreachable') : t('common.loading')}</p>
    </main>
  );
}

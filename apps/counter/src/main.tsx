import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BackofficeApp } from './backoffice/BackofficeApp';
import { createDesk, DeskProvider } from './common/desk';
import type { Screen } from './common/device-identity';
import { ConsoleApp } from './console/ConsoleApp';
import './i18n';
import { PadApp } from './pad/PadApp';
import './styles.css';
import { WorkstationApp } from './workstation/WorkstationApp';

// One bundle, four screens, chosen by the path the hall server served it at.
const screens: Record<Screen, () => React.JSX.Element> = {
  counter: WorkstationApp,
  pad: PadApp,
  backoffice: BackofficeApp,
  console: ConsoleApp,
};
const screen =
  (Object.keys(screens) as Screen[]).find((s) => window.location.pathname.startsWith(`/${s}`)) ??
  'counter';
document.body.dataset.screen = screen;
const Screen = screens[screen];
const desk = createDesk(screen);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DeskProvider desk={desk}>
      <Screen />
    </DeskProvider>
  </StrictMode>,
);

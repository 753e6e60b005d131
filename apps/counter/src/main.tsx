import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LazyScreen } from '@onestop/ui';
import './i18n';
import { createDesk, DeskProvider } from './common/desk';
import { screenOfPath, type Screen } from './common/device-identity';
import './styles.css';

// One page, four screens, chosen by the path the hall server served it at. Each screen is a
// chunk of its own, loaded by the device that shows it: a workstation or a pad never fetches
// the console, the reports or ECharts (docs/benchmarks.md, "One bundle per device").
const screens: Record<Screen, () => Promise<() => React.JSX.Element>> = {
  counter: () => import('./posts/work/workstation/WorkstationApp').then((m) => m.WorkstationApp),
  pad: () => import('./posts/work/pad/PadApp').then((m) => m.PadApp),
  backoffice: () => import('./posts/service/BackofficeApp').then((m) => m.BackofficeApp),
  console: () => import('./posts/duty/ConsoleApp').then((m) => m.ConsoleApp),
};
const screen = screenOfPath(window.location.pathname);
document.body.dataset.screen = screen;
const desk = createDesk(screen);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DeskProvider desk={desk}>
      <LazyScreen
        load={screens[screen]}
        nameKey={`screens.${screen}`}
        className="centered-screen"
      />
    </DeskProvider>
  </StrictMode>,
);

import { StrictMode, type JSX } from 'react';
import { createRoot } from 'react-dom/client';
import { LazyScreen } from '@onestop/ui';
import './i18n';
import './styles.css';

// One page, four screens, chosen by the path the hall server served it at. Each screen is a
// chunk of its own, loaded by the device that shows it: the display and the customer's phone
// never fetch the kiosk's keyboard, pinyin dictionary or ticket printing (docs/benchmarks.md,
// "One bundle per device").
const screens = {
  kiosk: () => import('./kiosk/KioskApp').then((m) => m.KioskApp),
  guide: () => import('./guide/GuideApp').then((m) => m.GuideApp),
  display: () => import('./display/DisplayApp').then((m) => m.DisplayApp),
  status: () => import('./status/StatusApp').then((m) => m.StatusApp),
} satisfies Record<string, () => Promise<() => JSX.Element>>;
type Screen = keyof typeof screens;

const isScreen = (name: string): name is Screen => name in screens;
const screen =
  Object.keys(screens)
    .filter(isScreen)
    .find((s) => window.location.pathname.startsWith(`/${s}`)) ?? 'kiosk';
document.body.dataset.screen = screen;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LazyScreen load={screens[screen]} nameKey={`screenName_${screen}`} className="screen-load" />
  </StrictMode>,
);

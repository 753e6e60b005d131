import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DisplayApp } from './display/DisplayApp';
import { GuideApp } from './guide/GuideApp';
import './i18n';
import { KioskApp } from './kiosk/KioskApp';
import { StatusApp } from './status/StatusApp';
import './styles.css';

// One bundle, four screens, chosen by the path the hall server served it at.
const screens = {
  '/kiosk': KioskApp,
  '/guide': GuideApp,
  '/display': DisplayApp,
  '/status': StatusApp,
};
const path = Object.keys(screens).find((p) => window.location.pathname.startsWith(p)) ?? '/kiosk';
const Screen = screens[path as keyof typeof screens];
document.body.dataset.screen = path.slice(1);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Screen />
  </StrictMode>,
);

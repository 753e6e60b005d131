import { join } from 'node:path';
import type { WebApp } from './static-files';

// The screens the hall server serves (their built web apps) and, for the embedded demo hall,
// the landing page's links that open each screen as its pre-paired device.

/**
 * The web apps, built under `repoRoot` (worked out by server.ts, whose place is the same in the
 * sources and in the bundle: this file's is not).
 */
export const webAppsUnder = (repoRoot: string): WebApp[] => [
  {
    routes: ['/kiosk', '/guide', '/display', '/status'],
    dir: join(repoRoot, 'apps/kiosk/dist'),
    title: 'Kiosk, guide desk, hall display, customer phone page',
    screens: {
      '/kiosk': 'self-service kiosk (取号机)',
      '/guide': 'guide desk (引导台)',
      '/display': 'hall display with voice calling (叫号屏)',
      '/status': "a customer's phone page (opened from the ticket's QR code)",
    },
  },
  {
    routes: ['/counter', '/pad', '/backoffice', '/console'],
    dir: join(repoRoot, 'apps/counter/dist'),
    title: 'Clerk workstation, evaluation pad, back office, duty-leader console',
    screens: {
      '/counter': "clerk's workstation (窗口工作台)",
      '/pad': 'evaluation pad facing the customer (评价器)',
      '/backoffice': 'back office: support tasks (后台)',
      '/console': "duty leader's console, administration and reports (值班台)",
    },
  },
];

/** The demo hall's screens opened as their pre-paired devices (`?token=` pairs the page). */
export const demoScreenLinks: { href: string; label: string }[] = [
  { href: '/kiosk?token=demo-kiosk-1', label: 'kiosk 1 (取号机 1)' },
  { href: '/display?token=demo-display-1', label: 'hall display 1 (叫号屏 1)' },
  { href: '/guide?token=demo-guide', label: 'guide desk — sign in as 7001 / 7001' },
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => [
    {
      href: `/counter?token=demo-desk-${n}`,
      label: `counter ${n} workstation — sign in as 100${n} / 100${n}`,
    },
    { href: `/pad?token=demo-pad-${n}&counter=${n}`, label: `counter ${n}'s evaluation pad` },
  ]),
  { href: '/backoffice?token=demo-backoffice', label: 'back office — sign in as 6001 / 6001' },
  {
    href: '/console?token=demo-console',
    label: 'console — duty leader 8001 / 8001, admin 9000 / 9000',
  },
];

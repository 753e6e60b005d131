import { adminEn, adminZh } from './admin';
import { alertsEn, alertsZh } from './alerts';
import { devicesEn, devicesZh } from './devices';
import { displayLayoutsEn, displayLayoutsZh } from './display-layouts';
import { hallEn, hallZh } from './hall';
import { opinionsEn, opinionsZh } from './opinions';
import { remediesEn, remediesZh } from './remedies';
import { spotChecksEn, spotChecksZh } from './spot-checks';
import { shiftEn, shiftZh } from './shift';
import { ticketsEn, ticketsZh } from './tickets';

// The duty-leader console's words (zh default, en), kept beside the console so its screens
// grow without touching the work post's string files; one file per panel, all under the
// top-level key `console` (which must not repeat one in i18n/zh.ts). Merged into the app's
// resources in i18n/resources.ts.

export const consoleZh = {
  console: {
    ...hallZh,
    ...alertsZh,
    ...devicesZh,
    ...ticketsZh,
    ...opinionsZh,
    ...shiftZh,
    ...adminZh,
    ...remediesZh,
    ...spotChecksZh,
    ...displayLayoutsZh,
  },
};

export const consoleEn: typeof consoleZh = {
  console: {
    ...hallEn,
    ...alertsEn,
    ...devicesEn,
    ...ticketsEn,
    ...opinionsEn,
    ...shiftEn,
    ...adminEn,
    ...remediesEn,
    ...spotChecksEn,
    ...displayLayoutsEn,
  },
};

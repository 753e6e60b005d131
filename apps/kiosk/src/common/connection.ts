import { createHallConnection, readDeviceToken, type HallConnection } from '@onestop/client';

// The page's one link to the hall server (the server that served the page).

let connection: HallConnection | null = null;

export function hallConnection(): HallConnection {
  connection ??= createHallConnection({
    url: window.location.origin,
    deviceToken: readDeviceToken(),
  });
  return connection;
}

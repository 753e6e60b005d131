import { createHallConnection, type HallConnection } from '@onestop/client';

// The page's one link to the hall server (the server that served the page).

let connection: HallConnection | null = null;

/** The page's connection; a staff session kept from before a reload goes into its handshake. */
export function hallConnection(
  deviceToken: string,
  sessionToken: string | null = null,
): HallConnection {
  connection ??= createHallConnection({ url: window.location.origin, deviceToken, sessionToken });
  return connection;
}

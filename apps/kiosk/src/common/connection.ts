import { createHallConnection, startHeartbeat, type HallConnection } from '@onestop/client';
import type { AudioState } from '@onestop/shared';
import { bridge } from './bridge';

// The page's one link to the hall server (the server that served the page), and the device's
// heartbeat beside it (version, screen, sound, and on a kiosk its printer; docs/device-health.md).

let connection: HallConnection | null = null;
let audio: () => AudioState = () => 'none';

/** A screen that plays sound (the display) tells the heartbeat whether it may. */
export function reportAudio(read: () => AudioState): void {
  audio = read;
}

/** The page's connection; a staff session kept from before a reload goes into its handshake. */
export function hallConnection(
  deviceToken: string,
  sessionToken: string | null = null,
): HallConnection {
  if (!connection) {
    connection = createHallConnection({ url: window.location.origin, deviceToken, sessionToken });
    const kiosk = window.location.pathname.startsWith('/kiosk');
    startHeartbeat(connection, {
      audio: () => audio(),
      ...(kiosk ? { printer: () => bridge().printerStatus() } : {}),
    });
  }
  return connection;
}

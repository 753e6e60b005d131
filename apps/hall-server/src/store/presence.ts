// Which devices are connected now, kept in memory beside the store: the console's devices
// board reads it through `hall:presence`. Not persisted — after a restart every device
// reconnects, and one that has not is offline with no time known (`since: null`).

export interface DevicePresence {
  deviceId: string;
  online: boolean;
  /** Online: since its first connection came up; offline: since its last one went. */
  since: number | null;
}

export function createPresence() {
  // The socket server counts a device's connections and calls up/down only on its first one
  // and its last one (transport/socket-server.ts); this keeps the outcome and the time.
  const online = new Set<string>();
  const since = new Map<string, number>();
  return {
    /** The device's first connection came up. */
    up(deviceId: string, now: number): void {
      online.add(deviceId);
      since.set(deviceId, now);
    },
    /** The device's last connection went. */
    down(deviceId: string, now: number): void {
      online.delete(deviceId);
      since.set(deviceId, now);
    },
    /** The devices asked for, each online or offline and since when. */
    of(deviceIds: readonly string[]): DevicePresence[] {
      return deviceIds.map((deviceId) => ({
        deviceId,
        online: online.has(deviceId),
        since: since.get(deviceId) ?? null,
      }));
    },
  };
}
export type Presence = ReturnType<typeof createPresence>;

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
  const connections = new Map<string, number>();
  const since = new Map<string, number>();
  return {
    /** A connection of this device came up. */
    up(deviceId: string, now: number): void {
      const count = (connections.get(deviceId) ?? 0) + 1;
      connections.set(deviceId, count);
      if (count === 1) since.set(deviceId, now);
    },
    /** A connection of this device went. */
    down(deviceId: string, now: number): void {
      const left = (connections.get(deviceId) ?? 1) - 1;
      if (left > 0) {
        connections.set(deviceId, left);
        return;
      }
      connections.delete(deviceId);
      since.set(deviceId, now);
    },
    /** The devices asked for, each online or offline and since when. */
    of(deviceIds: readonly string[]): DevicePresence[] {
      return deviceIds.map((deviceId) => ({
        deviceId,
        online: connections.has(deviceId),
        since: since.get(deviceId) ?? null,
      }));
    },
  };
}
export type Presence = ReturnType<typeof createPresence>;

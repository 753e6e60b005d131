import type { ChildProcess } from 'node:child_process';
import { spawnHall as spawnHallProcess } from '@onestop/hall-server/test-support/hall-process';

// The hall server as its own process (`npm start`'s entry point), for drills that kill it.

export { freePort, killHard } from '@onestop/hall-server/test-support/hall-process';

export function spawnHall(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
): Promise<ChildProcess> {
  // Drills drive a whole hall through few devices.
  return spawnHallProcess(dataDir, port, { RATE_LIMITS: 'off', ...env });
}

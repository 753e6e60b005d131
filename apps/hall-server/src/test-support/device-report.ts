import type { DeviceReport } from '@onestop/shared';

/**
 * A healthy portrait kiosk's heartbeat report (issue 19 item 2), with `over` changed: the
 * device-health rules' tests and their attack tests start from the same report.
 */
export const deviceReport = (over: Partial<DeviceReport> = {}): DeviceReport => ({
  version: '0.19.0',
  screen: { width: 1080, height: 1920, orientation: 'portrait' },
  audio: 'none',
  printer: 'ok',
  ...over,
});

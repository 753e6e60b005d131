import {
  clerkAtCounter,
  connectClient,
  type HallClient,
} from '@onestop/hall-server/test-support/hall-harness';

// The demo hall's people and devices on sockets of their own, for the screen tests and the
// screenshot tours: each signs in on the desk the demo hall pairs for them.

/** A clerk signed in at an open counter of the demo hall (desk and staff number by counter). */
export function clerkAt(url: string, counter: number, staffNo = `100${counter}`) {
  return clerkAtCounter(url, {
    deviceToken: `demo-desk-${counter}`,
    staffNo,
    pin: staffNo,
    counterId: `ctr-${counter}`,
  });
}

/** 赵引导 (7001) at the guide desk: issues tickets for customers. */
export function guideAt(url: string) {
  return clerkAtCounter(url, { deviceToken: 'demo-guide', staffNo: '7001', pin: '7001' });
}

/** 王值班 (8001), the duty leader, at the console. */
export function leaderAt(url: string) {
  return clerkAtCounter(url, { deviceToken: 'demo-console', staffNo: '8001', pin: '8001' });
}

/** A kiosk's socket: issues tickets and sends opinions as the supervision box does. */
export function kioskSocket(url: string): Promise<HallClient> {
  return connectClient(url, { deviceToken: 'demo-kiosk-1' });
}

// When an unattended screen goes back to its start: pure, so the timing is tested.

/** Seconds without a touch after which the kiosk returns to the start screen; null: never. */
export function idleTimeoutSec(step: string): number | null {
  switch (step) {
    case 'issuing': // a ticket request in flight: it prints when the link is back
      return null;
    case 'issued':
    case 'thanks':
    case 'error':
      return 20;
    default:
      return 60;
  }
}

/** Whole seconds left before going back, counting from the last touch; 0 when due. */
export function secondsLeft(lastTouchAt: number, timeoutSec: number, now: number): number {
  return Math.max(0, Math.ceil((lastTouchAt + timeoutSec * 1000 - now) / 1000));
}

/** Screens that show the countdown (the others go back quietly). */
export function showsCountdown(step: string): boolean {
  return step === 'issued' || step === 'thanks' || step === 'error';
}

/**
 * The way out of kiosk mode is hidden from customers: five taps on the hall's name within three
 * seconds open the admin PIN pad.
 */
export function isExitGesture(tapTimes: readonly number[], now: number): boolean {
  const recent = tapTimes.filter((at) => now - at <= 3000 && at <= now);
  return recent.length >= 5;
}

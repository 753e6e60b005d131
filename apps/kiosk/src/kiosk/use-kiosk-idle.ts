import { useEffect, useState } from 'react';
import { idleTimeoutSec, secondsLeft } from '../common/idle-timer';
import { kioskStore, useKiosk } from './kiosk-store';

/** Seconds left before the kiosk goes back to the start (null: it stays), counted from a touch. */
export function useKioskIdle(onIdle: () => void): number | null {
  const step = useKiosk((s) => s.step.name);
  const lastTouchAt = useKiosk((s) => s.lastTouchAt);
  const timeout = idleTimeoutSec(step);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const touched = () => kioskStore.getState().touched(Date.now());
    window.addEventListener('pointerdown', touched, { capture: true });
    window.addEventListener('keydown', touched, { capture: true });
    return () => {
      window.removeEventListener('pointerdown', touched, { capture: true });
      window.removeEventListener('keydown', touched, { capture: true });
    };
  }, []);

  useEffect(() => {
    if (timeout === null) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [timeout]);

  const left = timeout === null ? null : Math.min(timeout, secondsLeft(lastTouchAt, timeout, now));
  useEffect(() => {
    if (left === 0) onIdle();
  }, [left, onIdle]);
  return left;
}

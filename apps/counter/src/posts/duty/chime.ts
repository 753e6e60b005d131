import { useEffect, useRef, useState } from 'react';
import type { Alert } from '@onestop/shared';

// New alerts are heard as well as seen: a short two-tone chime through WebAudio, muted per
// console on request (kept across reloads). Each played chime is counted on the window so the
// screen tests can tell that one sounded.

const MUTE_KEY = 'onestop.console.muted';

declare global {
  interface Window {
    /** How many chimes the console has played (read by the screen tests). */
    __consoleChimes?: number;
  }
}

let audio: AudioContext | null = null;

export function playChime(): void {
  window.__consoleChimes = (window.__consoleChimes ?? 0) + 1;
  try {
    audio ??= new AudioContext();
    const start = audio.currentTime;
    for (const [i, freq] of [880, 660].entries()) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      const at = start + i * 0.18;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.3);
      osc.connect(gain).connect(audio.destination);
      osc.start(at);
      osc.stop(at + 0.32);
    }
  } catch {
    // No audio device (or not allowed yet): the alert is still shown.
  }
}

export function useMuted(): [boolean, () => void] {
  const [muted, setMuted] = useState(() => localStorage.getItem(MUTE_KEY) === '1');
  const toggle = () =>
    setMuted((m) => {
      localStorage.setItem(MUTE_KEY, m ? '0' : '1');
      return !m;
    });
  return [muted, toggle];
}

/** The open alerts not seen before; every alert counts as seen after. */
export function arrivals(seen: Set<string>, alerts: readonly Alert[]): Alert[] {
  const arrived = alerts.filter((a) => a.acknowledgedAt === null && !seen.has(a.id));
  for (const a of alerts) seen.add(a.id);
  return arrived;
}

/**
 * The alerts not yet acknowledged that arrived since the console opened; chimes once for each
 * batch of new ones unless muted. Alerts already open when the console opens are listed, not
 * chimed.
 */
export function useNewAlerts(alerts: readonly Alert[], muted: boolean): Alert[] {
  const seen = useRef<Set<string> | null>(null);
  const [fresh, setFresh] = useState<string[]>([]);
  useEffect(() => {
    if (seen.current === null) {
      seen.current = new Set(alerts.map((a) => a.id));
      return;
    }
    const arrived = arrivals(seen.current, alerts);
    if (arrived.length > 0) {
      setFresh((f) => [...f, ...arrived.map((a) => a.id)]);
      if (!muted) playChime();
    }
  }, [alerts, muted]);
  return alerts.filter((a) => a.acknowledgedAt === null && fresh.includes(a.id));
}

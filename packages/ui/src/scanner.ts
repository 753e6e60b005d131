import { useEffect, useRef } from 'react';

// A USB barcode or QR scanner in keyboard-wedge mode "types" what it read: a burst of key
// presses a few milliseconds apart, ended by Enter (docs/customer-identification.md, "Scanner
// set-up"). A person types far slower, even on a hardware keyboard (100 ms or more between
// keys), and the screens' on-screen keypads are buttons that send no key presses at all. So a
// burst is told by its timing alone: every key within `maxGapMs` of the previous one, at least
// `minLength` of them, then Enter.

export interface ScanTiming {
  /** The longest pause between two keys of one scan. */
  maxGapMs: number;
  /** The fewest characters a scan has (an account number has 6). */
  minLength: number;
  /** The most kept (a QR code's URL); longer bursts are not scans. */
  maxLength: number;
}

export const defaultScanTiming: ScanTiming = { maxGapMs: 35, minLength: 6, maxLength: 512 };

/**
 * What the page does with a key: `scan` — Enter ending a burst, here is the code; `swallow` —
 * a key inside a burst (not for the focused field, nor Enter for a form); `pass` — an ordinary
 * key press (the first key of a burst is one: it cannot be told yet).
 */
export type ScanVerdict = { kind: 'scan'; code: string } | { kind: 'swallow' } | { kind: 'pass' };

/** A detector fed every key press (`key` as KeyboardEvent.key) with its time. Pure but for its state. */
export function createScanDetector(timing: ScanTiming = defaultScanTiming) {
  let buffer = '';
  let lastAt = Number.NEGATIVE_INFINITY;
  const reset = () => {
    buffer = '';
    lastAt = Number.NEGATIVE_INFINITY;
  };
  return {
    key(key: string, at: number): ScanVerdict {
      const inBurst = buffer !== '' && at - lastAt <= timing.maxGapMs;
      if (key === 'Enter') {
        const code = buffer;
        reset();
        return inBurst && code.length >= timing.minLength
          ? { kind: 'scan', code }
          : { kind: 'pass' };
      }
      // Shift (upper-case letters, some scanners' prefixes) comes between a burst's characters.
      if (key === 'Shift') return inBurst ? { kind: 'swallow' } : { kind: 'pass' };
      if (key.length !== 1) {
        reset();
        return { kind: 'pass' };
      }
      lastAt = at;
      if (inBurst && buffer.length < timing.maxLength) {
        buffer += key;
        return { kind: 'swallow' };
      }
      buffer = key;
      return { kind: 'pass' };
    },
    reset,
  };
}

/**
 * Listens for scans on the whole page while `enabled`: `onScan` gets each scanned code; the
 * burst's keys do not reach the focused field (but its first key, which cannot be told yet —
 * a screen clears the field it scanned into), nor does its Enter submit a form.
 */
export function useScanner(onScan: (code: string) => void, enabled = true): void {
  const handler = useRef(onScan);
  handler.current = onScan;
  useEffect(() => {
    if (!enabled) return;
    const detector = createScanDetector();
    const listener = (e: KeyboardEvent) => {
      if (e.isComposing || e.ctrlKey || e.altKey || e.metaKey) return;
      const verdict = detector.key(e.key, e.timeStamp);
      if (verdict.kind === 'pass') return;
      e.preventDefault();
      e.stopPropagation();
      if (verdict.kind === 'scan') handler.current(verdict.code);
    };
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
  }, [enabled]);
}

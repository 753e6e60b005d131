import { isCommandName, type ErrorCode } from '@onestop/shared';

// Refusals of requests that carry no valid device (no token, an unknown or a revoked one) are
// counted here, not written to the audit log row by row: nobody can be held to them, and an
// attacker could otherwise fill the disk with them. Keyed by command and code, both from closed
// lists (an unknown command name counts as "(unknown)"), so the memory is bounded.

export interface RefusedAnonymous {
  command: string;
  code: ErrorCode;
  count: number;
  firstAt: number;
  lastAt: number;
  /** The source address of the latest one (socket handshake or HTTP request), if known. */
  sampleSource: string | null;
}

export function createRefusedAnonymousCounter() {
  const counts = new Map<string, RefusedAnonymous>();
  return {
    count(command: string, code: ErrorCode, at: number, source: string | undefined): void {
      const name = isCommandName(command) ? command : '(unknown)';
      const key = `${name} ${code}`;
      const entry = counts.get(key);
      if (entry) {
        entry.count++;
        entry.lastAt = at;
        entry.sampleSource = source?.slice(0, 64) ?? entry.sampleSource;
      } else {
        counts.set(key, {
          command: name,
          code,
          count: 1,
          firstAt: at,
          lastAt: at,
          sampleSource: source?.slice(0, 64) ?? null,
        });
      }
    },
    /** Since the server started: one entry per command and code, most frequent first. */
    snapshot(): { total: number; byCommand: RefusedAnonymous[] } {
      const byCommand = [...counts.values()]
        .map((e) => ({ ...e }))
        .sort((a, b) => b.count - a.count);
      return { total: byCommand.reduce((n, e) => n + e.count, 0), byCommand };
    },
  };
}

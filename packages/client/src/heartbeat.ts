import type { AudioState, DeviceReport, PrinterState, ScreenInfo } from '@onestop/shared';
import type { HallConnection } from './hall-connection';

// Every paired device's heartbeat (issue 19 item 2): its version, screen, sound and (kiosk)
// printer, sent to the hall on connect, every 30 s and as soon as something changes. Started
// once per page, beside its one hall connection (never per screen component).

declare const __ONESTOP_VERSION__: string | undefined;

/** The release the page was built from (vite's `define`); `dev` when run from source. */
export function appVersion(): string {
  return typeof __ONESTOP_VERSION__ === 'string' ? __ONESTOP_VERSION__ : 'dev';
}

/** The page's screen as the device shows it now. */
export function screenNow(win: Pick<Window, 'innerWidth' | 'innerHeight'> = window): ScreenInfo {
  const width = Math.max(1, Math.round(win.innerWidth));
  const height = Math.max(1, Math.round(win.innerHeight));
  return { width, height, orientation: width >= height ? 'landscape' : 'portrait' };
}

export interface HeartbeatSources {
  /** Sound: a display tells whether the browser lets it play; other screens `none`. */
  audio?: () => AudioState;
  /** Only a kiosk asks its shell's printer. */
  printer?: () => Promise<PrinterState>;
}

export interface HeartbeatOptions {
  everyMs?: number;
  /** How often the page looks for a change between heartbeats. */
  lookMs?: number;
}

/** What the page would report now. */
export async function readReport(sources: HeartbeatSources): Promise<DeviceReport> {
  const printer = sources.printer ? await sources.printer().catch(() => 'unknown' as const) : null;
  return {
    version: appVersion(),
    screen: screenNow(),
    audio: sources.audio?.() ?? 'none',
    ...(printer ? { printer } : {}),
  };
}

/**
 * Sends the heartbeat while the link is online: when it comes up, every `everyMs`, and when
 * what the page would report differs from what it last sent (looked at every `lookMs`).
 * Returns `stop`.
 */
export function startHeartbeat(
  connection: HallConnection,
  sources: HeartbeatSources = {},
  { everyMs = 30_000, lookMs = 3_000 }: HeartbeatOptions = {},
): () => void {
  let lastSent = '';
  let lastAt = 0;
  let busy = false;
  const online = () => connection.store.getState().link === 'online';

  async function tick(force: boolean): Promise<void> {
    if (busy || !online()) return;
    busy = true;
    try {
      const report = await readReport(sources);
      const text = JSON.stringify(report);
      if (!force && text === lastSent && Date.now() - lastAt < everyMs) return;
      const ack = await connection.send('device:heartbeat', { report }, { giveUpAfterMs: lookMs });
      if (ack.ok) {
        lastSent = text;
        lastAt = Date.now();
      }
    } finally {
      busy = false;
    }
  }

  const unsubscribe = connection.store.subscribe((view, before) => {
    if (view.link === 'online' && before.link !== 'online') void tick(true);
  });
  const timer = setInterval(() => void tick(false), lookMs);
  void tick(true);
  return () => {
    unsubscribe();
    clearInterval(timer);
  };
}

// The Electron bridge: what each shell's preload exposes to its page, the IPC channels behind
// it and what travels on each. Plain types and names, no zod: the sandboxed preload bundles
// this file alone (`@onestop/shared/bridge`), and the main process checks every argument.

// ---- The kiosk's shell (kiosk, display, guide desk): `window.onestopShell`

export type PaperWidth = 58 | 80;
export const paperWidths: readonly PaperWidth[] = [58, 80];
export const isPaperWidth = (v: unknown): v is PaperWidth => v === 58 || v === 80;

export interface DeviceIdentity {
  /** The hall server this machine is set up for. */
  serverUrl: string;
  /** The screen it shows: `/kiosk`, `/display` or `/guide`. */
  screen: string;
  paper: PaperWidth;
  /** The configured ticket printer; null for the system default. */
  printerName: string | null;
}

/**
 * What a resident ID card reader gives the page: the 18-character number and the name printed
 * on the card (docs/customer-identification.md). The page sends it to the hall server at once
 * and keeps neither.
 */
export interface IdCardRead {
  idNumber: string;
  name: string;
}

/** The longest a page may ask the shell to wait for a card on the reader. */
export const ID_CARD_MAX_WAIT_MS = 30_000;

/**
 * The ticket printer as the OS print queue tells it (docs/device-health.md); `unknown`: no
 * shell (a plain browser) or no word from the queue. The device's heartbeat carries it.
 */
export const printerStates = [
  'ok',
  'paper_low',
  'paper_out',
  'cover_open',
  'offline',
  'unknown',
] as const;
export type PrinterStatus = (typeof printerStates)[number];

export interface ShellApi {
  /** Prints the page's print layout silently on the configured printer. */
  print(paper: PaperWidth): Promise<void>;
  identity(): Promise<DeviceIdentity>;
  /** Leaves kiosk mode and quits when the admin PIN is right; false otherwise. */
  requestExit(pin: string): Promise<boolean>;
  /**
   * Waits up to `timeoutMs` (at most ID_CARD_MAX_WAIT_MS) for a resident ID card on the
   * reader; null when none was read in time or the machine has no reader.
   */
  readIdCard(timeoutMs: number): Promise<IdCardRead | null>;
  /** The configured ticket printer's state, from the OS print queue. */
  printerStatus(): Promise<PrinterStatus>;
}

export const SHELL_GLOBAL = 'onestopShell';

/** Each channel with what the page sends and what the main process answers. */
export type KioskChannels = {
  'onestop:print': { args: [paper: PaperWidth]; result: void };
  'onestop:identity': { args: []; result: DeviceIdentity };
  'onestop:exit': { args: [pin: string]; result: boolean };
  'onestop:read-id-card': { args: [timeoutMs: number]; result: IdCardRead | null };
  'onestop:printer-status': { args: []; result: PrinterStatus };
};

export const kioskChannels = {
  print: 'onestop:print',
  identity: 'onestop:identity',
  exit: 'onestop:exit',
  readIdCard: 'onestop:read-id-card',
  printerStatus: 'onestop:printer-status',
} as const satisfies Record<string, keyof KioskChannels>;

// ---- The counter's desktop shell (workstation and pad windows): `window.onestopDesk`

export type DeskWindow = 'workstation' | 'pad';

export interface DeskIdentity {
  /** The hall server this machine is set up for. */
  serverUrl: string;
  /** Which of the shell's windows asks. */
  window: DeskWindow;
  /** The counter whose pad the second window shows; null without a pad window. */
  padCounter: number | null;
}

export interface DeskShellApi {
  identity(): Promise<DeskIdentity>;
}

export const DESK_SHELL_GLOBAL = 'onestopDesk';

export type DeskChannels = {
  'onestop-desk:identity': { args: []; result: DeskIdentity };
};

export const deskChannels = {
  identity: 'onestop-desk:identity',
} as const satisfies Record<string, keyof DeskChannels>;

// ---- Both

/** A preload's call of a channel, typed by its table (ipcRenderer.invoke fits it). */
export type BridgeInvoke<Channels extends Record<string, { args: unknown[]; result: unknown }>> = <
  C extends keyof Channels & string,
>(
  channel: C,
  ...args: Channels[C]['args']
) => Promise<Channels[C]['result']>;

// What the Electron shell's preload exposes to the page as `window.onestopShell`: the one,
// narrow bridge between a kiosk's page and its machine. Types only; the preload implements it,
// and the shell's main process checks every argument again (see electron/policy.ts).

export type PaperWidth = 58 | 80;

export interface DeviceIdentity {
  /** The hall server this machine is set up for. */
  serverUrl: string;
  /** The screen it shows: `/kiosk`, `/display` or `/guide`. */
  screen: string;
  paper: PaperWidth;
  /** The configured ticket printer; null for the system default. */
  printerName: string | null;
}

export interface ShellApi {
  /** Prints the page's print layout silently on the configured printer. */
  print(paper: PaperWidth): Promise<void>;
  identity(): Promise<DeviceIdentity>;
  /** Leaves kiosk mode and quits when the admin PIN is right; false otherwise. */
  requestExit(pin: string): Promise<boolean>;
}

export const SHELL_GLOBAL = 'onestopShell';

declare global {
  interface Window {
    /** Only inside the kiosk shell. */
    [SHELL_GLOBAL]?: ShellApi;
  }
}

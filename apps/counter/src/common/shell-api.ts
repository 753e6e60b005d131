// What the desktop shell's preload exposes to the page as `window.onestopDesk`: the one, narrow
// bridge between a desk's page and its machine. Types only; the preload implements it, and the
// shell's main process checks every call again (see electron/policy.ts). In a plain browser
// there is no bridge and the screens work the same.

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

import type { SHELL_GLOBAL, ShellApi } from '@onestop/shared/bridge';

// What the Electron shell's preload exposes to the page as `window.onestopShell`: the one,
// narrow bridge between a kiosk's page and its machine, as the contract declares it
// (@onestop/shared/bridge); the shell's main process checks every argument again.

export {
  SHELL_GLOBAL,
  type DeviceIdentity,
  type IdCardRead,
  type PaperWidth,
  type PrinterStatus,
  type ShellApi,
} from '@onestop/shared/bridge';

declare global {
  interface Window {
    /** Only inside the kiosk shell. */
    [SHELL_GLOBAL]?: ShellApi;
  }
}

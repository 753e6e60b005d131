import {
  kioskChannels,
  SHELL_GLOBAL,
  type BridgeInvoke,
  type KioskChannels,
  type ShellApi,
} from '@onestop/shared/bridge';
import { contextBridge, ipcRenderer } from 'electron';

// The narrow bridge the page may use (the contract's ShellApi, packages/shared/src/contract/
// bridge.ts): print a ticket, read the device's identity, leave kiosk mode with the admin PIN,
// read a resident ID card on the reader, tell the ticket printer's state.
// Nothing else of Node or Electron reaches the page, and the main process checks every
// argument again.

const invoke: BridgeInvoke<KioskChannels> = (channel, ...args) =>
  ipcRenderer.invoke(channel, ...args);

const shell: ShellApi = {
  print: (paper) => invoke(kioskChannels.print, paper),
  identity: () => invoke(kioskChannels.identity),
  requestExit: (pin) => invoke(kioskChannels.exit, pin),
  readIdCard: (timeoutMs) => invoke(kioskChannels.readIdCard, timeoutMs),
  printerStatus: () => invoke(kioskChannels.printerStatus),
};

// Bundled into one file (a sandboxed preload can require only Electron's own modules).
contextBridge.exposeInMainWorld(SHELL_GLOBAL, shell);

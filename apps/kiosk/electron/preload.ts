import { contextBridge, ipcRenderer } from 'electron';
import {
  SHELL_GLOBAL,
  type DeviceIdentity,
  type PaperWidth,
  type ShellApi,
} from '../src/common/shell-api';

// The narrow bridge the page may use (see src/common/shell-api.ts): print a ticket, read the
// device's identity, leave kiosk mode with the admin PIN. Nothing else of Node or Electron
// reaches the page, and the main process checks every argument again.

const shell: ShellApi = {
  print: (paper: PaperWidth) => ipcRenderer.invoke('onestop:print', paper) as Promise<void>,
  identity: () => ipcRenderer.invoke('onestop:identity') as Promise<DeviceIdentity>,
  requestExit: (pin: string) => ipcRenderer.invoke('onestop:exit', pin) as Promise<boolean>,
};

// Bundled into one file (a sandboxed preload can require only Electron's own modules).
contextBridge.exposeInMainWorld(SHELL_GLOBAL, shell);

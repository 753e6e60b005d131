import { contextBridge, ipcRenderer } from 'electron';
import { DESK_SHELL_GLOBAL, type DeskIdentity, type DeskShellApi } from '../src/common/shell-api';

// The narrow bridge the page may use (see src/common/shell-api.ts): which window it is in and
// which counter's pad the machine shows. Nothing else of Node or Electron reaches the page,
// and the main process checks the caller again.

const shell: DeskShellApi = {
  identity: () => ipcRenderer.invoke('onestop-desk:identity') as Promise<DeskIdentity>,
};

// Bundled into one file (a sandboxed preload can require only Electron's own modules).
contextBridge.exposeInMainWorld(DESK_SHELL_GLOBAL, shell);

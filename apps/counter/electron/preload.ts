import {
  deskChannels,
  DESK_SHELL_GLOBAL,
  type BridgeInvoke,
  type DeskChannels,
  type DeskShellApi,
} from '@onestop/shared/bridge';
import { contextBridge, ipcRenderer } from 'electron';

// The narrow bridge the page may use (the contract's DeskShellApi, packages/shared/src/
// contract/bridge.ts): which window it is in and which counter's pad the machine shows.
// Nothing else of Node or Electron reaches the page, and the main process checks the caller
// again.

const invoke: BridgeInvoke<DeskChannels> = (channel, ...args) =>
  ipcRenderer.invoke(channel, ...args);

const shell: DeskShellApi = {
  identity: () => invoke(deskChannels.identity),
};

// Bundled into one file (a sandboxed preload can require only Electron's own modules).
contextBridge.exposeInMainWorld(DESK_SHELL_GLOBAL, shell);

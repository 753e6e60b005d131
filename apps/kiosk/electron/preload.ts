import { contextBridge, ipcRenderer } from 'electron';

// The narrow bridge the renderer may use: print a ticket, read the device's identity, leave
// kiosk mode with the admin PIN. Nothing else of Node or Electron reaches the page.
contextBridge.exposeInMainWorld('onestop', {
  print: (options: { silent: boolean; paper: 58 | 80 }) =>
    ipcRenderer.invoke('onestop:print', options.paper) as Promise<void>,
  identity: () =>
    ipcRenderer.invoke('onestop:identity') as Promise<{
      serverUrl: string;
      screen: string;
      paper: number;
    }>,
  requestExit: (pin: string) => ipcRenderer.invoke('onestop:exit', pin) as Promise<boolean>,
});

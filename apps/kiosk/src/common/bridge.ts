import {
  SHELL_GLOBAL,
  type DeviceIdentity,
  type IdCardRead,
  type PaperWidth,
  type PrinterStatus,
  type ShellApi,
} from './shell-api';

// The screens depend on this bridge, never on Electron: inside the kiosk shell it prints
// silently and can leave kiosk mode; in a plain browser it opens the print dialog.

export interface Bridge {
  kind: 'shell' | 'web';
  print(paper: PaperWidth): Promise<void>;
  identity(): Promise<DeviceIdentity>;
  /** Only the shell has a kiosk mode to leave. */
  requestExit: ((pin: string) => Promise<boolean>) | null;
  /** Only the shell has an ID card reader (the kiosk hides its button without one). */
  readIdCard: ((timeoutMs: number) => Promise<IdCardRead | null>) | null;
  /** The ticket printer's state from the OS queue; `unknown` in a plain browser. */
  printerStatus(): Promise<PrinterStatus>;
}

/** The paper width from the address (the shell adds `paper=58` for 58 mm printers). */
export function paperFromUrl(search: string = window.location.search): PaperWidth {
  return new URLSearchParams(search).get('paper') === '58' ? 58 : 80;
}

function shellBridge(shell: ShellApi): Bridge {
  return {
    kind: 'shell',
    print: (paper) => shell.print(paper),
    identity: () => shell.identity(),
    requestExit: (pin) => shell.requestExit(pin),
    // An older shell without the reader's channel: no button.
    readIdCard: typeof shell.readIdCard === 'function' ? (ms) => shell.readIdCard(ms) : null,
    // An older shell without the printer's channel: no word.
    printerStatus: () =>
      typeof shell.printerStatus === 'function'
        ? shell.printerStatus()
        : Promise.resolve('unknown' as const),
  };
}

const webBridge: Bridge = {
  kind: 'web',
  async print() {
    window.print();
  },
  async identity() {
    return {
      serverUrl: window.location.origin,
      screen: window.location.pathname,
      paper: paperFromUrl(),
      printerName: null,
    };
  },
  requestExit: null,
  readIdCard: null,
  printerStatus: () => Promise.resolve('unknown'),
};

export function bridge(): Bridge {
  const shell = window[SHELL_GLOBAL];
  return shell ? shellBridge(shell) : webBridge;
}

import type { PrinterStatus } from '@onestop/shared/bridge';

// The ticket printer's state from what Electron lists of the OS print queues
// (webContents.getPrintersAsync): on Linux and macOS CUPS's `printer-state` and
// `printer-state-reasons` options, on Windows the queue's PRINTER_STATUS_* bits. Plain, so it
// is tested without Electron.

/**
 * What the shell reads of one printer: Electron's PrinterInfo (name and the platform's
 * options); older Electron versions also gave `isDefault` and the Windows `status` bits.
 */
export interface QueuedPrinter {
  name: string;
  isDefault?: boolean;
  status?: number;
  options?: Record<string, string>;
}

// Windows PRINTER_STATUS_* (winspool.h).
const WIN = {
  error: 0x2,
  paperJam: 0x8,
  paperOut: 0x10,
  paperProblem: 0x40,
  offline: 0x80,
  notAvailable: 0x1000,
  doorOpen: 0x400000,
};

/** The worst first: a printer out of paper with its cover open needs the paper told first. */
const ORDER: readonly PrinterStatus[] = ['paper_out', 'cover_open', 'offline', 'paper_low', 'ok'];

function fromCups(options: Record<string, string>): PrinterStatus[] {
  const reasons = (options['printer-state-reasons'] ?? '').split(',').map((r) => r.trim());
  const has = (...words: string[]) => reasons.some((r) => words.some((w) => r.startsWith(w)));
  const found: PrinterStatus[] = [];
  if (has('media-empty', 'media-needed')) found.push('paper_out');
  if (has('cover-open', 'door-open')) found.push('cover_open');
  if (has('offline', 'shutdown', 'connecting-to-device', 'timed-out')) found.push('offline');
  if (options['printer-state'] === '5' && found.length === 0) found.push('offline'); // stopped
  if (has('media-low')) found.push('paper_low');
  return found;
}

function fromWindows(status: number): PrinterStatus[] {
  const found: PrinterStatus[] = [];
  if (status & (WIN.paperOut | WIN.paperProblem | WIN.paperJam)) found.push('paper_out');
  if (status & WIN.doorOpen) found.push('cover_open');
  if (status & (WIN.offline | WIN.notAvailable | WIN.error)) found.push('offline');
  return found;
}

/**
 * The configured printer's state (the system default when none is configured): `offline` when
 * the configured one is not in the queue at all, `unknown` when there is no printer to ask.
 */
export function printerStatusOf(
  printers: readonly QueuedPrinter[],
  configuredName: string | undefined,
): PrinterStatus {
  const isDefault = (p: QueuedPrinter) => p.isDefault ?? p.options?.['is-default'] === 'true';
  const printer = configuredName
    ? printers.find((p) => p.name === configuredName)
    : (printers.find(isDefault) ?? (printers.length === 1 ? printers[0] : undefined));
  if (!printer) return configuredName ? 'offline' : 'unknown';
  const found = [
    ...(printer.options ? fromCups(printer.options) : []),
    ...(printer.status ? fromWindows(printer.status) : []),
  ];
  return ORDER.find((s) => found.includes(s)) ?? 'ok';
}

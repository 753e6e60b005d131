import { readFile } from 'node:fs/promises';
import type { IdCardRead } from '@onestop/shared/bridge';

// The resident ID card reader behind `readIdCard` (docs/customer-identification.md). The shell
// talks to one driver; the page never learns which. A vendor's reader (most speak the 公安部
// 二代证 protocol through the vendor's SDK: `SDT_StartFindIDCard`, `SDT_SelectIDCard`,
// `SDT_ReadBaseMsg`) gets a driver of its own that implements `IdCardDriver` — it lives beside
// this file and is chosen by the `idCardReader` setting; the simulated driver stands in for it
// in tests and demonstrations.

export interface IdCardDriver {
  /** Which reader this is, for the shell's log (never the card's content). */
  readonly name: string;
  /** The card on the reader within `timeoutMs`, or null (no card, no reader, unreadable). */
  read(timeoutMs: number): Promise<IdCardRead | null>;
}

/** A machine without a reader: every read answers null at once. */
export const noReader: IdCardDriver = { name: 'none', read: () => Promise.resolve(null) };

/** A card's fields as a reader gives them, checked: anything else is no card. */
export function parseCardFile(text: string): IdCardRead | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const { idNumber, name } = raw as Record<string, unknown>;
  if (typeof idNumber !== 'string' || !/^\d{17}[\dXx]$/.test(idNumber.trim())) return null;
  if (typeof name !== 'string' || name.trim().length === 0 || name.length > 40) return null;
  return { idNumber: idNumber.trim().toUpperCase(), name: name.trim() };
}

const POLL_MS = 200;

/**
 * A simulated reader: the card "on the reader" is the JSON file `path` holds
 * (`{"idNumber": "…", "name": "…"}`); it is polled until the timeout, like a real reader
 * waiting for a card. Write the file to place a card, delete it to take the card away.
 */
export function simulatedReader(
  path: string,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): IdCardDriver {
  return {
    name: 'simulated',
    async read(timeoutMs) {
      for (let waited = 0; ; waited += POLL_MS) {
        const text = await readFile(path, 'utf8').catch(() => null);
        const card = text === null ? null : parseCardFile(text);
        if (card || waited >= timeoutMs) return card;
        await wait(POLL_MS);
      }
    },
  };
}

/**
 * The driver the settings and the command line choose: `--id-card-file=<path>` or the
 * ONESTOP_ID_CARD_FILE variable selects the simulated reader; otherwise none (a vendor driver
 * is added here by name when a hall's readers need one).
 */
export function chooseIdCardDriver(argv: readonly string[], env: NodeJS.ProcessEnv): IdCardDriver {
  const flag = argv.find((a) => a.startsWith('--id-card-file='))?.slice('--id-card-file='.length);
  const file = flag || env.ONESTOP_ID_CARD_FILE;
  return file ? simulatedReader(file) : noReader;
}

import type { HallConnection } from '@onestop/client';
import type { Ack, CommandName, CommandOutput, CommandPayload, ErrorCode } from '@onestop/shared';
import { createStore, type StoreApi } from 'zustand/vanilla';

// Sends the screen's commands. One command per key at a time: while `ticket:call-next` waits
// for its ack, a second click (or key press) is ignored instead of calling a second customer,
// and the connection retries the one in flight with the same command id across a dropped link.

export interface Refusal {
  /** The key of the action that was refused, e.g. `callNext`. */
  key: string;
  code: ErrorCode;
  /** The server's English message, with its detail (ticket numbers, open items). */
  message: string;
  at: number;
}

export interface CommandState {
  pending: Readonly<Record<string, true>>;
  refusal: Refusal | null;
}

export interface CommandRunner {
  store: StoreApi<CommandState>;
  /**
   * Sends unless the same key is in flight (then resolves null at once). A refusal is kept in
   * the store for the screen to show; success clears an earlier refusal.
   */
  run<K extends CommandName>(
    key: string,
    name: K,
    payload: CommandPayload<K>,
    options?: { commandId?: string },
  ): Promise<Ack<CommandOutput<K>> | null>;
  clearRefusal(): void;
}

export function createCommandRunner(connection: Pick<HallConnection, 'send'>): CommandRunner {
  const store = createStore<CommandState>(() => ({ pending: {}, refusal: null }));

  async function run<K extends CommandName>(
    key: string,
    name: K,
    payload: CommandPayload<K>,
    options: { commandId?: string } = {},
  ): Promise<Ack<CommandOutput<K>> | null> {
    if (store.getState().pending[key]) return null;
    store.setState((s) => ({ pending: { ...s.pending, [key]: true } }));
    try {
      const ack = await connection.send(name, payload, options);
      if (ack.ok) store.setState({ refusal: null });
      else
        store.setState({
          refusal: { key, code: ack.code, message: ack.message, at: Date.now() },
        });
      return ack;
    } finally {
      store.setState((s) => {
        const pending = { ...s.pending };
        delete pending[key];
        return { pending };
      });
    }
  }

  return { store, run, clearRefusal: () => store.setState({ refusal: null }) };
}

import type { CommandInput, CommandName, CommandOutput } from './commands';
import type { Ack } from './errors';
import type { z } from 'zod';
import type { ServerEventName, serverEvents } from './events';

// Typed maps for socket.io's Server<ClientToServer, ServerToClient> and the client.

export type ClientToServerEvents = {
  [K in CommandName]: (
    payload: CommandInput<K>,
    ack: (result: Ack<CommandOutput<K>>) => void,
  ) => void;
};

export type ServerToClientEvents = {
  [K in ServerEventName]: (payload: z.output<(typeof serverEvents)[K]>) => void;
};

/** What a device presents when it connects. */
export interface SocketAuth {
  deviceToken?: string;
  sessionToken?: string;
  /**
   * What the page shows, when it shows less than its audience may see: `counter` (a clerk's
   * workstation) is sent only its counter's queues and its clerk's own items. Absent: all of it.
   */
  screen?: 'counter';
  /** The page's language (`zh`, `en`, `en-GB`…): refusals in acks are written in it; zh by default. */
  lang?: string;
}

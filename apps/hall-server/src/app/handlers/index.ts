import type { CommandName } from '@onestop/shared';
import type { Handler } from '../context';
import { accessHandlers } from './access-handlers';
import { consoleHandlers } from './console-handlers';
import { counterHandlers } from './counter-handlers';
import { frontHandlers } from './front-handlers';
import { queryHandlers } from './query-handlers';
import { reportHandlers } from './report-handlers';
import { ticketHandlers } from './ticket-handlers';

/** Every command in the contract has exactly one handler; the type makes a missing one an error. */
export const handlers = {
  ...accessHandlers,
  ...counterHandlers,
  ...ticketHandlers,
  ...queryHandlers,
  ...frontHandlers,
  ...reportHandlers,
  ...consoleHandlers,
} satisfies { [K in CommandName]: Handler<K, unknown> };

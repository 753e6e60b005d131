import type { CommandName } from '@onestop/shared';
import type { Handler } from '../context';
import { accessHandlers } from './access-handlers';
import { adminHandlers } from './admin-handlers';
import { caseHandlers } from './case-handlers';
import { promiseHandlers } from './promise-handlers';
import { consoleHandlers } from './console-handlers';
import { contextHandlers } from './context-handlers';
import { counterHandlers } from './counter-handlers';
import { displayHandlers } from './display-handlers';
import { evaluationHandlers } from './evaluation-handlers';
import { frontHandlers } from './front-handlers';
import { handoverHandlers } from './handover-handlers';
import { notificationHandlers } from './notification-handlers';
import { queryHandlers } from './query-handlers';
import { remedyHandlers } from './remedy-handlers';
import { knowledgeHandlers } from './knowledge-handlers';
import { spotCheckHandlers } from './spot-check-handlers';
import { reportHandlers } from './report-handlers';
import { syncHandlers } from './sync-handlers';
import { ticketHandlers } from './ticket-handlers';
import { vipHandlers } from './vip-handlers';
import { deviceHandlers } from './device-handlers';
import { identifyHandlers } from './identify-handlers';

/** Every command in the contract has exactly one handler; the type makes a missing one an error. */
export const handlers = {
  ...accessHandlers,
  ...counterHandlers,
  ...ticketHandlers,
  ...queryHandlers,
  ...frontHandlers,
  ...reportHandlers,
  ...consoleHandlers,
  ...adminHandlers,
  ...evaluationHandlers,
  ...caseHandlers,
  ...promiseHandlers,
  ...handoverHandlers,
  ...contextHandlers,
  ...syncHandlers,
  ...notificationHandlers,
  ...remedyHandlers,
  ...knowledgeHandlers,
  ...spotCheckHandlers,
  ...vipHandlers,
  ...deviceHandlers,
  ...displayHandlers,
  ...identifyHandlers,
} satisfies { [K in CommandName]: Handler<K, unknown> };

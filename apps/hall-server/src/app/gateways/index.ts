import type { Logger } from 'pino';
import type { Gateway } from './gateway';
import { createLogGateway } from './log';
import { createWebhookGateway } from './webhook';

export type { Gateway, OutgoingText } from './gateway';

/** The gateway the hall's configuration file or environment chose (config/hall-config.ts). */
export interface GatewayChoice {
  gateway: 'log' | 'webhook';
  webhookUrl?: string | null;
  /** From ONESTOP_WEBHOOK_SECRET or notify.webhookSecretFile; never in the database. */
  webhookSecret?: string | null;
  timeoutMs?: number;
}

export function createGateway(choice: GatewayChoice | undefined, logger?: Logger): Gateway {
  if (choice?.gateway !== 'webhook') return createLogGateway(logger);
  if (!choice.webhookUrl || !choice.webhookSecret)
    throw new Error('the webhook gateway needs notify.webhookUrl and ONESTOP_WEBHOOK_SECRET');
  return createWebhookGateway({
    url: choice.webhookUrl,
    secret: choice.webhookSecret,
    timeoutMs: choice.timeoutMs,
  });
}

import type { Page } from 'playwright-core';

// Between a screen and the hall: the page's socket.io messages go through, each one naming
// `command` is noted, and the next answer carrying a ticket is lost when asked — the link
// dropping an ack, so the screen's retry (same command id) can be watched.

export interface LossyLink {
  /** The messages the page sent naming the command, in order. */
  sent: string[];
  /** Whether an answer is still to be lost. */
  losing: boolean;
  /** Routes the page's socket through the link (a screen option's `beforeOpen`). */
  route(page: Page): Promise<void>;
}

const TICKET_ANSWER = /^43\d+\[\{"ok":true,"data":\{"ticket"/;

export function lossyLink(command: string, { losing = false } = {}): LossyLink {
  const link: LossyLink = {
    sent: [],
    losing,
    route: (page) =>
      page.routeWebSocket(/socket\.io/, (ws) => {
        const server = ws.connectToServer();
        ws.onMessage((m) => {
          if (typeof m === 'string' && m.includes(`"${command}"`)) link.sent.push(m);
          server.send(m);
        });
        server.onMessage((m) => {
          if (link.losing && typeof m === 'string' && TICKET_ANSWER.test(m)) {
            link.losing = false;
            return;
          }
          ws.send(m);
        });
      }),
  };
  return link;
}

/** The command ids of the noted messages. */
export const commandIdsOf = (sent: readonly string[]) =>
  sent.map((m) => /"commandId":"([^"]+)"/.exec(m)?.[1]);

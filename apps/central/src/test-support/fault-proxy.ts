import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

// An HTTP proxy between a hall and the center that breaks the connection on purpose: it can cut
// a request off halfway through its body, deliver a request twice, or let the center answer and
// then drop the answer on the floor.

export type Fault = 'pass' | 'cut-request' | 'duplicate' | 'drop-response' | 'refuse';

export interface FaultProxy {
  url: string;
  /** Requests seen so far, in order: `POST /v1/halls/…/batches`. */
  seen: string[];
  close(): Promise<void>;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function forward(
  target: URL,
  method: string,
  path: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const up = request(
      { host: target.hostname, port: target.port, method, path, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 502,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    up.on('error', reject);
    up.end(body);
  });
}

export async function startFaultProxy(
  targetUrl: string,
  plan: (index: number, method: string, path: string) => Fault,
): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  const seen: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const method = req.method ?? 'GET';
        const path = req.url ?? '/';
        const fault = plan(seen.length, method, path);
        seen.push(`${method} ${path}`);
        if (fault === 'refuse') {
          req.socket.destroy();
          return;
        }
        if (fault === 'cut-request') {
          // Half the body reaches the center, then the connection is gone.
          const up = request({
            host: target.hostname,
            port: target.port,
            method,
            path,
            headers: req.headers,
          });
          up.on('error', () => undefined);
          up.write(body.subarray(0, Math.floor(body.length / 2)));
          setTimeout(() => {
            up.destroy();
            req.socket.destroy();
          }, 30);
          return;
        }
        try {
          const answer = await forward(target, method, path, req.headers, body);
          if (fault === 'duplicate') await forward(target, method, path, req.headers, body);
          if (fault === 'drop-response') {
            req.socket.destroy();
            return;
          }
          res.writeHead(answer.status, answer.headers);
          res.end(answer.body);
        } catch {
          req.socket.destroy();
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

import { fail, type Ack } from '@onestop/shared';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { Hall } from '../app/hall';
import type { HealthBody } from '../app/health';
import { registerHttpApi, unknownRoute } from './http-api';
import { langOfRequest, sendAck } from './http-reply';
import type { OriginCheck } from './origins';
import { rateLimitedAck, type Limiter } from './rate-limits';
import { MAX_PAYLOAD_BYTES } from './socket-server';
import { registerStaticFiles, type WebApp } from './static-files';
import { mediaDirOf } from '../app/media-folder';
import { registerMediaFiles } from './media-files';
import { registerPreviewFraming } from './preview-framing';
import { registerVoiceFiles } from './voice-files';

// The hall's HTTP face on fastify: the API, the web apps and the landing page, behind one set
// of guards (origin check, page headers, body limit, per-address ceiling). socket.io attaches
// to `app.server`.

export interface HttpServerOptions {
  hall: Hall;
  version: string;
  webApps: WebApp[];
  landing: string;
  origins: OriginCheck;
  limiter: Limiter;
  logger: Logger;
  /** `GET /api/v1/health`'s answer (app/health.ts). */
  health: () => { status: 200 | 503; body: HealthBody };
  /** The hall's data folder: its own recorded voice in `voice/` (voice-files.ts); null: none. */
  dataDir?: string | null;
}

/**
 * Every screen loads its own scripts and styles from the hall; React and echarts set inline
 * styles; ticket QR codes are data: images; socket.io talks to the same host (CSP3 `'self'`
 * covers ws: to it). No page may be framed, and none loads anything from elsewhere.
 */
export const contentSecurityPolicy = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'media-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

function sendError(
  req: Pick<FastifyRequest, 'headers'>,
  reply: FastifyReply,
  ack: Extract<Ack<unknown>, { ok: false }>,
): FastifyReply {
  return sendAck(reply, ack, langOfRequest(req));
}

/** Past this a too-large body is not read on: the connection is closed under the sender. */
const DRAIN_MAX_BYTES = 16 * 1024 * 1024;
const DRAIN_MAX_MS = 5000;

/** Reads and discards what is left of a request's body, within the bounds above. */
function drainBody(req: IncomingMessage): Promise<void> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (req.readableEnded || declared > DRAIN_MAX_BYTES) return Promise.resolve();
  return new Promise((resolve) => {
    let seen = 0;
    const done = () => {
      clearTimeout(timer);
      req.off('data', count);
      req.off('end', done);
      req.off('error', done);
      resolve();
    };
    const count = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > DRAIN_MAX_BYTES) done();
    };
    const timer = setTimeout(done, DRAIN_MAX_MS);
    req.on('data', count);
    req.once('end', done);
    req.once('error', done);
    req.resume();
  });
}

const notFound = (req: FastifyRequest, reply: FastifyReply) =>
  req.url.startsWith('/api/')
    ? unknownRoute(req, reply)
    : reply.code(404).type('text/plain; charset=utf-8').send('Not found');

/**
 * The hall's routes take and give JSON checked by the contract's zod schemas, never by JSON
 * schema: fastify's default compilers (ajv with its formats, fast-json-stringify; some 250
 * modules) would be loaded at start only to sit there (docs/benchmarks.md, issue 16 memory).
 * A route that declares a JSON schema is refused when it is registered.
 */
const noJsonSchemaCompilers = {
  compilersFactory: {
    buildValidator: () => {
      throw new Error('hall routes validate with zod; declare no JSON schema (http-server.ts)');
    },
    buildSerializer: () => {
      throw new Error('hall routes serialise plain JSON; declare no response schema');
    },
  },
};

export async function createHttpServer(opts: HttpServerOptions): Promise<FastifyInstance> {
  // fastify's own per-request lines are noise for a hall; its warnings and errors are not.
  const logger: FastifyBaseLogger = opts.logger.child(
    { component: 'http' },
    { level: opts.logger.levelVal >= 40 ? opts.logger.level : 'warn' },
  );
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: MAX_PAYLOAD_BYTES,
    schemaController: noJsonSchemaCompilers,
    // A malformed URL (`/%`, `/kiosk/%E0%A4%A`) is the caller's mistake: 400, never 500.
    frameworkErrors: (err, req, reply) => {
      void sendError(req, reply, fail('invalid_payload', err.message.slice(0, 120)));
    },
  });

  // Pages, assets and API answers all carry the same headers.
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // The hall's LAN serves plain http: an HSTS or upgrade rule would lock screens out.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
  registerPreviewFraming(app);

  // A request from another web page's origin is refused before anything runs; an allow-listed
  // origin gets CORS headers (and its preflight an answer).
  app.addHook('onRequest', async (req, reply) => {
    if (!opts.origins.hostAllowed(req.raw)) {
      return sendError(req, reply, fail('host_not_allowed'));
    }
    if (!opts.origins.allowed(req.raw)) {
      return sendError(req, reply, fail('origin_not_allowed'));
    }
    const origin = req.headers.origin;
    if (origin && opts.origins.isCrossAllowed(origin)) {
      reply.headers({ 'access-control-allow-origin': origin, vary: 'Origin' });
      if (req.method === 'OPTIONS') {
        return reply
          .code(204)
          .headers({
            'access-control-allow-methods': 'GET, POST',
            'access-control-allow-headers':
              'content-type, authorization, x-staff-session, idempotency-key',
            'access-control-max-age': '600',
          })
          .send();
      }
    }
  });

  const ceiling = opts.limiter.limits.httpPerAddress;
  await app.register(rateLimit, {
    max: ceiling.points,
    timeWindow: ceiling.seconds * 1000,
    errorResponseBuilder: (_req, ctx) =>
      Object.assign(new Error('rate limited'), { statusCode: 429, retryAfterMs: ctx.ttl }),
  });

  // Bodies are read raw and parsed by the API, whatever the content type, as before.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.setErrorHandler(async (err: FastifyError & { retryAfterMs?: number }, req, reply) => {
    if (err.statusCode === 413 || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      // The connection cannot carry another request. Closing it while the client still
      // writes would reset it before the client reads the answer, so the rest of a body of
      // reasonable size is read and discarded first (never kept), for a few seconds at most.
      reply.header('connection', 'close');
      await drainBody(req.raw);
      return sendError(req, reply, fail('payload_too_large'));
    }
    if (err.statusCode === 429)
      return sendError(req, reply, rateLimitedAck(err.retryAfterMs ?? 1000));
    if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500)
      return sendError(req, reply, fail('invalid_payload', err.message.slice(0, 120)));
    req.log.error({ err }, 'http request failed');
    return sendError(req, reply, fail('internal_error'));
  });
  app.setNotFoundHandler(notFound);

  registerHttpApi(app, opts.hall, {
    version: opts.version,
    limiter: opts.limiter,
    health: opts.health,
  });
  await registerStaticFiles(app, opts.webApps, notFound);
  registerMediaFiles(app, mediaDirOf(opts.hall.store), notFound);
  registerVoiceFiles(app, opts.dataDir ?? null);
  const landing = (_req: unknown, reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').send(opts.landing);
  app.get('/', landing);
  app.get('/index.html', landing);
  return app;
}

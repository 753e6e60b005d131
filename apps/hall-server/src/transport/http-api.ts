import {
  commandNames,
  commands,
  fail,
  hallPaths,
  httpRoute,
  inLanguage,
  type Ack,
  type HealthAnswer,
} from '@onestop/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { resolveActor, type Credentials } from '../app/actor';
import type { Hall } from '../app/hall';
import { refusalCountsOf, type HealthBody } from '../app/health';
import { credentialsOf, header, langOfRequest, queryOf, sendAck } from './http-reply';
import { openApiDocument } from './openapi';
import { commandClassOf, rateLimitedAck, type Caller, type Limiter } from './rate-limits';
import { exportReport } from './report-export';

// The HTTP face of the same commands, for integrations (an LED controller, a mobile app, the
// utility's systems). Routes come from the contract: `ticket:issue` → POST /api/v1/ticket/issue.
// Refusals carry the contract's status for their code (httpStatus) and a message in the
// caller's language (Accept-Language).

export { credentialsOf } from './http-reply';

/** The command's body: JSON (an empty body is `{}`), or `undefined` when it is not JSON. */
function parseBody(raw: unknown): { ok: true; value: unknown } | { ok: false } {
  if (raw === undefined || raw === null) return { ok: true, value: {} };
  const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw);
  if (text.length === 0) return { ok: true, value: {} };
  try {
    const value: unknown = JSON.parse(text);
    return { ok: true, value };
  } catch {
    return { ok: false };
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The `Idempotency-Key` header stands for the body's `commandId`; when both are given they
 * must be the same id, or the caller would not know which one the hall remembers.
 */
function withIdempotencyKey(payload: unknown, key: string | undefined): Ack<unknown> {
  if (!key || !isObject(payload)) return { ok: true, data: payload };
  if (!('commandId' in payload)) return { ok: true, data: { ...payload, commandId: key } };
  if (payload.commandId !== key)
    return fail('invalid_payload', 'The Idempotency-Key header and the body commandId differ.');
  return { ok: true, data: payload };
}

function limitedReply(req: FastifyRequest, reply: FastifyReply, retryAfterMs: number) {
  reply.header('retry-after', Math.max(1, Math.ceil(retryAfterMs / 1000)));
  return sendAck(reply, rateLimitedAck(retryAfterMs), langOfRequest(req));
}

/** Who a request counts against: its device, or its source address without one. */
function callerOf(hall: Hall, credentials: Credentials, ip: string): Caller {
  if (credentials.deviceToken) {
    const who = resolveActor(hall.store, credentials, hall.clock());
    if (who.ok && who.value.device) return { deviceId: who.value.device.id };
  }
  return { address: ip };
}

/** `/api/v1/*`: the contract's commands, the OpenAPI document, health and the report export. */
export function registerHttpApi(
  app: FastifyInstance,
  hall: Hall,
  opts: {
    version: string;
    limiter: Limiter;
    /** Database, disk and clock as they are (app/health.ts): 503 when commands cannot be written. */
    health: () => { status: 200 | 503; body: HealthBody };
  },
): void {
  let openapi: string | null = null;
  app.get(hallPaths.openapi, (_req, reply) => {
    openapi ??= JSON.stringify(openApiDocument(opts.version));
    return reply.type('application/json; charset=utf-8').send(openapi);
  });
  app.get(hallPaths.health, (req, reply) => {
    // Requests refused for want of a valid device: counted in memory (not audited), shown here.
    const refusedAnonymous = refusalCountsOf(hall.refusedAnonymous());
    const { status, body } = opts.health();
    const answer: HealthAnswer = { ...body, data: { ...body.data, refusedAnonymous } };
    return reply
      .code(status)
      .header('cache-control', 'no-store')
      .type('application/json; charset=utf-8')
      .send(inLanguage(answer, langOfRequest(req)));
  });
  // An export reads what `report:get` reads: it counts against the same per-device window.
  app.get(hallPaths.reportExport, async (req, reply) => {
    const admitted = await opts.limiter.admit(
      callerOf(hall, credentialsOf(req), req.ip),
      commandClassOf('report:get', commands['report:get'].kind),
    );
    if (!admitted.ok) return limitedReply(req, reply, admitted.retryAfterMs);
    return exportReport(hall, req, reply);
  });

  for (const name of commandNames) {
    const { method, path } = httpRoute(name);
    const kind = commands[name].kind;
    app.route({
      method,
      url: path,
      handler: async (req, reply) => {
        const lang = langOfRequest(req);
        const credentials = credentialsOf(req);
        const admitted = await opts.limiter.admit(
          callerOf(hall, credentials, req.ip),
          commandClassOf(name, kind),
        );
        if (!admitted.ok) return limitedReply(req, reply, admitted.retryAfterMs);
        const parsed =
          method === 'GET' ? { ok: true as const, value: queryOf(req) } : parseBody(req.body);
        if (!parsed.ok)
          return sendAck(reply, fail('invalid_payload', 'The body is not valid JSON.'), lang);
        const payload = withIdempotencyKey(parsed.value, header(req, 'idempotency-key'));
        if (!payload.ok) return sendAck(reply, payload, lang);
        const { ack } = await hall.execute(name, payload.data, credentials);
        return sendAck(reply, ack, lang);
      },
    });
  }
}

/** Any other `/api/` path. */
export function unknownRoute(
  req: { url: string; method: string; headers: FastifyRequest['headers'] },
  reply: FastifyReply,
): FastifyReply {
  const path = req.url.split('?')[0] ?? '';
  return sendAck(
    reply,
    fail('unknown_command', `No route ${req.method} ${path.slice(0, 100)}.`),
    langOfRequest(req),
  );
}

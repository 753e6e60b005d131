import { httpStatusOf, inLanguage, negotiateLang, type Ack, type Lang } from '@onestop/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Credentials } from '../app/actor';

// What every HTTP answer of the API shares: who asks (credentials), in which language
// (`Accept-Language`: zh by default, or en), and the ack as JSON with the status the contract
// gives its code.

export function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function credentialsOf(req: FastifyRequest): Credentials {
  const auth = header(req, 'authorization');
  return {
    deviceToken: auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined,
    sessionToken: header(req, 'x-staff-session'),
    address: req.ip,
  };
}

/** The caller's language, from its `Accept-Language`. */
export function langOfRequest(req: { headers: FastifyRequest['headers'] }): Lang {
  return negotiateLang(req.headers['accept-language']);
}

/** The ack as JSON: 200 when done, else the contract's status, its message in `lang`. */
export function sendAck(reply: FastifyReply, ack: Ack<unknown>, lang: Lang): FastifyReply {
  return reply
    .code(ack.ok ? 200 : httpStatusOf(ack.code))
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(inLanguage(ack, lang));
}

/** The query string as fastify parsed it: names to a text, or to several for a repeated name. */
export function queryOf(req: FastifyRequest): Record<string, unknown> {
  const q: unknown = req.query;
  return q && typeof q === 'object' ? { ...q } : {};
}

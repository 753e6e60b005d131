import {
  commandNames,
  commands,
  errorCodes,
  hallPaths,
  HealthAnswer,
  httpRoute,
  httpStatusOf,
  type CommandName,
  type ErrorCode,
} from '@onestop/shared';
import { z } from 'zod';

// The OpenAPI document is generated from the same zod schemas the server validates with, and
// its statuses from the contract's table (httpStatus): each route lists one response per
// status it can give, the success with its data and every refusal with the codes behind it.

const toSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });

/** Codes of who asks: a public route never gives them. */
const AUTH_CODES: ReadonlySet<ErrorCode> = new Set([
  'not_paired',
  'device_revoked',
  'not_signed_in',
  'forbidden',
  'wrong_device',
  'staff_inactive',
]);
/** Codes no route gives: an unknown path's, and the device's own (it is offline). */
const NO_ROUTE: ReadonlySet<ErrorCode> = new Set(['unknown_command', 'offline']);

/** What a command's route can refuse with (its rules' codes are not told apart: all of them). */
export function codesOf(name: CommandName): ErrorCode[] {
  const def = commands[name];
  return errorCodes.filter((code) => {
    if (NO_ROUTE.has(code)) return false;
    if (def.roles === 'public' && AUTH_CODES.has(code)) return false;
    if (def.kind === 'query' && (code === 'payload_too_large' || code === 'command_id_conflict'))
      return false;
    return true;
  });
}

/** The report export's and any GET's refusals besides its command's. */
const EXPORT_CODES = codesOf('report:get');

/** One response per status: the codes that give it, as the Refusal schema narrowed to them. */
export function refusalResponses(codes: readonly ErrorCode[]): Record<string, unknown> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = httpStatusOf(code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const out: Record<string, unknown> = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    out[String(status)] = {
      description: `Refused: ${list.join(', ')}`,
      content: {
        'application/json': {
          schema: {
            allOf: [
              { $ref: '#/components/schemas/Refusal' },
              { type: 'object', properties: { code: { type: 'string', enum: list } } },
            ],
          },
        },
      },
    };
  }
  return out;
}

const done = (data: unknown) => ({
  description: 'Done',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['ok', 'data'],
        properties: { ok: { type: 'boolean', enum: [true] }, data },
      },
    },
  },
});

/** A JSON schema's properties as query parameters. */
function queryParameters(schema: unknown): unknown[] {
  if (!schema || typeof schema !== 'object') return [];
  const properties = 'properties' in schema ? schema.properties : undefined;
  const required = 'required' in schema && Array.isArray(schema.required) ? schema.required : [];
  if (!properties || typeof properties !== 'object') return [];
  return Object.entries(properties).map(([key, s]: [string, unknown]) => ({
    name: key,
    in: 'query',
    required: required.includes(key),
    schema: s,
  }));
}

function commandOperation(name: CommandName): Record<string, unknown> {
  const def = commands[name];
  const { method } = httpRoute(name);
  const roles = def.roles === 'public' || def.roles === 'paired' ? def.roles : def.roles.join(', ');
  const devices = 'devices' in def && def.devices ? ` Devices: ${def.devices.join(', ')}.` : '';
  const idempotent =
    def.kind === 'command'
      ? ' Carries a client-made `commandId` (or an `Idempotency-Key` header); a repeated id returns the first result and changes nothing.'
      : '';
  const operation: Record<string, unknown> = {
    operationId: name.replace(/[:-](.)/g, (_m, c: string) => c.toUpperCase()),
    summary: def.summary,
    description: `Socket event \`${name}\`. Allowed: ${roles}.${devices}${idempotent}`,
    tags: [name.split(':')[0]],
    'x-roles': def.roles,
    security:
      def.roles === 'public' ? [] : [{ deviceToken: [], staffSession: [] }, { deviceToken: [] }],
    parameters: [{ $ref: '#/components/parameters/AcceptLanguage' }],
    responses: { '200': done(toSchema(def.output, 'output')), ...refusalResponses(codesOf(name)) },
  };
  if (method === 'POST') {
    operation.requestBody = {
      required: true,
      content: { 'application/json': { schema: toSchema(def.input, 'input') } },
    };
  } else {
    operation.parameters = [
      { $ref: '#/components/parameters/AcceptLanguage' },
      ...queryParameters(toSchema(def.input, 'input')),
    ];
  }
  return operation;
}

export function openApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const name of commandNames) {
    const { method, path } = httpRoute(name);
    paths[path] = { [method.toLowerCase()]: commandOperation(name) };
  }
  const health = {
    content: { 'application/json': { schema: toSchema(HealthAnswer, 'output') } },
  };
  paths[hallPaths.health] = {
    get: {
      operationId: 'health',
      summary: 'Database, disk and clock as they are; 503 when commands cannot be written.',
      tags: ['hall'],
      parameters: [{ $ref: '#/components/parameters/AcceptLanguage' }],
      responses: {
        '200': { description: 'Serving', ...health },
        [String(httpStatusOf('storage_full'))]: {
          description: 'Commands cannot be written: storage_full, database_fault',
          ...health,
        },
      },
    },
  };
  paths[hallPaths.reportExport] = {
    get: {
      operationId: 'reportExport',
      summary: 'The report as a file for people: xlsx, csv (one table) or the html bulletin.',
      tags: ['report'],
      'x-roles': commands['report:get'].roles,
      security: [{ deviceToken: [], staffSession: [] }],
      parameters: [
        { $ref: '#/components/parameters/AcceptLanguage' },
        ...['from', 'to', 'format', 'table', 'serviceLevel', 'lang'].map((name) => ({
          name,
          in: 'query',
          required: name === 'from' || name === 'to',
          schema: { type: 'string' },
        })),
      ],
      responses: {
        '200': { description: 'The file', content: { 'application/octet-stream': {} } },
        ...refusalResponses(EXPORT_CODES),
      },
    },
  };
  paths[hallPaths.openapi] = {
    get: {
      operationId: 'openapi',
      summary: 'This document.',
      tags: ['hall'],
      responses: { '200': { description: 'The OpenAPI document' } },
    },
  };
  return {
    openapi: '3.0.3',
    info: {
      title: 'OneStop hall server API',
      version,
      description:
        'The same operations the hall devices use over socket.io. Authenticate with the device token from pairing (`Authorization: Bearer …`) and, for staff operations, the session token from staff sign-in (`X-Staff-Session`). Refusals are `{ ok: false, code, message }` with the status of their code; the message is in the language of `Accept-Language` (zh by default, or en).',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: {
        deviceToken: { type: 'http', scheme: 'bearer' },
        staffSession: { type: 'apiKey', in: 'header', name: 'X-Staff-Session' },
      },
      parameters: {
        AcceptLanguage: {
          name: 'Accept-Language',
          in: 'header',
          required: false,
          description: 'The language of refusal messages: zh (default) or en, q-values honoured.',
          schema: { type: 'string', example: 'en' },
        },
      },
      schemas: {
        Refusal: {
          type: 'object',
          required: ['ok', 'code', 'message'],
          properties: {
            ok: { type: 'boolean', enum: [false] },
            code: { type: 'string', enum: errorCodes },
            message: { type: 'string' },
          },
        },
      },
    },
  };
}

import { commands, commandNames, errorCodes, httpRoute } from '@onestop/shared';
import { z } from 'zod';

// The OpenAPI document is generated from the same zod schemas the server validates with.

const toSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });

export function openApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const name of commandNames) {
    const def = commands[name];
    const { method, path } = httpRoute(name);
    const roles =
      def.roles === 'public' || def.roles === 'paired' ? def.roles : def.roles.join(', ');
    const operation: Record<string, unknown> = {
      operationId: name.replace(/[:-](.)/g, (_m, c: string) => c.toUpperCase()),
      summary: def.summary,
      description: `Socket event \`${name}\`. Allowed: ${roles}.${'devices' in def && def.devices ? ` Devices: ${def.devices.join(', ')}.` : ''}${def.kind === 'command' ? ' Carries a client-made `commandId` (or an `Idempotency-Key` header); a repeated id returns the first result and changes nothing.' : ''}`,
      tags: [name.split(':')[0]],
      'x-roles': def.roles,
      security:
        def.roles === 'public' ? [] : [{ deviceToken: [], staffSession: [] }, { deviceToken: [] }],
      responses: {
        '200': {
          description: 'Done',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['ok', 'data'],
                properties: {
                  ok: { type: 'boolean', enum: [true] },
                  data: toSchema(def.output, 'output'),
                },
              },
            },
          },
        },
        default: {
          description: 'Refused',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Refusal' } } },
        },
      },
    };
    if (method === 'POST') {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: toSchema(def.input, 'input') } },
      };
    } else {
      const params = toSchema(def.input, 'input') as {
        properties?: Record<string, unknown>;
        required?: string[];
      };
      operation.parameters = Object.entries(params.properties ?? {}).map(([key, schema]) => ({
        name: key,
        in: 'query',
        required: params.required?.includes(key) ?? false,
        schema,
      }));
    }
    paths[path] = { [method.toLowerCase()]: operation };
  }
  paths['/api/v1/health'] = {
    get: {
      operationId: 'health',
      summary: 'Liveness: sequence number and business day.',
      tags: ['hall'],
      responses: { '200': { description: 'Serving' } },
    },
  };
  return {
    openapi: '3.0.3',
    info: {
      title: 'OneStop hall server API',
      version,
      description:
        'The same operations the hall devices use over socket.io. Authenticate with the device token from pairing (`Authorization: Bearer …`) and, for staff operations, the session token from staff sign-in (`X-Staff-Session`).',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: {
        deviceToken: { type: 'http', scheme: 'bearer' },
        staffSession: { type: 'apiKey', in: 'header', name: 'X-Staff-Session' },
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

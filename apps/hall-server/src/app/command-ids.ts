import { createHash } from 'node:crypto';

// A command id belongs to the device that sent it: the command log is keyed by (device,
// command id) and keeps, next to the first result, a hash of what was asked. The same id from
// the same device with another command or payload is a conflict, not a retry.

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/** sha256 of the command name and its parsed payload without the command id, keys sorted. */
export function payloadHash(command: string, args: object): string {
  const rest = Object.fromEntries(Object.entries(args).filter(([k]) => k !== 'commandId'));
  return createHash('sha256')
    .update(JSON.stringify([command, canonical(rest)]))
    .digest('base64url');
}

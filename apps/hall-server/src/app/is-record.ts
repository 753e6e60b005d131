/** An object read from unknown input (a payload, a parsed JSON file), its keys not yet known. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

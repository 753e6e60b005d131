// What was thrown is `unknown`: these read it without assuming it is an Error.

/** The message of whatever was thrown: an Error's, else its text. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The system error code of a failed file or socket call (ENOENT, EACCES, …), if it has one. */
export function errnoCode(err: unknown): string | undefined {
  return err instanceof Error && 'code' in err && typeof err.code === 'string'
    ? err.code
    : undefined;
}

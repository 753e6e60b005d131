import type { ErrorCode } from '@onestop/shared';

/** What a domain rule returns: the decision, or a typed reason it refuses. */
export type Result<T> = { ok: true; value: T } | Rejection;
export interface Rejection {
  ok: false;
  code: ErrorCode;
  detail?: string;
}

export const accept = <T>(value: T): Result<T> => ({ ok: true, value });
export const reject = (code: ErrorCode, detail?: string): Rejection =>
  detail === undefined ? { ok: false, code } : { ok: false, code, detail };

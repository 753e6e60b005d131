import { errorMessages, type ErrorCode } from '@onestop/shared';

/** The server's detail after its standard English message (ticket numbers, open items). */
export function refusalDetail(code: ErrorCode, message: string): string {
  const base = errorMessages[code]?.en ?? '';
  return message.startsWith(base) ? message.slice(base.length).trim() : '';
}

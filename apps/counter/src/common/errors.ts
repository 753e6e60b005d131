import { errorMessages, type ErrorCode } from '@onestop/shared';

/**
 * The server's detail after its standard message (ticket numbers, open items). The standard
 * words are in the language the desk asked for (socket auth `lang`), so either may lead.
 */
export function refusalDetail(code: ErrorCode, message: string): string {
  const texts = errorMessages[code];
  for (const base of [texts.zh, texts.en]) {
    if (message.startsWith(base)) return message.slice(base.length).trim();
  }
  return '';
}

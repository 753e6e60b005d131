import { errorMessages } from '@onestop/shared';

/** Every error code's message in one language, from the contract (`errors.<code>`). */
export function errorsIn(lang: 'zh' | 'en'): Record<string, string> {
  return Object.fromEntries(Object.entries(errorMessages).map(([code, m]) => [code, m[lang]]));
}

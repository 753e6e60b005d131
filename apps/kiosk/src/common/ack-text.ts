import { errorMessages, type ErrorCode } from '@onestop/shared';
import { useLang } from './use-lang';

/** A refusal in the screen's language, by its code (the contract holds both wordings). */
export function useAckText() {
  const { zh } = useLang();
  return (ack: { code: string; message: string }) => {
    const m = errorMessages[ack.code as ErrorCode] as { zh: string; en: string } | undefined;
    return m ? (zh ? m.zh : m.en) : ack.message;
  };
}

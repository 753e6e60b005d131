import { errorCodes, errorMessages } from '@onestop/shared';
import { useLang } from './use-lang';

/** A refusal in the screen's language, by its code (the contract holds both wordings). */
export function useAckText() {
  const { zh } = useLang();
  return (ack: { code: string; message: string }) => {
    const code = errorCodes.find((c) => c === ack.code);
    return code ? errorMessages[code][zh ? 'zh' : 'en'] : ack.message;
  };
}

import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

// The recorded voice's state on this display: whether the hall uses it, whether its clips are
// loaded, why a call was said by speech synthesis instead, and a log of every clip played
// (also on `window.__onestopVoice`, for tests and for a technician checking a display).

export interface ClipPlayed {
  ticketId: string;
  clip: string;
  startedAt: number;
  endedAt: number;
}

export type RecordedState =
  /** The hall uses speech synthesis. */
  | { kind: 'off' }
  | { kind: 'loading' }
  | { kind: 'ready' }
  /** The last call could not be made of clips: what was missing (a word, a clip not loaded). */
  | { kind: 'fallback'; missing: string[] };

export interface VoiceStatus {
  recorded: RecordedState;
  played: ClipPlayed[];
  set(recorded: RecordedState): void;
  clipPlayed(entry: ClipPlayed): void;
}

const LOG_LIMIT = 300;

export const voiceStatus = createStore<VoiceStatus>()((set) => ({
  recorded: { kind: 'off' },
  played: [],
  set: (recorded) => set({ recorded }),
  clipPlayed: (entry) => set((s) => ({ played: [...s.played, entry].slice(-LOG_LIMIT) })),
}));

export function useVoiceStatus<T>(selector: (s: VoiceStatus) => T): T {
  return useStore(voiceStatus, selector);
}

if (typeof window !== 'undefined') {
  Object.defineProperty(window, '__onestopVoice', {
    get: () => {
      const { recorded, played } = voiceStatus.getState();
      return { recorded, played };
    },
    configurable: true,
  });
}

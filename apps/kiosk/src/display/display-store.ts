import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

// The display's own state: which counters flash for a new call, what is being said now, and a
// log of every announcement (also on `window.__onestopAnnouncements`, for tests and for a
// technician checking a silent display).

export const HIGHLIGHT_MS = 10_000;

export interface AnnouncementLogEntry {
  ticketId: string;
  /** What is said (digits read one by one) … */
  zh: string;
  en: string;
  /** … and what the screen shows meanwhile. */
  shown: string;
  recall: number;
  queuedAt: number;
  startedAt: number | null;
  endedAt: number | null;
  outcome: 'spoken' | 'failed' | 'dropped' | null;
  /** Whether a real voice spoke, or the words were only shown (no voice installed). */
  voice: 'speech' | 'silent' | null;
}

export interface DisplayState {
  /** counterId → until when its tile is highlighted. */
  highlights: Record<string, number>;
  announcing: AnnouncementLogEntry | null;
  log: AnnouncementLogEntry[];
  /** The browser holds sound back until someone taps the screen once. */
  soundBlocked: boolean;
  setSoundBlocked(blocked: boolean): void;
  highlight(counterId: string, now: number): void;
  queued(entry: AnnouncementLogEntry): void;
  started(ticketId: string, queuedAt: number, now: number): void;
  voiceUsed(voice: 'speech' | 'silent'): void;
  ended(
    ticketId: string,
    queuedAt: number,
    outcome: 'spoken' | 'failed' | 'dropped',
    now: number,
  ): void;
}

const LOG_LIMIT = 200;

export function createDisplayStore() {
  return createStore<DisplayState>()((set) => {
    const update = (
      ticketId: string,
      queuedAt: number,
      change: (e: AnnouncementLogEntry) => AnnouncementLogEntry,
    ) =>
      set((s) => {
        const log = s.log.map((e) =>
          e.ticketId === ticketId && e.queuedAt === queuedAt ? change(e) : e,
        );
        const announcing = log.find((e) => e.startedAt !== null && e.endedAt === null) ?? null;
        return { log, announcing };
      });
    return {
      highlights: {},
      announcing: null,
      log: [],
      soundBlocked: false,
      setSoundBlocked: (soundBlocked) => set({ soundBlocked }),
      highlight: (counterId, now) =>
        set((s) => ({ highlights: { ...s.highlights, [counterId]: now + HIGHLIGHT_MS } })),
      queued: (entry) => set((s) => ({ log: [...s.log, entry].slice(-LOG_LIMIT) })),
      started: (ticketId, queuedAt, now) =>
        update(ticketId, queuedAt, (e) => ({ ...e, startedAt: now })),
      voiceUsed: (voice) =>
        set((s) =>
          s.announcing
            ? {
                announcing: { ...s.announcing, voice },
                log: s.log.map((e) => (e === s.announcing ? { ...e, voice } : e)),
              }
            : {},
        ),
      ended: (ticketId, queuedAt, outcome, now) =>
        update(ticketId, queuedAt, (e) => ({ ...e, endedAt: now, outcome })),
    };
  });
}

export const displayStore = createDisplayStore();

export function useDisplay<T>(selector: (s: DisplayState) => T): T {
  return useStore(displayStore, selector);
}

if (typeof window !== 'undefined') {
  Object.defineProperty(window, '__onestopAnnouncements', {
    get: () => displayStore.getState().log,
    configurable: true,
  });
}

import type { HallConnection } from '@onestop/client';
import i18next from 'i18next';
import { useEffect, useMemo } from 'react';
import { createAnnouncer, type Announcement } from './announcer';
import { browserVoice, unlockSound, watchSoundBlocked } from './browser-voice';
import { displayStore, useDisplay } from './display-store';
import { callWording } from './speech';

// The hall display's voice: each call (a recall too) queued on the announcer and spoken in
// turn, and whether the browser still holds sound back for want of a touch.

type Queued = Announcement & { queuedAt: number };

/** Announces each `ticket.called` (a recall too) and highlights its counter. */
export function useAnnouncements(connection: HallConnection, english: boolean): void {
  const announcer = useMemo(() => {
    const store = displayStore.getState();
    return createAnnouncer<Queued>(
      browserVoice(
        (used) => displayStore.getState().voiceUsed(used),
        () => displayStore.getState().setSoundBlocked(true),
      ),
      {
        english,
        onStart: (a) => store.started(a.ticketId, a.queuedAt, Date.now()),
        onEnd: (a, outcome) => store.ended(a.ticketId, a.queuedAt, outcome, Date.now()),
      },
    );
  }, [english]);

  useEffect(
    () =>
      connection.onChange((change) => {
        const view = connection.store.getState().hall;
        if (!view) return;
        for (const event of change.events) {
          if (event.type !== 'ticket.called') continue;
          const ticket = view.tickets.find((tk) => tk.id === event.ticketId);
          const counter = view.counters.find((c) => c.id === event.counterId);
          if (!ticket || !counter) continue;
          const now = Date.now();
          const a: Queued = {
            ticketId: ticket.id,
            queuedAt: now,
            ...callWording(ticket.number, counter.number, view.config),
          };
          const store = displayStore.getState();
          store.highlight(counter.id, now);
          store.queued({
            ...a,
            shown: i18next.t('callLine', { number: ticket.number, counter: counter.number }),
            recall: event.recall,
            startedAt: null,
            endedAt: null,
            outcome: null,
            voice: null,
          });
          announcer.enqueue(a);
        }
      }),
    [connection, announcer],
  );
}

/**
 * Whether sound is held back for want of a touch; while it is, any tap on the display lets it
 * play (a hall's TV is touched once, by whoever switches it on).
 */
export function useSoundBlocked(): { blocked: boolean; unlock: () => void } {
  const blocked = useDisplay((s) => s.soundBlocked);
  const { setSoundBlocked } = displayStore.getState();
  useEffect(() => watchSoundBlocked(setSoundBlocked), [setSoundBlocked]);
  const unlock = () => void unlockSound().then(() => setSoundBlocked(false));
  useEffect(() => {
    if (!blocked) return;
    const tap = () => unlock();
    // pointerup: a touch becomes a user activation when it ends, not when it starts.
    document.addEventListener('pointerup', tap);
    return () => document.removeEventListener('pointerup', tap);
  });
  return { blocked, unlock };
}

import { useHall, type HallConnection } from '@onestop/client';
import i18next from 'i18next';
import { useEffect, useMemo, useRef } from 'react';
import { createAnnouncer, type Announcement, type Voice } from './announcer';
import { browserVoice, unlockSound, watchSoundBlocked } from './browser-voice';
import { clipPlayer } from './clip-voice';
import { displayStore, useDisplay } from './display-store';
import { callWording } from './speech';
import { callClips, clipsNeeded, type ClipEntry } from './voice-clips';
import { voiceStatus } from './voice-status';

// The hall display's voice: each call (a recall too) queued on the announcer and said in turn —
// by speech synthesis, or from recorded clips when the hall uses its recorded voice
// (docs/recorded-voice.md) — and whether the browser still holds sound back for want of a touch.

type Queued = Announcement & { queuedAt: number };

/** One player, so the clips preloaded are those played. */
const player = clipPlayer({
  onPlayed: (entry) => voiceStatus.getState().clipPlayed(entry),
  onBlocked: () => displayStore.getState().setSoundBlocked(true),
});

/** Announces each `ticket.called` (a recall too) and highlights its counter. */
export function useAnnouncements(connection: HallConnection, english: boolean): void {
  const clips = useRecordedVoice(connection);
  const announcer = useMemo(() => {
    const store = displayStore.getState();
    const status = voiceStatus.getState();
    const speech = browserVoice(
      (used) => displayStore.getState().voiceUsed(used),
      () => displayStore.getState().setSoundBlocked(true),
    );
    const voice: Voice = {
      ...speech,
      async play(names, ticketId) {
        const played = await player.play(ticketId, names);
        status.set(played.ok ? { kind: 'ready' } : { kind: 'fallback', missing: played.missing });
        return played.ok;
      },
    };
    return createAnnouncer<Queued>(voice, {
      english,
      onStart: (a) => store.started(a.ticketId, a.queuedAt, Date.now()),
      onEnd: (a, outcome) => store.ended(a.ticketId, a.queuedAt, outcome, Date.now()),
    });
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
            clips:
              view.config.announceVoice === 'recorded'
                ? recordedCall(clips.current, view.config.announceZh, ticket.number, counter.number)
                : null,
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
    [connection, announcer, clips],
  );
}

/** The call's clips, or null (said by speech synthesis) with the reason on the status. */
function recordedCall(
  set: ClipEntry[] | null,
  template: string,
  number: string,
  counter: number,
): string[] | null {
  // Not loaded yet (the display just opened): this call is spoken, the next ones recorded.
  if (!set) return null;
  const call = callClips(template, number, counter, set);
  if (call.ok) return call.clips;
  voiceStatus.getState().set({ kind: 'fallback', missing: call.missing });
  return null;
}

/**
 * While the hall uses its recorded voice: the clip set's manifest, and every clip the hall's
 * calls may need fetched and decoded before the first call (again when the wording changes).
 */
function useRecordedVoice(connection: HallConnection) {
  const set = useRef<ClipEntry[] | null>(null);
  const mode = useHall(connection, (v) => v.hall?.config.announceVoice ?? 'speech');
  const template = useHall(connection, (v) => v.hall?.config.announceZh ?? '');
  const prefixes = useHall(connection, (v) =>
    (v.hall?.services ?? []).map((s) => s.prefix).join(''),
  );
  useEffect(() => {
    const status = voiceStatus.getState();
    if (mode !== 'recorded') {
      status.set({ kind: 'off' });
      return;
    }
    let live = true;
    status.set({ kind: 'loading' });
    void (async () => {
      const manifest = await player.manifest();
      if (!live) return;
      set.current = manifest;
      if (!manifest) return status.set({ kind: 'fallback', missing: ['manifest.json'] });
      const failed = await player.preload(clipsNeeded(template, [...prefixes], manifest));
      if (!live || voiceStatus.getState().recorded.kind !== 'loading') return;
      status.set(failed.length > 0 ? { kind: 'fallback', missing: failed } : { kind: 'ready' });
    })();
    return () => {
      live = false;
    };
  }, [mode, template, prefixes]);
  return set;
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

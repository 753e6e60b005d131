import { audioContext, sleep } from './browser-voice';
import type { ClipEntry } from './voice-clips';

// The recorded voice's player (docs/recorded-voice.md): the clips the hall's calls need are
// fetched from the hall (`/voice/zh-CN/<clip>`) and decoded once, then played through Web
// Audio back to back with a short gap. A clip that cannot be loaded makes the call fall back to
// speech synthesis, before anything is played: never a stall, never half a call.

export const VOICE_BASE = '/voice/zh-CN/';
/** Between two clips of a call. */
export const CLIP_GAP_MS = 60;
/** A clip not loaded by then counts as missing. */
const LOAD_LIMIT_MS = 5000;

export interface ClipPlayer {
  /** The hall's clip set (what each says), or null when it cannot be had. */
  manifest(): Promise<ClipEntry[] | null>;
  /**
   * Fetches and decodes these clips now, so the first call does not wait for them; resolves
   * with those that could not be loaded (tried again when a call needs them).
   */
  preload(names: readonly string[]): Promise<string[]>;
  /** Plays a call's clips in turn; false (nothing played) when one of them cannot be loaded. */
  play(
    ticketId: string,
    clips: readonly string[],
  ): Promise<{ ok: true } | { ok: false; missing: string[] }>;
}

export interface ClipPlayerOptions {
  /** Each clip as it ends (for the display's log). */
  onPlayed(entry: { ticketId: string; clip: string; startedAt: number; endedAt: number }): void;
  /** Sound is held back for want of a touch: the call is shown for as long as it would last. */
  onBlocked(): void;
}

export function clipPlayer(opts: ClipPlayerOptions, base = VOICE_BASE): ClipPlayer {
  const buffers = new Map<string, Promise<AudioBuffer | null>>();

  async function fetchClip(name: string): Promise<AudioBuffer | null> {
    const ctx = audioContext();
    if (!ctx) return null;
    try {
      const res = await fetch(`${base}${encodeURIComponent(name)}`);
      if (!res.ok) return null;
      return await ctx.decodeAudioData(await res.arrayBuffer());
    } catch {
      return null;
    }
  }

  /** A clip decoded once; a failed one is tried again next time. */
  function load(name: string): Promise<AudioBuffer | null> {
    let pending = buffers.get(name);
    if (!pending) {
      pending = Promise.race([fetchClip(name), sleep(LOAD_LIMIT_MS).then(() => null)]);
      buffers.set(name, pending);
      void pending.then((b) => {
        if (!b) buffers.delete(name);
      });
    }
    return pending;
  }

  /** One clip, resolved when it has ended (or when it should have: a stuck one never stalls). */
  function playOne(ctx: AudioContext, buffer: AudioBuffer): Promise<void> {
    return new Promise<void>((resolve) => {
      const source = ctx.createBufferSource();
      source.buffer = buffer;
      source.connect(ctx.destination);
      const limit = setTimeout(done, buffer.duration * 1000 + 2000);
      function done() {
        clearTimeout(limit);
        source.disconnect();
        resolve();
      }
      source.onended = done;
      source.start();
    });
  }

  return {
    async manifest() {
      try {
        const res = await fetch(`${base}manifest.json`);
        if (!res.ok) return null;
        const body = (await res.json()) as { clips?: ClipEntry[] };
        return Array.isArray(body.clips) ? body.clips : null;
      } catch {
        return null;
      }
    },
    async preload(names) {
      const loaded = await Promise.all(names.map(load));
      return names.filter((_, i) => !loaded[i]);
    },
    async play(ticketId, clips) {
      const ctx = audioContext();
      const loaded = await Promise.all(clips.map(load));
      const missing = clips.filter((_, i) => !loaded[i]);
      if (!ctx || missing.length > 0) return { ok: false, missing: ctx ? missing : ['audio'] };
      const buffers = loaded as AudioBuffer[];
      if (ctx.state !== 'running') {
        // Held back until a tap: the words stay on screen as long as the call would last.
        opts.onBlocked();
        await sleep(buffers.reduce((ms, b) => ms + b.duration * 1000 + CLIP_GAP_MS, 0));
        return { ok: true };
      }
      for (const [i, buffer] of buffers.entries()) {
        if (i > 0) await sleep(CLIP_GAP_MS);
        const startedAt = Date.now();
        await playOne(ctx, buffer);
        opts.onPlayed({ ticketId, clip: clips[i]!, startedAt, endedAt: Date.now() });
      }
      return { ok: true };
    },
  };
}

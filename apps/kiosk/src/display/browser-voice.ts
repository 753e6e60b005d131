import type { Voice } from './announcer';

// The display's real voice: a two-tone chime from Web Audio, then speechSynthesis. A machine
// without a voice for the language (headless Chromium has none) or without sound still works:
// the words stay on screen for as long as they would take to say, and the queue moves on.

let audio: AudioContext | null = null;
const RESUME_GRACE_MS = 1500;
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The display's one audio context (the chime's and the recorded voice's). */
export function audioContext(): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null;
  audio ??= new AudioContext();
  return audio;
}

/**
 * Tells whether the browser holds sound back until someone touches the screen once (a plain
 * browser's autoplay policy; the kiosk shell allows sound without a touch): now, and whenever
 * the audio context changes state. Returns the unsubscribe.
 */
export function watchSoundBlocked(onChange: (blocked: boolean) => void): () => void {
  const ctx = audioContext();
  if (!ctx) return () => undefined;
  let live = true;
  const report = () => live && onChange(ctx.state === 'suspended');
  // A new context is suspended until its audio thread starts, allowed or not; one that may
  // play resumes at once, one held back for a touch stays suspended.
  void Promise.race([ctx.resume(), sleep(RESUME_GRACE_MS)]).then(report);
  ctx.addEventListener('statechange', report);
  return () => {
    live = false;
    ctx.removeEventListener('statechange', report);
  };
}

/** Called from a tap: lets Web Audio and speech play from now on. */
export async function unlockSound(): Promise<void> {
  await audioContext()?.resume();
  if ('speechSynthesis' in window) window.speechSynthesis.speak(new SpeechSynthesisUtterance(''));
}

async function voices(): Promise<SpeechSynthesisVoice[]> {
  if (!('speechSynthesis' in window)) return [];
  const synth = window.speechSynthesis;
  if (synth.getVoices().length > 0) return synth.getVoices();
  // Chromium loads its voice list after the page; wait for it once, briefly.
  await Promise.race([
    new Promise<void>((r) => synth.addEventListener('voiceschanged', () => r(), { once: true })),
    sleep(1000),
  ]);
  return synth.getVoices();
}

/**
 * About how long the words take to say (Mandarin about four characters a second, English about
 * fifteen letters): how long they stay on screen without a voice, and the limit for a stuck one.
 */
export function speakingTimeMs(text: string, lang: 'zh-CN' | 'en-US'): number {
  return Math.min(8000, 500 + [...text].length * (lang === 'zh-CN' ? 250 : 70));
}

export function browserVoice(
  onVoice: (used: 'speech' | 'silent') => void,
  /** Speech refused for want of a touch (`not-allowed`): the screen asks for one. */
  onBlocked: () => void = () => undefined,
): Voice {
  return {
    async chime() {
      const ctx = audioContext();
      if (!ctx || ctx.state !== 'running') return;
      for (const [i, freq] of [880, 660].entries()) {
        const at = ctx.currentTime + i * 0.35;
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.25, at);
        gain.gain.exponentialRampToValueAtTime(0.001, at + 0.3);
        osc.connect(gain).connect(ctx.destination);
        osc.start(at);
        osc.stop(at + 0.32);
      }
      await sleep(750);
    },
    async say(text, lang) {
      const voice = (await voices()).find((v) =>
        v.lang.replace('_', '-').startsWith(lang.slice(0, 2)),
      );
      if (!voice) {
        onVoice('silent');
        return sleep(speakingTimeMs(text, lang));
      }
      onVoice('speech');
      const synth = window.speechSynthesis;
      await new Promise<void>((resolve) => {
        const u = new SpeechSynthesisUtterance(text);
        u.lang = lang;
        u.voice = voice;
        u.rate = lang === 'zh-CN' ? 0.9 : 1;
        const limit = setTimeout(done, speakingTimeMs(text, lang) * 2 + 2000);
        function done() {
          clearTimeout(limit);
          resolve();
        }
        u.onend = done;
        u.onerror = (e) => {
          if (e.error === 'not-allowed') onBlocked();
          done();
        };
        synth.speak(u);
      });
    },
  };
}

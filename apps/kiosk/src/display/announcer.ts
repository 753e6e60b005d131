// The hall display's announcements: a queue, so that no announcement overlaps or cuts off
// another, each a chime then the Mandarin wording — recorded clips when the hall uses its
// recorded voice, else speech synthesis — optionally English after it. The speaking itself is
// injected (Web Audio and speechSynthesis in a browser), which makes the queue testable.

export interface Announcement {
  /** The ticket called; a recall of the same ticket is announced again. */
  ticketId: string;
  zh: string;
  en: string;
  /**
   * The Mandarin wording as recorded clips, played one after another instead of saying `zh`
   * (voice-clips.ts); absent or null: said by speech synthesis.
   */
  clips?: readonly string[] | null;
}

export interface Voice {
  chime(): Promise<void>;
  say(text: string, lang: 'zh-CN' | 'en-US'): Promise<void>;
  /**
   * Plays the clips back to back, resolving when the last has ended; false when they could not
   * all be loaded, before playing any (the wording is then said by speech synthesis instead).
   */
  play?(clips: readonly string[], ticketId: string): Promise<boolean>;
}

export interface AnnouncerOptions<A extends Announcement = Announcement> {
  english: boolean;
  /** The most announcements kept waiting; a larger burst drops the oldest waiting ones. */
  maxQueue?: number;
  /** Told when an announcement starts and ends (for the screen and for tests). */
  onStart?(a: A): void;
  onEnd?(a: A, outcome: 'spoken' | 'failed' | 'dropped'): void;
  /** Told when an announcement meant to be recorded is said by speech synthesis instead. */
  onFallback?(a: A): void;
}

export interface Announcer<A extends Announcement = Announcement> {
  enqueue(a: A): void;
  /** Announcements waiting, the one being spoken first. */
  pending(): readonly A[];
  /** Resolves when everything queued so far has been spoken. */
  idle(): Promise<void>;
}

export function createAnnouncer<A extends Announcement>(
  voice: Voice,
  options: AnnouncerOptions<A>,
): Announcer<A> {
  const queue: A[] = [];
  let running: Promise<void> | null = null;
  const maxQueue = options.maxQueue ?? 20;

  async function speak(a: A): Promise<void> {
    options.onStart?.(a);
    try {
      await voice.chime();
      const recorded = a.clips && voice.play ? await voice.play(a.clips, a.ticketId) : false;
      if (!recorded) {
        if (a.clips) options.onFallback?.(a);
        await voice.say(a.zh, 'zh-CN');
      }
      if (options.english) await voice.say(a.en, 'en-US');
      options.onEnd?.(a, 'spoken');
    } catch {
      // A device without sound still shows the call; never stall the queue.
      options.onEnd?.(a, 'failed');
    }
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      await speak(queue[0]!);
      queue.shift();
    }
    running = null;
  }

  return {
    enqueue(a) {
      // A burst larger than the hall can hear loses its oldest waiting announcements (never
      // the one being spoken); the screen still shows every call.
      while (queue.length >= maxQueue) {
        const [dropped] = queue.splice(1, 1);
        if (dropped) options.onEnd?.(dropped, 'dropped');
      }
      queue.push(a);
      running ??= drain();
    },
    pending: () => queue,
    idle: () => running ?? Promise.resolve(),
  };
}

// The hall display's announcements: a queue, so that no announcement overlaps or cuts off
// another, each a chime then the Mandarin wording, optionally English after it. The speaking
// itself is injected (speechSynthesis in a browser), which makes the queue testable.

export interface Announcement {
  /** The ticket called; a recall of the same ticket is announced again. */
  ticketId: string;
  zh: string;
  en: string;
}

export interface Voice {
  chime(): Promise<void>;
  say(text: string, lang: 'zh-CN' | 'en-US'): Promise<void>;
}

export interface Announcer {
  enqueue(a: Announcement): void;
  /** Announcements waiting, the one being spoken first. */
  pending(): readonly Announcement[];
  /** Resolves when everything queued so far has been spoken. */
  idle(): Promise<void>;
}

export function createAnnouncer(
  voice: Voice,
  options: { english: boolean; maxQueue?: number },
): Announcer {
  const queue: Announcement[] = [];
  let running: Promise<void> | null = null;
  const maxQueue = options.maxQueue ?? 20;

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const next = queue[0]!;
      try {
        await voice.chime();
        await voice.say(next.zh, 'zh-CN');
        if (options.english) await voice.say(next.en, 'en-US');
      } catch {
        // A device without sound still shows the call; never stall the queue.
      }
      queue.shift();
    }
    running = null;
  }

  return {
    enqueue(a) {
      // A burst larger than the hall can hear is cut from the oldest; the screen shows all.
      if (queue.length >= maxQueue) queue.splice(1, 1);
      queue.push(a);
      running ??= drain();
    },
    pending: () => queue,
    idle: () => running ?? Promise.resolve(),
  };
}

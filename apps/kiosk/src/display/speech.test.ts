import { describe, expect, it } from 'vitest';
import { createAnnouncer, type Voice } from './announcer';
import { callWording, counterZh, readTicketZh } from './speech';

describe('what the display says', () => {
  it.each([
    ['A023', 'A零二三'],
    ['B100', 'B一零零'],
    ['E007', 'E零零七'],
  ])('%s is read %s', (number, spoken) => expect(readTicketZh(number)).toBe(spoken));

  it.each([
    [3, '三'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [36, '三十六'],
  ])('counter %i is read %s', (n, spoken) => expect(counterZh(n)).toBe(spoken));

  it('asks the customer to the counter in Mandarin, then English', () => {
    expect(callWording('A023', 3)).toEqual({
      zh: '请A零二三号到三号窗口办理',
      en: 'Number A 0 2 3, please go to counter 3.',
    });
  });

  it('says it in the hall’s own wording, set by the admin', () => {
    expect(
      callWording('B105', 12, {
        announceZh: '{number}号顾客,请到{counter}号窗口',
        announceEn: 'Ticket {number} to counter {counter}, please.',
      }),
    ).toEqual({
      zh: 'B一零五号顾客,请到十二号窗口',
      en: 'Ticket B 1 0 5 to counter 12, please.',
    });
  });
});

describe('the announcement queue', () => {
  function recordingVoice() {
    const spoken: string[] = [];
    let speaking = 0;
    let overlaps = 0;
    const voice: Voice = {
      async chime() {
        spoken.push('♪');
      },
      async say(text) {
        speaking++;
        if (speaking > 1) overlaps++;
        await new Promise((r) => setTimeout(r, 5));
        spoken.push(text);
        speaking--;
      },
    };
    return { voice, spoken, overlaps: () => overlaps };
  }

  it('speaks each announcement whole, in order, never two at once; a recall is spoken again', async () => {
    const { voice, spoken, overlaps } = recordingVoice();
    const announcer = createAnnouncer(voice, { english: true });
    announcer.enqueue({ ticketId: 't1', zh: '一', en: 'one' });
    announcer.enqueue({ ticketId: 't2', zh: '二', en: 'two' });
    announcer.enqueue({ ticketId: 't1', zh: '一', en: 'one' });
    expect(announcer.pending()).toHaveLength(3);
    await announcer.idle();
    expect(spoken).toEqual(['♪', '一', 'one', '♪', '二', 'two', '♪', '一', 'one']);
    expect(overlaps()).toBe(0);
    expect(announcer.pending()).toHaveLength(0);
  });

  it('keeps going when the voice fails (no sound device), and skips English when off', async () => {
    const spoken: string[] = [];
    const announcer = createAnnouncer(
      {
        chime: () => Promise.reject(new Error('no audio')),
        say: async (text) => void spoken.push(text),
      },
      { english: false },
    );
    announcer.enqueue({ ticketId: 't1', zh: '一', en: 'one' });
    announcer.enqueue({ ticketId: 't2', zh: '二', en: 'two' });
    await announcer.idle();
    expect(spoken).toEqual([]); // the failed chime skips that announcement's speech, not the queue
    expect(announcer.pending()).toHaveLength(0);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAnnouncer, type Voice } from './announcer';
import { callClips, clipsNeeded, counterTexts, type ClipEntry } from './voice-clips';

// The recorded voice's composition: the hall's wording → the clips to play, or what is missing.

/** The built-in set, as the hall serves it. */
const BUILT_IN: ClipEntry[] = (
  JSON.parse(
    readFileSync(
      new URL('../../../hall-server/voice/zh-CN/manifest.json', import.meta.url),
      'utf8',
    ),
  ) as { clips: ClipEntry[] }
).clips;

const DEFAULT = '请{number}号到{counter}号窗口办理';

describe('a call made of recorded clips', () => {
  it.each([
    [
      DEFAULT,
      'A023',
      3,
      ['qing', 'A', '0', '2', '3', 'hao', 'dao', '3', 'hao-chuang-kou', 'ban-li'],
    ],
    [
      DEFAULT,
      'B100',
      12,
      ['qing', 'B', '1', '0', '0', 'hao', 'dao', 'shi', '2', 'hao-chuang-kou', 'ban-li'],
    ],
    [
      DEFAULT,
      'E007',
      20,
      ['qing', 'E', '0', '0', '7', 'hao', 'dao', '2', 'shi', 'hao-chuang-kou', 'ban-li'],
    ],
    [
      DEFAULT,
      'C001',
      10,
      ['qing', 'C', '0', '0', '1', 'hao', 'dao', 'shi', 'hao-chuang-kou', 'ban-li'],
    ],
    [
      DEFAULT,
      'Z999',
      99,
      ['qing', 'Z', '9', '9', '9', 'hao', 'dao', '9', 'shi', '9', 'hao-chuang-kou', 'ban-li'],
    ],
    // The hall's own wording, with punctuation (not said) and words of the set.
    [
      '{number}号顾客,请到{counter}号窗口',
      'B105',
      45,
      ['B', '1', '0', '5', 'hao', 'gu-ke', 'qing', 'dao', '4', 'shi', '5', 'hao-chuang-kou'],
    ],
    [
      '您好!请 {number} 号前往第{counter}窗口。',
      'A001',
      1,
      ['nin-hao', 'qing', 'A', '0', '0', '1', 'hao', 'qian-wang', 'di', '1', 'chuang-kou'],
    ],
    // A letter in lower case is the same letter.
    ['{number}{counter}', 'a1', 0, ['A', '1', '0']],
  ])('%s, %s at counter %i → %j', (template, number, counter, clips) =>
    expect(callClips(template, number, counter, BUILT_IN)).toEqual({ ok: true, clips }),
  );

  it.each([
    // A word of the wording without its clip: the whole call is spoken instead.
    ['请{number}号到{counter}号窗口缴费', 'A001', 1, ['缴', '费']],
    ['{number}请到{counter}号柜台', 'A001', 1, []],
    // A counter past 99 or a character no clip says.
    [DEFAULT, 'A001', 100, ['counter 100']],
    [DEFAULT, 'A-01', 1, ['-']],
    [DEFAULT, 'Å001', 1, ['Å']],
  ])('%s, %s at counter %i: missing %j', (template, number, counter, missing) => {
    const call = callClips(template, number, counter, BUILT_IN);
    if (missing.length === 0) expect(call.ok).toBe(true);
    else expect(call).toEqual({ ok: false, missing });
  });

  it('falls back whole when a clip of the number is missing from the set', () => {
    const noSeven = BUILT_IN.filter((c) => c.name !== '7');
    expect(callClips(DEFAULT, 'A007', 1, noSeven)).toEqual({ ok: false, missing: ['7'] });
    expect(callClips(DEFAULT, 'A001', 7, noSeven)).toEqual({ ok: false, missing: ['七'] });
    expect(callClips(DEFAULT, 'A001', 1, [])).toMatchObject({ ok: false });
  });

  it("uses the hall's own longer phrase when its set has one", () => {
    const own = [...BUILT_IN, { name: 'qing-dao', text: '号到' }];
    expect(callClips(DEFAULT, 'A1', 2, own)).toEqual({
      ok: true,
      clips: ['qing', 'A', '1', 'qing-dao', '2', 'hao-chuang-kou', 'ban-li'],
    });
  });

  it.each([
    [0, ['零']],
    [7, ['七']],
    [10, ['十']],
    [11, ['十', '一']],
    [30, ['三', '十']],
    [99, ['九', '十', '九']],
    [100, null],
    [-1, null],
  ])('counter %i is read %j', (n, texts) => expect(counterTexts(n)).toEqual(texts));

  it("loads the wording's words, the digits, 十 and the services' letters", () => {
    expect(new Set(clipsNeeded(DEFAULT, ['A', 'B'], BUILT_IN))).toEqual(
      new Set(['qing', 'hao', 'dao', 'hao-chuang-kou', 'ban-li', 'shi', 'A', 'B', ...'0123456789']),
    );
  });
});

describe('recorded calls on the one queue', () => {
  /** A voice whose clips take a moment to play; `fail` names clips that cannot be loaded. */
  function clipVoice(fail: string[] = []) {
    const heard: string[] = [];
    let busy = 0;
    let overlaps = 0;
    const busyFor = async (what: string) => {
      busy++;
      if (busy > 1) overlaps++;
      await new Promise((r) => setTimeout(r, 5));
      heard.push(what);
      busy--;
    };
    const voice: Voice = {
      chime: () => busyFor('♪'),
      say: (text) => busyFor(text),
      async play(clips) {
        if (clips.some((c) => fail.includes(c))) return false;
        for (const c of clips) await busyFor(`[${c}]`);
        return true;
      },
    };
    return { voice, heard, overlaps: () => overlaps };
  }

  it('plays each recorded call whole after the one before it, never over it', async () => {
    const { voice, heard, overlaps } = clipVoice();
    const announcer = createAnnouncer(voice, { english: false });
    announcer.enqueue({ ticketId: 't1', zh: '一', en: 'one', clips: ['qing', 'A', '1'] });
    announcer.enqueue({ ticketId: 't2', zh: '二', en: 'two', clips: ['qing', 'A', '2'] });
    announcer.enqueue({ ticketId: 't3', zh: '三', en: 'three', clips: null });
    await announcer.idle();
    expect(heard).toEqual(['♪', '[qing]', '[A]', '[1]', '♪', '[qing]', '[A]', '[2]', '♪', '三']);
    expect(overlaps()).toBe(0);
  });

  it('says a call whose clips cannot be loaded by speech, whole, and goes on', async () => {
    const { voice, heard } = clipVoice(['2']);
    const fellBack: string[] = [];
    const announcer = createAnnouncer(voice, {
      english: true,
      onFallback: (a) => fellBack.push(a.ticketId),
    });
    announcer.enqueue({ ticketId: 't2', zh: '二', en: 'two', clips: ['qing', 'A', '2'] });
    announcer.enqueue({ ticketId: 't1', zh: '一', en: 'one', clips: ['qing', 'A', '1'] });
    await announcer.idle();
    expect(heard).toEqual(['♪', '二', 'two', '♪', '[qing]', '[A]', '[1]', 'one']);
    expect(fellBack).toEqual(['t2']);
  });
});

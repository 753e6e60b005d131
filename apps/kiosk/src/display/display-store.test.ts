import { describe, expect, it } from 'vitest';
import { createDisplayStore, HIGHLIGHT_MS, type AnnouncementLogEntry } from './display-store';

// The display's own state: the tiles that flash for a new call, and the announcement log with
// what is being said now.

const entry = (ticketId: string, queuedAt: number): AnnouncementLogEntry => ({
  ticketId,
  zh: `请${ticketId}号到一号窗口办理`,
  en: `Number ${ticketId}, please go to counter 1.`,
  shown: `请 ${ticketId} 号到 1 号窗口办理`,
  recall: 0,
  queuedAt,
  startedAt: null,
  endedAt: null,
  outcome: null,
  voice: null,
});

describe('the display’s highlights', () => {
  it('flashes a counter’s tile for a while from the call, each counter on its own', () => {
    const store = createDisplayStore();
    store.getState().highlight('ctr-1', 1000);
    store.getState().highlight('ctr-2', 5000);
    store.getState().highlight('ctr-1', 8000); // a recall starts its flash again
    expect(store.getState().highlights).toEqual({
      'ctr-1': 8000 + HIGHLIGHT_MS,
      'ctr-2': 5000 + HIGHLIGHT_MS,
    });
  });

  it('says when the browser holds sound back', () => {
    const store = createDisplayStore();
    store.getState().setSoundBlocked(true);
    expect(store.getState().soundBlocked).toBe(true);
  });
});

describe('the announcement log', () => {
  it('follows one announcement from queued to spoken, by a voice', () => {
    const store = createDisplayStore();
    const s = () => store.getState();
    s().queued(entry('A001', 10));
    expect(s().announcing).toBeNull();
    s().started('A001', 10, 20);
    expect(s().announcing).toMatchObject({ ticketId: 'A001', startedAt: 20 });
    s().voiceUsed('silent');
    expect(s().announcing?.voice).toBe('silent');
    s().ended('A001', 10, 'spoken', 30);
    expect(s().announcing).toBeNull();
    expect(s().log).toEqual([
      { ...entry('A001', 10), startedAt: 20, endedAt: 30, outcome: 'spoken', voice: 'silent' },
    ]);
  });

  it.each(['spoken', 'failed', 'dropped'] as const)('ends an announcement as %s', (outcome) => {
    const store = createDisplayStore();
    store.getState().queued(entry('A001', 10));
    store.getState().ended('A001', 10, outcome, 30);
    expect(store.getState().log[0]).toMatchObject({ endedAt: 30, outcome });
  });

  it('tells a recall from the first call by when it was queued', () => {
    const store = createDisplayStore();
    const s = () => store.getState();
    s().queued(entry('A001', 10));
    s().queued({ ...entry('A001', 50), recall: 1 });
    s().started('A001', 10, 20);
    s().ended('A001', 10, 'spoken', 40);
    s().started('A001', 50, 60);
    expect(s().announcing).toMatchObject({ recall: 1, startedAt: 60 });
    expect(s().log.map((e) => [e.recall, e.startedAt, e.endedAt])).toEqual([
      [0, 20, 40],
      [1, 60, null],
    ]);
  });

  it('notes no voice while nothing is being said', () => {
    const store = createDisplayStore();
    store.getState().queued(entry('A001', 10));
    store.getState().voiceUsed('speech');
    expect(store.getState().log[0]!.voice).toBeNull();
  });

  it('keeps the last 200 announcements', () => {
    const store = createDisplayStore();
    for (let i = 0; i < 205; i++) store.getState().queued(entry(`A${i}`, i));
    const log = store.getState().log;
    expect(log).toHaveLength(200);
    expect([log[0]!.ticketId, log.at(-1)!.ticketId]).toEqual(['A5', 'A204']);
  });
});

import type { Evaluation } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { counter } from '../../../../test-support/fixtures';
import { noTaps, openQuestion, padScreen, type PadScreen, type PadTaps } from './pad-view';

const question = (over: Partial<Evaluation> = {}): Evaluation => ({
  id: 'e1',
  ticketId: 't1',
  counterId: 'ctr-1',
  staffId: 'stf-clerk-1',
  state: 'pending',
  score: null,
  reasons: [],
  createdAt: 100,
  deadlineAt: 30_100,
  answeredAt: null,
  changeSeq: 1,
  ...over,
});

describe('padScreen', () => {
  it.each([
    {
      case: 'counter not known yet',
      counter: null,
      question: null,
      taps: noTaps,
      screen: 'unknown',
    },
    {
      case: 'open, a clerk at it',
      counter: counter(),
      question: null,
      taps: noTaps,
      screen: 'idle',
    },
    {
      case: 'paused',
      counter: counter({ state: 'paused', pauseReason: 'break' }),
      question: null,
      taps: noTaps,
      screen: 'paused',
    },
    {
      case: 'closed',
      counter: counter({ state: 'closed', staffId: null }),
      question: null,
      taps: noTaps,
      screen: 'closed',
    },
    {
      case: 'a finished service asks',
      counter: counter(),
      question: question(),
      taps: noTaps,
      screen: 'ask',
    },
    {
      case: 'asks even when the clerk paused right after',
      counter: counter({ state: 'paused' }),
      question: question(),
      taps: noTaps,
      screen: 'ask',
    },
    {
      case: '不满意 tapped: reasons',
      counter: counter(),
      question: question(),
      taps: { reasonsFor: 'e1', thanksUntil: 0 },
      screen: 'reasons',
    },
    {
      case: 'reasons for an older question do not carry over',
      counter: counter(),
      question: question({ id: 'e2' }),
      taps: { reasonsFor: 'e1', thanksUntil: 0 },
      screen: 'ask',
    },
    {
      case: 'answered: thanks',
      counter: counter(),
      question: null,
      taps: { reasonsFor: null, thanksUntil: 5000 },
      screen: 'thanks',
    },
    {
      case: 'thanks over: idle',
      counter: counter(),
      question: null,
      taps: { reasonsFor: null, thanksUntil: 999 },
      screen: 'idle',
    },
    {
      case: 'not rated by the server (no question): idle',
      counter: counter(),
      question: null,
      taps: { reasonsFor: 'e1', thanksUntil: 0 },
      screen: 'idle',
    },
  ] as {
    case: string;
    counter: ReturnType<typeof counter> | null;
    question: Evaluation | null;
    taps: PadTaps;
    screen: PadScreen;
  }[])('$case → $screen', ({ counter: c, question: q, taps, screen }) => {
    expect(padScreen({ counter: c, question: q, taps, now: 1000 })).toBe(screen);
  });
});

describe('openQuestion', () => {
  it('takes the newest pending question of this counter only', () => {
    const list = [
      question({ id: 'old', createdAt: 1 }),
      question({ id: 'new', createdAt: 5 }),
      question({ id: 'rated', createdAt: 9, state: 'rated', score: 'satisfied' }),
      question({ id: 'other-counter', createdAt: 9, counterId: 'ctr-2' }),
    ];
    expect(openQuestion(list, 'ctr-1')?.id).toBe('new');
    expect(openQuestion(list, 'ctr-3')).toBeNull();
  });
});

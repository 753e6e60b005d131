import { describe, expect, it } from 'vitest';
import { answered, noAnswer, type QueryState } from './use-query';

// The query hook's answers: data replaces data and clears an error; a refusal keeps the last
// data (shown stale) beside its code. The hook's asking is exercised by the screens' tests
// (services board, shift log, sync status, call order).

describe('answered', () => {
  const before: QueryState<number> = { data: 1, loading: true, error: null, at: 10 };
  const refused: QueryState<number> = { data: 1, loading: true, error: 'offline', at: 10 };
  it.each([
    [
      'first data',
      noAnswer,
      { ok: true, data: 2 },
      { data: 2, loading: false, error: null, at: 99 },
    ],
    ['new data', before, { ok: true, data: 2 }, { data: 2, loading: false, error: null, at: 99 }],
    [
      'data after a refusal',
      refused,
      { ok: true, data: 3 },
      { data: 3, loading: false, error: null, at: 99 },
    ],
    [
      'a refusal keeps the data',
      before,
      { ok: false, code: 'forbidden' },
      { data: 1, loading: false, error: 'forbidden', at: 10 },
    ],
    [
      'no answer at first',
      noAnswer,
      { ok: false, code: 'offline' },
      { data: null, loading: false, error: 'offline', at: null },
    ],
  ] as const)('%s', (_, state, ack, next) => {
    expect(answered<number>(state, ack, 99)).toEqual(next);
  });
});
